-- The catalog version on PostgreSQL, kept by the application from this release on (0080 left the table empty: no
-- trigger, for the reasons given there). Every write to products or categories bumps row 1 after its transaction
-- commits, with its own autocommit UPDATE (src/domain/inventory/catalog_version.hpp), so no transaction holds the
-- row lock and checkouts do not queue behind it; the store then caches its catalog and pages under this number as on
-- SQLite. Without the row (rolled back) the servers cache nothing and read the catalog from the database.
INSERT INTO catalog_versions (id, version) VALUES (1, 1) ON CONFLICT (id) DO NOTHING;
-- @down
DELETE FROM catalog_versions WHERE id = 1;
