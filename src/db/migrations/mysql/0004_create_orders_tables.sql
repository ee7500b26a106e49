-- Store orders, items, status history, WhatsApp templates and logs (docs/domain/data-model.md).
-- Money columns are BIGINT centavos.
CREATE TABLE orders (
    id BIGINT UNSIGNED NOT NULL AUTO_INCREMENT PRIMARY KEY,
    user_id BIGINT UNSIGNED NOT NULL,
    -- enum: 'pendiente' | 'confirmado' | 'preparando' | 'listo_retirar' | 'entregado' | 'cancelado'
    status VARCHAR(30) NOT NULL DEFAULT 'pendiente',
    -- enum: 'local' | 'mercado_pago' | 'transferencia'
    payment_method VARCHAR(30) NOT NULL DEFAULT 'local',
    -- centavos
    total BIGINT NOT NULL CHECK (total >= 0),
    pickup_name VARCHAR(255) NULL,
    pickup_phone VARCHAR(255) NULL,
    pickup_delegate_name VARCHAR(255) NULL,
    pickup_delegate_phone VARCHAR(255) NULL,
    notes TEXT NULL,
    stock_deducted_at DATETIME NULL,
    stock_restored_at DATETIME NULL,
    created_at DATETIME NULL,
    updated_at DATETIME NULL,
    KEY orders_status_created_at_index (status, created_at),
    KEY orders_user_id_created_at_index (user_id, created_at),
    KEY orders_created_at_index (created_at),
    KEY orders_status_pickup_phone_index (status, pickup_phone),
    KEY orders_user_id_status_created_at_index (user_id, status, created_at),
    CONSTRAINT orders_user_id_foreign FOREIGN KEY (user_id) REFERENCES users (id) ON DELETE CASCADE
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;
CREATE TABLE order_items (
    id BIGINT UNSIGNED NOT NULL AUTO_INCREMENT PRIMARY KEY,
    order_id BIGINT UNSIGNED NOT NULL,
    product_id BIGINT UNSIGNED NOT NULL,
    product_name VARCHAR(255) NOT NULL,
    -- centavos (unit price snapshot)
    price BIGINT NOT NULL CHECK (price >= 0),
    quantity INT NOT NULL CHECK (quantity >= 0),
    -- centavos (price * quantity)
    subtotal BIGINT NOT NULL CHECK (subtotal >= 0),
    created_at DATETIME NULL,
    updated_at DATETIME NULL,
    KEY order_items_order_id_foreign (order_id),
    KEY order_items_product_id_foreign (product_id),
    CONSTRAINT order_items_order_id_foreign FOREIGN KEY (order_id) REFERENCES orders (id) ON DELETE CASCADE,
    CONSTRAINT order_items_product_id_foreign FOREIGN KEY (product_id) REFERENCES products (id) ON DELETE RESTRICT
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;
CREATE TABLE order_status_histories (
    id BIGINT UNSIGNED NOT NULL AUTO_INCREMENT PRIMARY KEY,
    order_id BIGINT UNSIGNED NOT NULL,
    from_status VARCHAR(255) NULL,
    to_status VARCHAR(255) NOT NULL,
    changed_by BIGINT UNSIGNED NULL,
    changed_at DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    comment TEXT NULL,
    KEY order_status_histories_order_id_changed_at_index (order_id, changed_at),
    KEY order_status_histories_changed_by_foreign (changed_by),
    CONSTRAINT order_status_histories_order_id_foreign FOREIGN KEY (order_id) REFERENCES orders (id) ON DELETE CASCADE,
    CONSTRAINT order_status_histories_changed_by_foreign FOREIGN KEY (changed_by) REFERENCES users (id) ON DELETE SET NULL
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;
CREATE TABLE order_whatsapp_templates (
    id BIGINT UNSIGNED NOT NULL AUTO_INCREMENT PRIMARY KEY,
    status VARCHAR(255) NOT NULL,
    template TEXT NOT NULL,
    updated_by BIGINT UNSIGNED NULL,
    created_at DATETIME NULL,
    updated_at DATETIME NULL,
    UNIQUE KEY order_whatsapp_templates_status_unique (status),
    KEY order_whatsapp_templates_updated_by_foreign (updated_by),
    CONSTRAINT order_whatsapp_templates_updated_by_foreign FOREIGN KEY (updated_by) REFERENCES users (id) ON DELETE SET NULL
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;
CREATE TABLE order_whatsapp_logs (
    id BIGINT UNSIGNED NOT NULL AUTO_INCREMENT PRIMARY KEY,
    order_id BIGINT UNSIGNED NOT NULL,
    notified_status VARCHAR(255) NOT NULL,
    phone VARCHAR(30) NULL,
    message TEXT NULL,
    sent_by BIGINT UNSIGNED NULL,
    sent_at DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    created_at DATETIME NULL,
    updated_at DATETIME NULL,
    KEY order_whatsapp_logs_order_id_sent_at_index (order_id, sent_at),
    KEY order_whatsapp_logs_order_id_notified_status_index (order_id, notified_status),
    KEY order_whatsapp_logs_order_id_notified_status_sent_at_index (order_id, notified_status, sent_at),
    KEY order_whatsapp_logs_sent_by_foreign (sent_by),
    CONSTRAINT order_whatsapp_logs_order_id_foreign FOREIGN KEY (order_id) REFERENCES orders (id) ON DELETE CASCADE,
    CONSTRAINT order_whatsapp_logs_sent_by_foreign FOREIGN KEY (sent_by) REFERENCES users (id) ON DELETE SET NULL
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;
-- @down
DROP TABLE IF EXISTS order_whatsapp_logs;
DROP TABLE IF EXISTS order_whatsapp_templates;
DROP TABLE IF EXISTS order_status_histories;
DROP TABLE IF EXISTS order_items;
DROP TABLE IF EXISTS orders;
