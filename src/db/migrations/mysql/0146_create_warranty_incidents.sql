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
    id BIGINT UNSIGNED NOT NULL AUTO_INCREMENT PRIMARY KEY,
    source_type VARCHAR(20) NOT NULL,
    repair_id BIGINT UNSIGNED NULL,
    product_id BIGINT UNSIGNED NULL,
    counter_sale_id BIGINT UNSIGNED NULL,
    source_label VARCHAR(255) NOT NULL,
    reason VARCHAR(500) NOT NULL,
    supplier_id BIGINT UNSIGNED NULL,
    supplier_name VARCHAR(255) NULL,
    quantity INT NOT NULL,
    unit_cost BIGINT NOT NULL,
    extra_cost BIGINT NOT NULL DEFAULT 0,
    recovered_amount BIGINT NOT NULL DEFAULT 0,
    loss BIGINT NOT NULL,
    status VARCHAR(20) NOT NULL DEFAULT 'open',
    notes TEXT NULL,
    created_by BIGINT UNSIGNED NULL,
    created_at DATETIME NOT NULL,
    updated_at DATETIME NULL,
    closed_at DATETIME NULL,
    KEY warranty_incidents_created_at_index (created_at),
    KEY warranty_incidents_status_created_at_index (status, created_at),
    KEY warranty_incidents_repair_id_foreign (repair_id),
    KEY warranty_incidents_product_id_foreign (product_id),
    KEY warranty_incidents_counter_sale_id_index (counter_sale_id),
    KEY warranty_incidents_supplier_id_foreign (supplier_id),
    KEY warranty_incidents_created_by_foreign (created_by),
    CONSTRAINT warranty_incidents_source_type_check CHECK (source_type IN ('repair', 'product', 'counter_sale')),
    CONSTRAINT warranty_incidents_quantity_check CHECK (quantity >= 1),
    CONSTRAINT warranty_incidents_amounts_check CHECK (unit_cost >= 0 AND extra_cost >= 0 AND recovered_amount >= 0),
    CONSTRAINT warranty_incidents_status_check CHECK (status IN ('open', 'closed')),
    CONSTRAINT warranty_incidents_loss_check CHECK (loss = quantity * unit_cost + extra_cost - recovered_amount),
    CONSTRAINT warranty_incidents_repair_id_foreign FOREIGN KEY (repair_id) REFERENCES repairs (id) ON DELETE SET NULL,
    CONSTRAINT warranty_incidents_product_id_foreign FOREIGN KEY (product_id) REFERENCES products (id) ON DELETE SET NULL,
    CONSTRAINT warranty_incidents_supplier_id_foreign FOREIGN KEY (supplier_id) REFERENCES suppliers (id) ON DELETE SET NULL,
    CONSTRAINT warranty_incidents_created_by_foreign FOREIGN KEY (created_by) REFERENCES users (id) ON DELETE SET NULL
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;
-- @down
DROP TABLE IF EXISTS warranty_incidents;
