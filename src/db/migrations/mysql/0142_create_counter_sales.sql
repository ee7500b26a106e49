-- counter_sales: walk-in sales at the shop counter (/admin/venta-rapida, src/domain/sales/counter_sale.hpp). One row per
-- confirmed sale with its items (counter_sale_items keep name, price and cost as sold); stock leaves through the
-- ledger (stock_movements, reason counter_sale) in the same transaction. sale_token_hash is the SHA-256 of the
-- one-time token of the sale form, unique, so a double submit finds the first sale instead of selling twice.
-- status: completed | voided; a void (reason, who, when) returns the stock once (UPDATE … WHERE status =
-- 'completed'). Money in centavos: total = subtotal - discount; cost_total is the cost of the items as sold.
CREATE TABLE counter_sales (
    id BIGINT UNSIGNED NOT NULL AUTO_INCREMENT PRIMARY KEY,
    user_id BIGINT UNSIGNED NULL,
    customer_name VARCHAR(255) NULL,
    customer_phone VARCHAR(30) NULL,
    payment_method VARCHAR(20) NOT NULL,
    subtotal BIGINT NOT NULL,
    discount BIGINT NOT NULL DEFAULT 0,
    discount_reason VARCHAR(255) NULL,
    total BIGINT NOT NULL,
    cost_total BIGINT NOT NULL DEFAULT 0,
    status VARCHAR(20) NOT NULL DEFAULT 'completed',
    sale_token_hash VARCHAR(64) NULL,
    voided_at DATETIME NULL,
    voided_by BIGINT UNSIGNED NULL,
    void_reason VARCHAR(255) NULL,
    created_at DATETIME NOT NULL,
    updated_at DATETIME NULL,
    UNIQUE KEY counter_sales_sale_token_hash_unique (sale_token_hash),
    KEY counter_sales_created_at_index (created_at),
    KEY counter_sales_payment_method_created_at_index (payment_method, created_at),
    CONSTRAINT counter_sales_user_id_foreign FOREIGN KEY (user_id) REFERENCES users (id) ON DELETE SET NULL,
    CONSTRAINT counter_sales_voided_by_foreign FOREIGN KEY (voided_by) REFERENCES users (id) ON DELETE SET NULL
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;
CREATE TABLE counter_sale_items (
    id BIGINT UNSIGNED NOT NULL AUTO_INCREMENT PRIMARY KEY,
    counter_sale_id BIGINT UNSIGNED NOT NULL,
    product_id BIGINT UNSIGNED NULL,
    product_name VARCHAR(255) NOT NULL,
    unit_price BIGINT NOT NULL,
    unit_cost BIGINT NOT NULL DEFAULT 0,
    quantity INT NOT NULL CHECK (quantity > 0),
    subtotal BIGINT NOT NULL,
    KEY counter_sale_items_counter_sale_id_index (counter_sale_id),
    KEY counter_sale_items_product_id_index (product_id),
    CONSTRAINT counter_sale_items_counter_sale_id_foreign FOREIGN KEY (counter_sale_id) REFERENCES counter_sales (id)
        ON DELETE CASCADE,
    CONSTRAINT counter_sale_items_product_id_foreign FOREIGN KEY (product_id) REFERENCES products (id) ON DELETE SET NULL
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;
-- @down
DROP TABLE IF EXISTS counter_sale_items;
DROP TABLE IF EXISTS counter_sales;
