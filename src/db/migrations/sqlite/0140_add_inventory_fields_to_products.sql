-- Products gain what the counter and the workshop need (issue 21, docs/domain/inventory.md): an optional SKU and an
-- optional barcode (EAN/UPC or free text), each unique when present (NULL, never "", for "none", so many products
-- may have none on every engine), the unit cost in centavos (0 = not loaded: no margin warning), and two flags over
-- one shared stock: sellable_in_store (1 = today's behaviour; 0 hides the product from the online store) and
-- usable_in_repairs (offered as a repair part).
ALTER TABLE products ADD COLUMN sku VARCHAR(64) NULL;
ALTER TABLE products ADD COLUMN barcode VARCHAR(64) NULL;
ALTER TABLE products ADD COLUMN cost_price INTEGER NOT NULL DEFAULT 0 CHECK (cost_price >= 0);
ALTER TABLE products ADD COLUMN sellable_in_store INTEGER NOT NULL DEFAULT 1;
ALTER TABLE products ADD COLUMN usable_in_repairs INTEGER NOT NULL DEFAULT 0;
CREATE UNIQUE INDEX products_sku_unique ON products (sku);
CREATE UNIQUE INDEX products_barcode_unique ON products (barcode);
-- @down
DROP INDEX IF EXISTS products_barcode_unique;
DROP INDEX IF EXISTS products_sku_unique;
ALTER TABLE products DROP COLUMN usable_in_repairs;
ALTER TABLE products DROP COLUMN sellable_in_store;
ALTER TABLE products DROP COLUMN cost_price;
ALTER TABLE products DROP COLUMN barcode;
ALTER TABLE products DROP COLUMN sku;
