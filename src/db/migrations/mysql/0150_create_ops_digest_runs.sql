-- ops_digest_runs: one row per operational digest mailed (src/domain/alerts/digest_delivery.hpp). signature is the
-- SHA-256 of the sorted item keys and item_keys the keys themselves (one per line): the next digest is mailed only
-- when it lists an item the last mailed one did not. created_at is UTC.
CREATE TABLE ops_digest_runs (
    id BIGINT UNSIGNED NOT NULL AUTO_INCREMENT PRIMARY KEY,
    signature VARCHAR(64) NOT NULL,
    item_keys MEDIUMTEXT NOT NULL,
    item_count INT NOT NULL DEFAULT 0,
    recipients TEXT NOT NULL,
    created_at DATETIME NULL,
    KEY ops_digest_runs_created_at_index (created_at)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;
-- @down
DROP TABLE IF EXISTS ops_digest_runs;
