-- Store orders, items, status history, WhatsApp templates and logs (docs/domain/data-model.md).
-- Money columns are BIGINT centavos.
CREATE TABLE orders (
    id BIGSERIAL PRIMARY KEY,
    user_id BIGINT NOT NULL,
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
    stock_deducted_at TIMESTAMP(0) NULL,
    stock_restored_at TIMESTAMP(0) NULL,
    created_at TIMESTAMP(0) NULL,
    updated_at TIMESTAMP(0) NULL,
    CONSTRAINT orders_user_id_foreign FOREIGN KEY (user_id) REFERENCES users (id) ON DELETE CASCADE
);
CREATE INDEX orders_status_created_at_index ON orders (status, created_at);
CREATE INDEX orders_user_id_created_at_index ON orders (user_id, created_at);
CREATE INDEX orders_created_at_index ON orders (created_at);
CREATE INDEX orders_status_pickup_phone_index ON orders (status, pickup_phone);
CREATE INDEX orders_user_id_status_created_at_index ON orders (user_id, status, created_at);
CREATE TABLE order_items (
    id BIGSERIAL PRIMARY KEY,
    order_id BIGINT NOT NULL,
    product_id BIGINT NOT NULL,
    product_name VARCHAR(255) NOT NULL,
    -- centavos (unit price snapshot)
    price BIGINT NOT NULL CHECK (price >= 0),
    quantity INT NOT NULL CHECK (quantity >= 0),
    -- centavos (price * quantity)
    subtotal BIGINT NOT NULL CHECK (subtotal >= 0),
    created_at TIMESTAMP(0) NULL,
    updated_at TIMESTAMP(0) NULL,
    CONSTRAINT order_items_order_id_foreign FOREIGN KEY (order_id) REFERENCES orders (id) ON DELETE CASCADE,
    CONSTRAINT order_items_product_id_foreign FOREIGN KEY (product_id) REFERENCES products (id) ON DELETE RESTRICT
);
CREATE INDEX order_items_order_id_foreign ON order_items (order_id);
CREATE INDEX order_items_product_id_foreign ON order_items (product_id);
CREATE TABLE order_status_histories (
    id BIGSERIAL PRIMARY KEY,
    order_id BIGINT NOT NULL,
    from_status VARCHAR(255) NULL,
    to_status VARCHAR(255) NOT NULL,
    changed_by BIGINT NULL,
    changed_at TIMESTAMP(0) NOT NULL DEFAULT (now() AT TIME ZONE 'UTC'),
    comment TEXT NULL,
    CONSTRAINT order_status_histories_order_id_foreign FOREIGN KEY (order_id) REFERENCES orders (id) ON DELETE CASCADE,
    CONSTRAINT order_status_histories_changed_by_foreign FOREIGN KEY (changed_by) REFERENCES users (id) ON DELETE SET NULL
);
CREATE INDEX order_status_histories_order_id_changed_at_index ON order_status_histories (order_id, changed_at);
CREATE INDEX order_status_histories_changed_by_foreign ON order_status_histories (changed_by);
CREATE TABLE order_whatsapp_templates (
    id BIGSERIAL PRIMARY KEY,
    status VARCHAR(255) NOT NULL,
    template TEXT NOT NULL,
    updated_by BIGINT NULL,
    created_at TIMESTAMP(0) NULL,
    updated_at TIMESTAMP(0) NULL,
    CONSTRAINT order_whatsapp_templates_status_unique UNIQUE (status),
    CONSTRAINT order_whatsapp_templates_updated_by_foreign FOREIGN KEY (updated_by) REFERENCES users (id) ON DELETE SET NULL
);
CREATE INDEX order_whatsapp_templates_updated_by_foreign ON order_whatsapp_templates (updated_by);
CREATE TABLE order_whatsapp_logs (
    id BIGSERIAL PRIMARY KEY,
    order_id BIGINT NOT NULL,
    notified_status VARCHAR(255) NOT NULL,
    phone VARCHAR(30) NULL,
    message TEXT NULL,
    sent_by BIGINT NULL,
    sent_at TIMESTAMP(0) NOT NULL DEFAULT (now() AT TIME ZONE 'UTC'),
    created_at TIMESTAMP(0) NULL,
    updated_at TIMESTAMP(0) NULL,
    CONSTRAINT order_whatsapp_logs_order_id_foreign FOREIGN KEY (order_id) REFERENCES orders (id) ON DELETE CASCADE,
    CONSTRAINT order_whatsapp_logs_sent_by_foreign FOREIGN KEY (sent_by) REFERENCES users (id) ON DELETE SET NULL
);
CREATE INDEX order_whatsapp_logs_order_id_sent_at_index ON order_whatsapp_logs (order_id, sent_at);
CREATE INDEX order_whatsapp_logs_order_id_notified_status_index ON order_whatsapp_logs (order_id, notified_status);
CREATE INDEX order_whatsapp_logs_order_id_notified_status_sent_at_index ON order_whatsapp_logs (order_id, notified_status, sent_at);
CREATE INDEX order_whatsapp_logs_sent_by_foreign ON order_whatsapp_logs (sent_by);
-- @down
DROP TABLE IF EXISTS order_whatsapp_logs;
DROP TABLE IF EXISTS order_whatsapp_templates;
DROP TABLE IF EXISTS order_status_histories;
DROP TABLE IF EXISTS order_items;
DROP TABLE IF EXISTS orders;
