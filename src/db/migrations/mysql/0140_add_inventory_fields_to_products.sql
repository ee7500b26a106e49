-- Products gain what the counter and the workshop need (issue 21, docs/domain/inventory.md): an optional SKU and an
-- optional barcode (EAN/UPC or free text), each unique when present (NULL, never "", for "none", so many products
-- may have none on every engine), the unit cost in centavos (0 = not loaded: no margin warning), and two flags over
-- one shared stock: sellable_in_store (1 = today's behaviour; 0 hides the product from the online store) and
-- usable_in_repairs (offered as a repair part).
ALTER TABLE products
    ADD COLUMN sku VARCHAR(64) NULL,
    ADD COLUMN barcode VARCHAR(64) NULL,
    ADD COLUMN cost_price BIGINT NOT NULL DEFAULT 0 CHECK (cost_price >= 0),
    ADD COLUMN sellable_in_store TINYINT(1) NOT NULL DEFAULT 1,
    ADD COLUMN usable_in_repairs TINYINT(1) NOT NULL DEFAULT 0;
CREATE UNIQUE INDEX products_sku_unique ON products (sku);
CREATE UNIQUE INDEX products_barcode_unique ON products (barcode);
-- @down
DROP INDEX products_barcode_unique ON products;
DROP INDEX products_sku_unique ON products;
ALTER TABLE products DROP COLUMN usable_in_repairs, DROP COLUMN sellable_in_store, DROP COLUMN cost_price,
    DROP COLUMN barcode, DROP COLUMN sku;
