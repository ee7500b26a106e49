-- repair_parts: products from stock used in a repair (issue 21, src/domain/repairs/repair_parts.hpp). Applying a part
-- takes the units from stock through the ledger (stock_movements, reason repair_part_used, reference repair) and adds
-- unit_cost × quantity to repairs.parts_cost, in one transaction; removing it (or cancelling the repair with "return
-- the parts") deletes the row, returns the units (repair_part_returned) and takes the cost back off. The row keeps
-- the name and cost as applied, so a later price change or a deleted product does not rewrite the repair.
CREATE TABLE repair_parts (
    id BIGSERIAL PRIMARY KEY,
    repair_id BIGINT NOT NULL REFERENCES repairs (id) ON DELETE CASCADE,
    product_id BIGINT NULL REFERENCES products (id) ON DELETE SET NULL,
    product_name VARCHAR(255) NOT NULL,
    unit_cost BIGINT NOT NULL DEFAULT 0,
    quantity INTEGER NOT NULL CHECK (quantity > 0),
    user_id BIGINT NULL REFERENCES users (id) ON DELETE SET NULL,
    created_at TIMESTAMP(0) NOT NULL
);
CREATE INDEX repair_parts_repair_id_index ON repair_parts (repair_id);
CREATE INDEX repair_parts_product_id_index ON repair_parts (product_id);
-- @down
DROP TABLE IF EXISTS repair_parts;
