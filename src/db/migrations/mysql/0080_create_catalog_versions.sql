-- catalog_versions exists on every engine so both share one schema version, but only SQLite maintains it (by
-- triggers) and only SQLite deployments cache the catalog in memory: on MariaDB a trigger bumping one hot row
-- would serialise every checkout's stock update behind it, and CREATE TRIGGER needs extra privileges when
-- binary logging is on. MariaDB serves the catalog queries directly.
CREATE TABLE catalog_versions (
    id BIGINT UNSIGNED NOT NULL PRIMARY KEY,
    version BIGINT UNSIGNED NOT NULL
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;
-- @down
DROP TABLE IF EXISTS catalog_versions;
