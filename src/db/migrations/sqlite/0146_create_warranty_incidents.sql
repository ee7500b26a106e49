-- warranty_incidents: the warranty registry (issue 21 item 5, docs/domain/warranty.md). One row per part or product
-- that came back under warranty: what it was against (source_type + the matching id column), why, who supplied it,
-- what it cost us and what the supplier gave back.
--   source_type      'repair' (repair_id) | 'product' (product_id) | 'counter_sale' (counter_sale_id)
--   repair_id        repairs.id, NULL once the repair is gone (source_label keeps what it was)
--   product_id       products.id, NULL once the product is deleted
--   counter_sale_id  the counter sale id as a plain number, deliberately WITHOUT a foreign key: the counter sales
--                    table arrives in a parallel migration of the same issue, and an incident must not block voiding
--                    or purging a sale
--   source_label     what the source was when recorded ("R-20261207-00001 · Samsung A52", a product name, "Venta #12")
--   supplier_id      suppliers.id or NULL; supplier_name is the free-text supplier when there is no row
--   unit_cost, extra_cost, recovered_amount, loss: centavos
--   loss             quantity * unit_cost + extra_cost - recovered_amount, written by the app on every save and held
--                    to that by a CHECK (negative when the supplier gave back more than it cost)
--   status           'open' | 'closed' (closed_at set while closed)
--   created_at       the period the incident counts in (totals and date filters)
CREATE TABLE warranty_incidents (
    id INTEGER PRIMARY KEY AUTOINCREMENT,
    source_type VARCHAR(20) NOT NULL CHECK (source_type IN ('repair', 'product', 'counter_sale')),
    repair_id INTEGER NULL REFERENCES repairs (id) ON DELETE SET NULL,
    product_id INTEGER NULL REFERENCES products (id) ON DELETE SET NULL,
    counter_sale_id INTEGER NULL,
    source_label VARCHAR(255) NOT NULL,
    reason VARCHAR(500) NOT NULL,
    supplier_id INTEGER NULL REFERENCES suppliers (id) ON DELETE SET NULL,
    supplier_name VARCHAR(255) NULL,
    quantity INTEGER NOT NULL CHECK (quantity >= 1),
    unit_cost INTEGER NOT NULL CHECK (unit_cost >= 0),
    extra_cost INTEGER NOT NULL DEFAULT 0 CHECK (extra_cost >= 0),
    recovered_amount INTEGER NOT NULL DEFAULT 0 CHECK (recovered_amount >= 0),
    loss INTEGER NOT NULL,
    status VARCHAR(20) NOT NULL DEFAULT 'open' CHECK (status IN ('open', 'closed')),
    notes TEXT NULL,
    created_by INTEGER NULL REFERENCES users (id) ON DELETE SET NULL,
    created_at TEXT NOT NULL,
    updated_at TEXT NULL,
    closed_at TEXT NULL,
    CONSTRAINT warranty_incidents_loss_check CHECK (loss = quantity * unit_cost + extra_cost - recovered_amount)
);
CREATE INDEX warranty_incidents_created_at_index ON warranty_incidents (created_at);
CREATE INDEX warranty_incidents_status_created_at_index ON warranty_incidents (status, created_at);
CREATE INDEX warranty_incidents_repair_id_foreign ON warranty_incidents (repair_id);
CREATE INDEX warranty_incidents_product_id_foreign ON warranty_incidents (product_id);
CREATE INDEX warranty_incidents_counter_sale_id_index ON warranty_incidents (counter_sale_id);
CREATE INDEX warranty_incidents_supplier_id_foreign ON warranty_incidents (supplier_id);
CREATE INDEX warranty_incidents_created_by_foreign ON warranty_incidents (created_by);
-- @down
DROP TABLE IF EXISTS warranty_incidents;
