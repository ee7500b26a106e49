-- stock_movements: the stock ledger (issue 21, src/domain/inventory/stock_ledger.hpp). Every change of products.stock
-- writes one row in the same transaction: delta (signed units), stock_after (the product's stock right after),
-- reason (checkout, order_cancel, counter_sale, sale_void, repair_part_used, repair_part_returned, adjustment,
-- product_created, import, opening_balance), the thing that caused it (reference_type + reference_id: order,
-- counter_sale, repair…), who (user_id, NULL for the system) and when (UTC). For every product SUM(delta) equals its
-- stock: the migration opens each product's ledger with its current stock (opening_balance).
CREATE TABLE stock_movements (
    id INTEGER PRIMARY KEY AUTOINCREMENT,
    product_id INTEGER NOT NULL REFERENCES products (id) ON DELETE CASCADE,
    delta INTEGER NOT NULL,
    stock_after INTEGER NOT NULL,
    reason VARCHAR(30) NOT NULL,
    reference_type VARCHAR(30) NULL,
    reference_id INTEGER NULL,
    user_id INTEGER NULL REFERENCES users (id) ON DELETE SET NULL,
    note VARCHAR(255) NULL,
    created_at DATETIME NOT NULL
);
CREATE INDEX stock_movements_product_id_id_index ON stock_movements (product_id, id);
CREATE INDEX stock_movements_created_at_index ON stock_movements (created_at);
CREATE INDEX stock_movements_reason_created_at_index ON stock_movements (reason, created_at);
CREATE INDEX stock_movements_reference_index ON stock_movements (reference_type, reference_id);
INSERT INTO stock_movements (product_id, delta, stock_after, reason, note, created_at)
    SELECT id, stock, stock, 'opening_balance', 'Stock al crear el registro de movimientos', CURRENT_TIMESTAMP
    FROM products WHERE stock <> 0;
-- @down
DROP TABLE IF EXISTS stock_movements;
