-- catalog_versions: one row (id 1) whose version grows with every write to products or categories. The store keeps
-- rendered catalog data in memory keyed by this number, so a page costs one indexed read instead of the listing
-- queries, and any write (admin edit, bulk action, checkout stock) invalidates it at once, on every node.
CREATE TABLE catalog_versions (
    id INTEGER PRIMARY KEY,
    version INTEGER NOT NULL
);
CREATE TRIGGER catalog_version_after_products_insert AFTER INSERT ON products BEGIN INSERT INTO catalog_versions (id, version) VALUES (1, 1) ON CONFLICT (id) DO UPDATE SET version = version + 1; END;
CREATE TRIGGER catalog_version_after_products_update AFTER UPDATE ON products BEGIN INSERT INTO catalog_versions (id, version) VALUES (1, 1) ON CONFLICT (id) DO UPDATE SET version = version + 1; END;
CREATE TRIGGER catalog_version_after_products_delete AFTER DELETE ON products BEGIN INSERT INTO catalog_versions (id, version) VALUES (1, 1) ON CONFLICT (id) DO UPDATE SET version = version + 1; END;
CREATE TRIGGER catalog_version_after_categories_insert AFTER INSERT ON categories BEGIN INSERT INTO catalog_versions (id, version) VALUES (1, 1) ON CONFLICT (id) DO UPDATE SET version = version + 1; END;
CREATE TRIGGER catalog_version_after_categories_update AFTER UPDATE ON categories BEGIN INSERT INTO catalog_versions (id, version) VALUES (1, 1) ON CONFLICT (id) DO UPDATE SET version = version + 1; END;
CREATE TRIGGER catalog_version_after_categories_delete AFTER DELETE ON categories BEGIN INSERT INTO catalog_versions (id, version) VALUES (1, 1) ON CONFLICT (id) DO UPDATE SET version = version + 1; END;
-- @down
DROP TRIGGER IF EXISTS catalog_version_after_products_insert;
DROP TRIGGER IF EXISTS catalog_version_after_products_update;
DROP TRIGGER IF EXISTS catalog_version_after_products_delete;
DROP TRIGGER IF EXISTS catalog_version_after_categories_insert;
DROP TRIGGER IF EXISTS catalog_version_after_categories_update;
DROP TRIGGER IF EXISTS catalog_version_after_categories_delete;
DROP TABLE IF EXISTS catalog_versions;
