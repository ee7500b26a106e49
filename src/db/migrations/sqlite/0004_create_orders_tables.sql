-- Store orders, items, status history, WhatsApp templates and logs (docs/domain/data-model.md).
-- Money columns are INTEGER centavos.
CREATE TABLE orders (
    id INTEGER PRIMARY KEY AUTOINCREMENT,
    user_id INTEGER NOT NULL REFERENCES users (id) ON DELETE CASCADE,
    -- enum: 'pendiente' | 'confirmado' | 'preparando' | 'listo_retirar' | 'entregado' | 'cancelado'
    status VARCHAR(30) NOT NULL DEFAULT 'pendiente' CHECK (status IN ('pendiente', 'confirmado', 'preparando', 'listo_retirar', 'entregado', 'cancelado')),
    -- enum: 'local' | 'mercado_pago' | 'transferencia'
    payment_method VARCHAR(30) NOT NULL DEFAULT 'local' CHECK (payment_method IN ('local', 'mercado_pago', 'transferencia')),
    -- centavos
    total INTEGER NOT NULL CHECK (total >= 0),
    pickup_name VARCHAR(255) NULL,
    pickup_phone VARCHAR(255) NULL,
    pickup_delegate_name VARCHAR(255) NULL,
    pickup_delegate_phone VARCHAR(255) NULL,
    notes TEXT NULL,
    stock_deducted_at TEXT NULL,
    stock_restored_at TEXT NULL,
    created_at TEXT NULL,
    updated_at TEXT NULL
);
CREATE INDEX orders_status_created_at_index ON orders (status, created_at);
CREATE INDEX orders_user_id_created_at_index ON orders (user_id, created_at);
CREATE INDEX orders_created_at_index ON orders (created_at);
CREATE INDEX orders_status_pickup_phone_index ON orders (status, pickup_phone);
CREATE INDEX orders_user_id_status_created_at_index ON orders (user_id, status, created_at);
CREATE TABLE order_items (
    id INTEGER PRIMARY KEY AUTOINCREMENT,
    order_id INTEGER NOT NULL REFERENCES orders (id) ON DELETE CASCADE,
    product_id INTEGER NOT NULL REFERENCES products (id) ON DELETE RESTRICT,
    product_name VARCHAR(255) NOT NULL,
    -- centavos (unit price snapshot)
    price INTEGER NOT NULL CHECK (price >= 0),
    quantity INTEGER NOT NULL CHECK (quantity >= 0),
    -- centavos (price * quantity)
    subtotal INTEGER NOT NULL CHECK (subtotal >= 0),
    created_at TEXT NULL,
    updated_at TEXT NULL
);
CREATE INDEX order_items_order_id_foreign ON order_items (order_id);
CREATE INDEX order_items_product_id_foreign ON order_items (product_id);
CREATE TABLE order_status_histories (
    id INTEGER PRIMARY KEY AUTOINCREMENT,
    order_id INTEGER NOT NULL REFERENCES orders (id) ON DELETE CASCADE,
    from_status VARCHAR(255) NULL,
    to_status VARCHAR(255) NOT NULL,
    changed_by INTEGER NULL REFERENCES users (id) ON DELETE SET NULL,
    changed_at TEXT NOT NULL DEFAULT CURRENT_TIMESTAMP,
    comment TEXT NULL
);
CREATE INDEX order_status_histories_order_id_changed_at_index ON order_status_histories (order_id, changed_at);
CREATE INDEX order_status_histories_changed_by_foreign ON order_status_histories (changed_by);
CREATE TABLE order_whatsapp_templates (
    id INTEGER PRIMARY KEY AUTOINCREMENT,
    status VARCHAR(255) NOT NULL,
    template TEXT NOT NULL,
    updated_by INTEGER NULL REFERENCES users (id) ON DELETE SET NULL,
    created_at TEXT NULL,
    updated_at TEXT NULL
);
CREATE UNIQUE INDEX order_whatsapp_templates_status_unique ON order_whatsapp_templates (status);
CREATE INDEX order_whatsapp_templates_updated_by_foreign ON order_whatsapp_templates (updated_by);
CREATE TABLE order_whatsapp_logs (
    id INTEGER PRIMARY KEY AUTOINCREMENT,
    order_id INTEGER NOT NULL REFERENCES orders (id) ON DELETE CASCADE,
    notified_status VARCHAR(255) NOT NULL,
    phone VARCHAR(30) NULL,
    message TEXT NULL,
    sent_by INTEGER NULL REFERENCES users (id) ON DELETE SET NULL,
    sent_at TEXT NOT NULL DEFAULT CURRENT_TIMESTAMP,
    created_at TEXT NULL,
    updated_at TEXT NULL
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
