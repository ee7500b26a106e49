-- stock_movements: the stock ledger (issue 21, src/domain/inventory/stock_ledger.hpp). Every change of products.stock
-- writes one row in the same transaction: delta (signed units), stock_after (the product's stock right after),
-- reason (checkout, order_cancel, counter_sale, sale_void, repair_part_used, repair_part_returned, adjustment,
-- product_created, import, opening_balance), the thing that caused it (reference_type + reference_id: order,
-- counter_sale, repair…), who (user_id, NULL for the system) and when (UTC). For every product SUM(delta) equals its
-- stock: the migration opens each product's ledger with its current stock (opening_balance).
CREATE TABLE stock_movements (
    id BIGINT UNSIGNED NOT NULL AUTO_INCREMENT PRIMARY KEY,
    product_id BIGINT UNSIGNED NOT NULL,
    delta INT NOT NULL,
    stock_after INT NOT NULL,
    reason VARCHAR(30) NOT NULL,
    reference_type VARCHAR(30) NULL,
    reference_id BIGINT UNSIGNED NULL,
    user_id BIGINT UNSIGNED NULL,
    note VARCHAR(255) NULL,
    created_at DATETIME NOT NULL,
    KEY stock_movements_product_id_id_index (product_id, id),
    KEY stock_movements_created_at_index (created_at),
    KEY stock_movements_reason_created_at_index (reason, created_at),
    KEY stock_movements_reference_index (reference_type, reference_id),
    CONSTRAINT stock_movements_product_id_foreign FOREIGN KEY (product_id) REFERENCES products (id) ON DELETE CASCADE,
    CONSTRAINT stock_movements_user_id_foreign FOREIGN KEY (user_id) REFERENCES users (id) ON DELETE SET NULL
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;
INSERT INTO stock_movements (product_id, delta, stock_after, reason, note, created_at)
    SELECT id, stock, stock, 'opening_balance', 'Stock al crear el registro de movimientos', UTC_TIMESTAMP()
    FROM products WHERE stock <> 0;
-- @down
DROP TABLE IF EXISTS stock_movements;
