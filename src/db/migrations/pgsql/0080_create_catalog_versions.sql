-- catalog_versions exists on every engine so both share one schema version, but only SQLite maintains it (by
-- triggers) and only SQLite deployments cache the catalog in memory: on MariaDB a trigger bumping one hot row
-- would serialise every checkout's stock update behind it, and CREATE TRIGGER needs extra privileges when
-- binary logging is on. MariaDB and PostgreSQL serve the catalog queries directly (on PostgreSQL the same hot-row
-- argument holds: every stock update of a checkout would queue behind one row lock).
CREATE TABLE catalog_versions (
    id BIGINT NOT NULL PRIMARY KEY,
    version BIGINT NOT NULL
);
-- @down
DROP TABLE IF EXISTS catalog_versions;
