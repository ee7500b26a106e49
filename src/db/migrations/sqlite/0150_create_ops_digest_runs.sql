-- ops_digest_runs: one row per operational digest mailed (src/domain/alerts/digest_delivery.hpp). signature is the
-- SHA-256 of the sorted item keys and item_keys the keys themselves (one per line): the next digest is mailed only
-- when it lists an item the last mailed one did not. created_at is UTC.
CREATE TABLE ops_digest_runs (
    id INTEGER PRIMARY KEY AUTOINCREMENT,
    signature VARCHAR(64) NOT NULL,
    item_keys TEXT NOT NULL,
    item_count INTEGER NOT NULL DEFAULT 0,
    recipients TEXT NOT NULL,
    created_at TEXT NULL
);
CREATE INDEX ops_digest_runs_created_at_index ON ops_digest_runs (created_at);
-- @down
DROP TABLE IF EXISTS ops_digest_runs;
