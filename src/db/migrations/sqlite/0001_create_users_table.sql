-- users: customers and admins (docs/domain/data-model.md).
-- Timestamps are TEXT holding UTC 'YYYY-MM-DD HH:MM:SS'.
CREATE TABLE users (
    id INTEGER PRIMARY KEY AUTOINCREMENT,
    name VARCHAR(255) NOT NULL,
    last_name VARCHAR(255) NULL,
    phone VARCHAR(255) NULL,
    email VARCHAR(255) NOT NULL,
    google_id VARCHAR(255) NULL,
    email_verified_at TEXT NULL,
    password VARCHAR(255) NOT NULL,
    -- enum: 'user' | 'admin'
    role VARCHAR(20) NOT NULL DEFAULT 'user' CHECK (role IN ('user', 'admin')),
    remember_token VARCHAR(100) NULL,
    admin_two_factor_secret TEXT NULL,
    admin_two_factor_enabled_at TEXT NULL,
    -- JSON array of password hashes
    admin_two_factor_recovery_codes TEXT NULL CHECK (admin_two_factor_recovery_codes IS NULL OR json_valid(admin_two_factor_recovery_codes)),
    admin_two_factor_recovery_codes_generated_at TEXT NULL,
    -- last accepted TOTP time step (replay protection)
    admin_two_factor_last_used_step INTEGER NULL,
    created_at TEXT NULL,
    updated_at TEXT NULL
);
CREATE UNIQUE INDEX users_email_unique ON users (email);
CREATE UNIQUE INDEX users_google_id_unique ON users (google_id);
-- @down
DROP TABLE IF EXISTS users;
