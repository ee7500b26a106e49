-- users: customers and admins (docs/domain/data-model.md).
-- MariaDB 10.11 / MySQL. Timestamps are DATETIME holding UTC.
CREATE TABLE users (
    id BIGINT UNSIGNED NOT NULL AUTO_INCREMENT PRIMARY KEY,
    name VARCHAR(255) NOT NULL,
    last_name VARCHAR(255) NULL,
    phone VARCHAR(255) NULL,
    email VARCHAR(255) NOT NULL,
    google_id VARCHAR(255) NULL,
    email_verified_at DATETIME NULL,
    password VARCHAR(255) NOT NULL,
    -- enum: 'user' | 'admin'
    role VARCHAR(20) NOT NULL DEFAULT 'user',
    remember_token VARCHAR(100) NULL,
    admin_two_factor_secret TEXT NULL,
    admin_two_factor_enabled_at DATETIME NULL,
    -- JSON array of password hashes
    admin_two_factor_recovery_codes JSON NULL,
    admin_two_factor_recovery_codes_generated_at DATETIME NULL,
    -- last accepted TOTP time step (replay protection)
    admin_two_factor_last_used_step BIGINT NULL,
    created_at DATETIME NULL,
    updated_at DATETIME NULL,
    UNIQUE KEY users_email_unique (email),
    UNIQUE KEY users_google_id_unique (google_id)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;
-- @down
DROP TABLE IF EXISTS users;
