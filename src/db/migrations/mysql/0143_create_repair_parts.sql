-- repair_parts: products from stock used in a repair (issue 21, src/domain/repairs/repair_parts.hpp). Applying a part
-- takes the units from stock through the ledger (stock_movements, reason repair_part_used, reference repair) and adds
-- unit_cost × quantity to repairs.parts_cost, in one transaction; removing it (or cancelling the repair with "return
-- the parts") deletes the row, returns the units (repair_part_returned) and takes the cost back off. The row keeps
-- the name and cost as applied, so a later price change or a deleted product does not rewrite the repair.
CREATE TABLE repair_parts (
    id BIGINT UNSIGNED NOT NULL AUTO_INCREMENT PRIMARY KEY,
    repair_id BIGINT UNSIGNED NOT NULL,
    product_id BIGINT UNSIGNED NULL,
    product_name VARCHAR(255) NOT NULL,
    unit_cost BIGINT NOT NULL DEFAULT 0,
    quantity INT NOT NULL CHECK (quantity > 0),
    user_id BIGINT UNSIGNED NULL,
    created_at DATETIME NOT NULL,
    KEY repair_parts_repair_id_index (repair_id),
    KEY repair_parts_product_id_index (product_id),
    CONSTRAINT repair_parts_repair_id_foreign FOREIGN KEY (repair_id) REFERENCES repairs (id) ON DELETE CASCADE,
    CONSTRAINT repair_parts_product_id_foreign FOREIGN KEY (product_id) REFERENCES products (id) ON DELETE SET NULL,
    CONSTRAINT repair_parts_user_id_foreign FOREIGN KEY (user_id) REFERENCES users (id) ON DELETE SET NULL
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;
-- @down
DROP TABLE IF EXISTS repair_parts;
