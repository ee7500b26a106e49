-- users: customers and admins (docs/domain/data-model.md).
-- PostgreSQL 15. Timestamps are TIMESTAMP(0) holding UTC (no time zone; sessions run with TIME ZONE UTC).
CREATE TABLE users (
    id BIGSERIAL PRIMARY KEY,
    name VARCHAR(255) NOT NULL,
    last_name VARCHAR(255) NULL,
    phone VARCHAR(255) NULL,
    email VARCHAR(255) NOT NULL,
    google_id VARCHAR(255) NULL,
    email_verified_at TIMESTAMP(0) NULL,
    password VARCHAR(255) NOT NULL,
    -- enum: 'user' | 'admin'
    role VARCHAR(20) NOT NULL DEFAULT 'user',
    remember_token VARCHAR(100) NULL,
    admin_two_factor_secret TEXT NULL,
    admin_two_factor_enabled_at TIMESTAMP(0) NULL,
    -- JSON array of password hashes (TEXT: the application reads and writes it)
    admin_two_factor_recovery_codes TEXT NULL,
    admin_two_factor_recovery_codes_generated_at TIMESTAMP(0) NULL,
    -- last accepted TOTP time step (replay protection)
    admin_two_factor_last_used_step BIGINT NULL,
    created_at TIMESTAMP(0) NULL,
    updated_at TIMESTAMP(0) NULL,
    CONSTRAINT users_email_unique UNIQUE (email),
    CONSTRAINT users_google_id_unique UNIQUE (google_id)
);
-- @down
DROP TABLE IF EXISTS users;
