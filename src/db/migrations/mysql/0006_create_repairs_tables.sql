-- Repairs, status history, WhatsApp templates and logs (docs/domain/data-model.md).
-- Money columns are BIGINT centavos (the reference used DECIMAL(10,2) pesos).
CREATE TABLE repairs (
    id BIGINT UNSIGNED NOT NULL AUTO_INCREMENT PRIMARY KEY,
    -- R-YYYYMMDD-NNNNN, set right after insert
    code VARCHAR(255) NULL,
    user_id BIGINT UNSIGNED NULL,
    customer_name VARCHAR(255) NOT NULL,
    -- digits only
    customer_phone VARCHAR(30) NOT NULL,
    device_type_id BIGINT UNSIGNED NULL,
    device_brand_id BIGINT UNSIGNED NULL,
    device_model_id BIGINT UNSIGNED NULL,
    device_issue_type_id BIGINT UNSIGNED NULL,
    issue_detail TEXT NULL,
    repair_type_id BIGINT UNSIGNED NULL,
    device_brand VARCHAR(255) NULL,
    device_model VARCHAR(255) NULL,
    issue_reported TEXT NOT NULL,
    diagnosis TEXT NULL,
    -- centavos
    parts_cost BIGINT NOT NULL DEFAULT 0 CHECK (parts_cost >= 0),
    -- centavos
    labor_cost BIGINT NOT NULL DEFAULT 0 CHECK (labor_cost >= 0),
    -- centavos
    final_price BIGINT NULL CHECK (final_price >= 0),
    -- centavos
    paid_amount BIGINT NULL DEFAULT 0 CHECK (paid_amount >= 0),
    -- values: 'cash' | 'transfer' | 'debit' | 'credit' | 'mp' | 'other' (validated by the app)
    payment_method VARCHAR(50) NULL,
    payment_notes VARCHAR(500) NULL,
    -- values: 'received' | 'diagnosing' | 'waiting_approval' | 'repairing' | 'ready_pickup' | 'delivered' | 'cancelled' (validated by the app)
    status VARCHAR(255) NOT NULL DEFAULT 'received',
    warranty_days INT NOT NULL DEFAULT 0 CHECK (warranty_days >= 0),
    received_at DATETIME NULL,
    delivered_at DATETIME NULL,
    notes TEXT NULL,
    created_at DATETIME NULL,
    updated_at DATETIME NULL,
    UNIQUE KEY repairs_code_unique (code),
    KEY repairs_status_index (status),
    KEY repairs_customer_phone_index (customer_phone),
    KEY repairs_received_at_index (received_at),
    -- own index for the device_type_id FK, declared before repairs_device_catalog_idx so InnoDB uses it:
    -- if the FK used the composite index, deleting a device type would fail (error 1452) while the
    -- cascade through device_brands nulls repairs.device_brand_id in that composite index
    KEY repairs_device_type_id_foreign (device_type_id),
    KEY repairs_device_catalog_idx (device_type_id, device_brand_id, device_model_id),
    KEY repairs_status_created_at_index (status, created_at),
    KEY repairs_status_received_at_index (status, received_at),
    KEY repairs_user_id_created_at_index (user_id, created_at),
    KEY repairs_created_at_index (created_at),
    KEY repairs_status_customer_phone_index (status, customer_phone),
    KEY repairs_updated_at_index (updated_at),
    KEY repairs_device_brand_id_foreign (device_brand_id),
    KEY repairs_device_model_id_foreign (device_model_id),
    KEY repairs_device_issue_type_id_foreign (device_issue_type_id),
    KEY repairs_repair_type_id_foreign (repair_type_id),
    CONSTRAINT repairs_user_id_foreign FOREIGN KEY (user_id) REFERENCES users (id) ON DELETE SET NULL,
    CONSTRAINT repairs_device_type_id_foreign FOREIGN KEY (device_type_id) REFERENCES device_types (id) ON DELETE SET NULL,
    CONSTRAINT repairs_device_brand_id_foreign FOREIGN KEY (device_brand_id) REFERENCES device_brands (id) ON DELETE SET NULL,
    CONSTRAINT repairs_device_model_id_foreign FOREIGN KEY (device_model_id) REFERENCES device_models (id) ON DELETE SET NULL,
    CONSTRAINT repairs_device_issue_type_id_foreign FOREIGN KEY (device_issue_type_id) REFERENCES device_issue_types (id) ON DELETE SET NULL,
    CONSTRAINT repairs_repair_type_id_foreign FOREIGN KEY (repair_type_id) REFERENCES repair_types (id) ON DELETE SET NULL
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;
CREATE TABLE repair_status_histories (
    id BIGINT UNSIGNED NOT NULL AUTO_INCREMENT PRIMARY KEY,
    repair_id BIGINT UNSIGNED NOT NULL,
    from_status VARCHAR(255) NULL,
    to_status VARCHAR(255) NOT NULL,
    -- NULL = public/customer action
    changed_by BIGINT UNSIGNED NULL,
    changed_at DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    comment TEXT NULL,
    KEY repair_status_histories_repair_id_changed_at_index (repair_id, changed_at),
    KEY repair_status_histories_changed_by_foreign (changed_by),
    CONSTRAINT repair_status_histories_repair_id_foreign FOREIGN KEY (repair_id) REFERENCES repairs (id) ON DELETE CASCADE,
    CONSTRAINT repair_status_histories_changed_by_foreign FOREIGN KEY (changed_by) REFERENCES users (id) ON DELETE SET NULL
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;
CREATE TABLE repair_whatsapp_templates (
    id BIGINT UNSIGNED NOT NULL AUTO_INCREMENT PRIMARY KEY,
    status VARCHAR(255) NOT NULL,
    template TEXT NOT NULL,
    updated_by BIGINT UNSIGNED NULL,
    created_at DATETIME NULL,
    updated_at DATETIME NULL,
    UNIQUE KEY repair_whatsapp_templates_status_unique (status),
    KEY repair_whatsapp_templates_updated_by_foreign (updated_by),
    CONSTRAINT repair_whatsapp_templates_updated_by_foreign FOREIGN KEY (updated_by) REFERENCES users (id) ON DELETE SET NULL
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;
CREATE TABLE repair_whatsapp_logs (
    id BIGINT UNSIGNED NOT NULL AUTO_INCREMENT PRIMARY KEY,
    repair_id BIGINT UNSIGNED NOT NULL,
    notified_status VARCHAR(255) NOT NULL,
    phone VARCHAR(30) NULL,
    message TEXT NULL,
    sent_by BIGINT UNSIGNED NULL,
    sent_at DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    created_at DATETIME NULL,
    updated_at DATETIME NULL,
    KEY repair_whatsapp_logs_repair_id_sent_at_index (repair_id, sent_at),
    KEY repair_whatsapp_logs_repair_id_notified_status_index (repair_id, notified_status),
    KEY repair_whatsapp_logs_repair_id_notified_status_sent_at_index (repair_id, notified_status, sent_at),
    KEY repair_whatsapp_logs_sent_by_foreign (sent_by),
    CONSTRAINT repair_whatsapp_logs_repair_id_foreign FOREIGN KEY (repair_id) REFERENCES repairs (id) ON DELETE CASCADE,
    CONSTRAINT repair_whatsapp_logs_sent_by_foreign FOREIGN KEY (sent_by) REFERENCES users (id) ON DELETE SET NULL
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;
-- @down
DROP TABLE IF EXISTS repair_whatsapp_logs;
DROP TABLE IF EXISTS repair_whatsapp_templates;
DROP TABLE IF EXISTS repair_status_histories;
DROP TABLE IF EXISTS repairs;
