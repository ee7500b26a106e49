-- counter_sales: walk-in sales at the shop counter (/admin/venta-rapida, src/domain/sales/counter_sale.hpp). One row per
-- confirmed sale with its items (counter_sale_items keep name, price and cost as sold); stock leaves through the
-- ledger (stock_movements, reason counter_sale) in the same transaction. sale_token_hash is the SHA-256 of the
-- one-time token of the sale form, unique, so a double submit finds the first sale instead of selling twice.
-- status: completed | voided; a void (reason, who, when) returns the stock once (UPDATE … WHERE status =
-- 'completed'). Money in centavos: total = subtotal - discount; cost_total is the cost of the items as sold.
CREATE TABLE counter_sales (
    id INTEGER PRIMARY KEY AUTOINCREMENT,
    user_id INTEGER NULL REFERENCES users (id) ON DELETE SET NULL,
    customer_name VARCHAR(255) NULL,
    customer_phone VARCHAR(30) NULL,
    payment_method VARCHAR(20) NOT NULL,
    subtotal INTEGER NOT NULL,
    discount INTEGER NOT NULL DEFAULT 0,
    discount_reason VARCHAR(255) NULL,
    total INTEGER NOT NULL,
    cost_total INTEGER NOT NULL DEFAULT 0,
    status VARCHAR(20) NOT NULL DEFAULT 'completed',
    sale_token_hash VARCHAR(64) NULL,
    voided_at DATETIME NULL,
    voided_by INTEGER NULL REFERENCES users (id) ON DELETE SET NULL,
    void_reason VARCHAR(255) NULL,
    created_at DATETIME NOT NULL,
    updated_at DATETIME NULL
);
CREATE UNIQUE INDEX counter_sales_sale_token_hash_unique ON counter_sales (sale_token_hash);
CREATE INDEX counter_sales_created_at_index ON counter_sales (created_at);
CREATE INDEX counter_sales_payment_method_created_at_index ON counter_sales (payment_method, created_at);
CREATE TABLE counter_sale_items (
    id INTEGER PRIMARY KEY AUTOINCREMENT,
    counter_sale_id INTEGER NOT NULL REFERENCES counter_sales (id) ON DELETE CASCADE,
    product_id INTEGER NULL REFERENCES products (id) ON DELETE SET NULL,
    product_name VARCHAR(255) NOT NULL,
    unit_price INTEGER NOT NULL,
    unit_cost INTEGER NOT NULL DEFAULT 0,
    quantity INTEGER NOT NULL CHECK (quantity > 0),
    subtotal INTEGER NOT NULL
);
CREATE INDEX counter_sale_items_counter_sale_id_index ON counter_sale_items (counter_sale_id);
CREATE INDEX counter_sale_items_product_id_index ON counter_sale_items (product_id);
-- @down
DROP TABLE IF EXISTS counter_sale_items;
DROP TABLE IF EXISTS counter_sales;
