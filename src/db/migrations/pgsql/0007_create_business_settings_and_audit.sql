-- Business settings key/value store and the audit log (docs/domain/data-model.md).
CREATE TABLE business_settings (
    id BIGSERIAL PRIMARY KEY,
    "key" VARCHAR(255) NOT NULL,
    value TEXT NULL,
    updated_by BIGINT NULL,
    created_at TIMESTAMP(0) NULL,
    updated_at TIMESTAMP(0) NULL,
    CONSTRAINT business_settings_key_unique UNIQUE ("key"),
    CONSTRAINT business_settings_updated_by_foreign FOREIGN KEY (updated_by) REFERENCES users (id) ON DELETE SET NULL
);
CREATE INDEX business_settings_updated_by_foreign ON business_settings (updated_by);
-- audit_logs has no updated_at
CREATE TABLE audit_logs (
    id BIGSERIAL PRIMARY KEY,
    event VARCHAR(120) NOT NULL,
    actor_id BIGINT NULL,
    actor_role VARCHAR(30) NULL,
    -- model class name, e.g. App\Models\Order
    subject_type VARCHAR(120) NULL,
    subject_id BIGINT NULL,
    ip_address VARCHAR(45) NULL,
    user_agent VARCHAR(255) NULL,
    route_name VARCHAR(120) NULL,
    http_method VARCHAR(10) NULL,
    metadata TEXT NULL,
    created_at TIMESTAMP(0) NOT NULL DEFAULT (now() AT TIME ZONE 'UTC'),
    CONSTRAINT audit_logs_actor_id_foreign FOREIGN KEY (actor_id) REFERENCES users (id) ON DELETE SET NULL
);
CREATE INDEX audit_logs_event_created_at_index ON audit_logs (event, created_at);
CREATE INDEX audit_logs_actor_id_created_at_index ON audit_logs (actor_id, created_at);
CREATE INDEX audit_logs_subject_type_subject_id_created_at_index ON audit_logs (subject_type, subject_id, created_at);
-- @down
DROP TABLE IF EXISTS audit_logs;
DROP TABLE IF EXISTS business_settings;
