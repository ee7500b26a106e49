-- Repairs, status history, WhatsApp templates and logs (docs/domain/data-model.md).
-- Money columns are INTEGER centavos (the reference used DECIMAL(10,2) pesos).
CREATE TABLE repairs (
    id INTEGER PRIMARY KEY AUTOINCREMENT,
    -- R-YYYYMMDD-NNNNN, set right after insert
    code VARCHAR(255) NULL,
    user_id INTEGER NULL REFERENCES users (id) ON DELETE SET NULL,
    customer_name VARCHAR(255) NOT NULL,
    -- digits only
    customer_phone VARCHAR(30) NOT NULL,
    device_type_id INTEGER NULL REFERENCES device_types (id) ON DELETE SET NULL,
    device_brand_id INTEGER NULL REFERENCES device_brands (id) ON DELETE SET NULL,
    device_model_id INTEGER NULL REFERENCES device_models (id) ON DELETE SET NULL,
    device_issue_type_id INTEGER NULL REFERENCES device_issue_types (id) ON DELETE SET NULL,
    issue_detail TEXT NULL,
    repair_type_id INTEGER NULL REFERENCES repair_types (id) ON DELETE SET NULL,
    device_brand VARCHAR(255) NULL,
    device_model VARCHAR(255) NULL,
    issue_reported TEXT NOT NULL,
    diagnosis TEXT NULL,
    -- centavos
    parts_cost INTEGER NOT NULL DEFAULT 0 CHECK (parts_cost >= 0),
    -- centavos
    labor_cost INTEGER NOT NULL DEFAULT 0 CHECK (labor_cost >= 0),
    -- centavos
    final_price INTEGER NULL CHECK (final_price >= 0),
    -- centavos
    paid_amount INTEGER NULL DEFAULT 0 CHECK (paid_amount >= 0),
    -- values: 'cash' | 'transfer' | 'debit' | 'credit' | 'mp' | 'other' (validated by the app)
    payment_method VARCHAR(50) NULL,
    payment_notes VARCHAR(500) NULL,
    -- values: 'received' | 'diagnosing' | 'waiting_approval' | 'repairing' | 'ready_pickup' | 'delivered' | 'cancelled' (validated by the app)
    status VARCHAR(255) NOT NULL DEFAULT 'received',
    warranty_days INTEGER NOT NULL DEFAULT 0 CHECK (warranty_days >= 0),
    received_at TEXT NULL,
    delivered_at TEXT NULL,
    notes TEXT NULL,
    created_at TEXT NULL,
    updated_at TEXT NULL
);
CREATE UNIQUE INDEX repairs_code_unique ON repairs (code);
CREATE INDEX repairs_status_index ON repairs (status);
CREATE INDEX repairs_customer_phone_index ON repairs (customer_phone);
CREATE INDEX repairs_received_at_index ON repairs (received_at);
CREATE INDEX repairs_device_catalog_idx ON repairs (device_type_id, device_brand_id, device_model_id);
CREATE INDEX repairs_status_created_at_index ON repairs (status, created_at);
CREATE INDEX repairs_status_received_at_index ON repairs (status, received_at);
CREATE INDEX repairs_user_id_created_at_index ON repairs (user_id, created_at);
CREATE INDEX repairs_created_at_index ON repairs (created_at);
CREATE INDEX repairs_status_customer_phone_index ON repairs (status, customer_phone);
CREATE INDEX repairs_updated_at_index ON repairs (updated_at);
-- repairs_device_type_id_foreign mirrors the MySQL file, where this index is needed for cascades
CREATE INDEX repairs_device_type_id_foreign ON repairs (device_type_id);
CREATE INDEX repairs_device_brand_id_foreign ON repairs (device_brand_id);
CREATE INDEX repairs_device_model_id_foreign ON repairs (device_model_id);
CREATE INDEX repairs_device_issue_type_id_foreign ON repairs (device_issue_type_id);
CREATE INDEX repairs_repair_type_id_foreign ON repairs (repair_type_id);
CREATE TABLE repair_status_histories (
    id INTEGER PRIMARY KEY AUTOINCREMENT,
    repair_id INTEGER NOT NULL REFERENCES repairs (id) ON DELETE CASCADE,
    from_status VARCHAR(255) NULL,
    to_status VARCHAR(255) NOT NULL,
    -- NULL = public/customer action
    changed_by INTEGER NULL REFERENCES users (id) ON DELETE SET NULL,
    changed_at TEXT NOT NULL DEFAULT CURRENT_TIMESTAMP,
    comment TEXT NULL
);
CREATE INDEX repair_status_histories_repair_id_changed_at_index ON repair_status_histories (repair_id, changed_at);
CREATE INDEX repair_status_histories_changed_by_foreign ON repair_status_histories (changed_by);
CREATE TABLE repair_whatsapp_templates (
    id INTEGER PRIMARY KEY AUTOINCREMENT,
    status VARCHAR(255) NOT NULL,
    template TEXT NOT NULL,
    updated_by INTEGER NULL REFERENCES users (id) ON DELETE SET NULL,
    created_at TEXT NULL,
    updated_at TEXT NULL
);
CREATE UNIQUE INDEX repair_whatsapp_templates_status_unique ON repair_whatsapp_templates (status);
CREATE INDEX repair_whatsapp_templates_updated_by_foreign ON repair_whatsapp_templates (updated_by);
CREATE TABLE repair_whatsapp_logs (
    id INTEGER PRIMARY KEY AUTOINCREMENT,
    repair_id INTEGER NOT NULL REFERENCES repairs (id) ON DELETE CASCADE,
    notified_status VARCHAR(255) NOT NULL,
    phone VARCHAR(30) NULL,
    message TEXT NULL,
    sent_by INTEGER NULL REFERENCES users (id) ON DELETE SET NULL,
    sent_at TEXT NOT NULL DEFAULT CURRENT_TIMESTAMP,
    created_at TEXT NULL,
    updated_at TEXT NULL
);
CREATE INDEX repair_whatsapp_logs_repair_id_sent_at_index ON repair_whatsapp_logs (repair_id, sent_at);
CREATE INDEX repair_whatsapp_logs_repair_id_notified_status_index ON repair_whatsapp_logs (repair_id, notified_status);
CREATE INDEX repair_whatsapp_logs_repair_id_notified_status_sent_at_index ON repair_whatsapp_logs (repair_id, notified_status, sent_at);
CREATE INDEX repair_whatsapp_logs_sent_by_foreign ON repair_whatsapp_logs (sent_by);
-- @down
DROP TABLE IF EXISTS repair_whatsapp_logs;
DROP TABLE IF EXISTS repair_whatsapp_templates;
DROP TABLE IF EXISTS repair_status_histories;
DROP TABLE IF EXISTS repairs;
