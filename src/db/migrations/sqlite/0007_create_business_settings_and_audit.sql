-- Business settings key/value store and the audit log (docs/domain/data-model.md).
CREATE TABLE business_settings (
    id INTEGER PRIMARY KEY AUTOINCREMENT,
    "key" VARCHAR(255) NOT NULL,
    value TEXT NULL,
    updated_by INTEGER NULL REFERENCES users (id) ON DELETE SET NULL,
    created_at TEXT NULL,
    updated_at TEXT NULL
);
CREATE UNIQUE INDEX business_settings_key_unique ON business_settings ("key");
CREATE INDEX business_settings_updated_by_foreign ON business_settings (updated_by);
-- audit_logs has no updated_at
CREATE TABLE audit_logs (
    id INTEGER PRIMARY KEY AUTOINCREMENT,
    event VARCHAR(120) NOT NULL,
    actor_id INTEGER NULL REFERENCES users (id) ON DELETE SET NULL,
    actor_role VARCHAR(30) NULL,
    -- model class name, e.g. App\Models\Order
    subject_type VARCHAR(120) NULL,
    subject_id INTEGER NULL CHECK (subject_id >= 0),
    ip_address VARCHAR(45) NULL,
    user_agent VARCHAR(255) NULL,
    route_name VARCHAR(120) NULL,
    http_method VARCHAR(10) NULL,
    metadata TEXT NULL CHECK (metadata IS NULL OR json_valid(metadata)),
    created_at TEXT NOT NULL DEFAULT CURRENT_TIMESTAMP
);
CREATE INDEX audit_logs_event_created_at_index ON audit_logs (event, created_at);
CREATE INDEX audit_logs_actor_id_created_at_index ON audit_logs (actor_id, created_at);
CREATE INDEX audit_logs_subject_type_subject_id_created_at_index ON audit_logs (subject_type, subject_id, created_at);
-- @down
DROP TABLE IF EXISTS audit_logs;
DROP TABLE IF EXISTS business_settings;
