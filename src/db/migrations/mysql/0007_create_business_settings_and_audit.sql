-- Business settings key/value store and the audit log (docs/domain/data-model.md).
CREATE TABLE business_settings (
    id BIGINT UNSIGNED NOT NULL AUTO_INCREMENT PRIMARY KEY,
    `key` VARCHAR(255) NOT NULL,
    value TEXT NULL,
    updated_by BIGINT UNSIGNED NULL,
    created_at DATETIME NULL,
    updated_at DATETIME NULL,
    UNIQUE KEY business_settings_key_unique (`key`),
    KEY business_settings_updated_by_foreign (updated_by),
    CONSTRAINT business_settings_updated_by_foreign FOREIGN KEY (updated_by) REFERENCES users (id) ON DELETE SET NULL
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;
-- audit_logs has no updated_at
CREATE TABLE audit_logs (
    id BIGINT UNSIGNED NOT NULL AUTO_INCREMENT PRIMARY KEY,
    event VARCHAR(120) NOT NULL,
    actor_id BIGINT UNSIGNED NULL,
    actor_role VARCHAR(30) NULL,
    -- model class name, e.g. App\Models\Order
    subject_type VARCHAR(120) NULL,
    subject_id BIGINT UNSIGNED NULL,
    ip_address VARCHAR(45) NULL,
    user_agent VARCHAR(255) NULL,
    route_name VARCHAR(120) NULL,
    http_method VARCHAR(10) NULL,
    metadata JSON NULL,
    created_at DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    KEY audit_logs_event_created_at_index (event, created_at),
    KEY audit_logs_actor_id_created_at_index (actor_id, created_at),
    KEY audit_logs_subject_type_subject_id_created_at_index (subject_type, subject_id, created_at),
    CONSTRAINT audit_logs_actor_id_foreign FOREIGN KEY (actor_id) REFERENCES users (id) ON DELETE SET NULL
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;
-- @down
DROP TABLE IF EXISTS audit_logs;
DROP TABLE IF EXISTS business_settings;
