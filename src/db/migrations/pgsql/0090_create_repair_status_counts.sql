-- repair_status_counts exists on every engine so all share one schema version, but only SQLite keeps it (by
-- triggers, see the SQLite migration) and reads it for the admin repairs list. On MariaDB (and PostgreSQL, which
-- counts the same way) CREATE TRIGGER needs
-- extra privileges when binary logging is on (the reason of 0080 too), so the list counts repairs per status
-- over the (status) index directly.
CREATE TABLE repair_status_counts (
    status VARCHAR(255) NOT NULL PRIMARY KEY,
    total BIGINT NOT NULL DEFAULT 0
);
-- @down
DROP TABLE IF EXISTS repair_status_counts;
