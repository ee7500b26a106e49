-- Tamper-evident audit trail (docs/ARCHITECTURE.md, "Audit hash chain"): every entry written from now on stores
-- the SHA-256 of (previous entry's hash + its own canonical fields). Entries that existed before this migration
-- stay unsealed (hash NULL); the chain starts at the first new entry. audit_chain_heads holds one row (id 1),
-- created by the first append (so a freshly migrated database holds no data): the newest sealed entry (deleting
-- entries from the end is detected too), the highest legacy id (an unsealed entry above it was inserted behind
-- the application's back), and it is the row writers lock.
ALTER TABLE audit_logs ADD COLUMN prev_hash VARCHAR(64) NULL, ADD COLUMN hash VARCHAR(64) NULL;
CREATE TABLE audit_chain_heads (
    id INTEGER NOT NULL PRIMARY KEY,
    legacy_max_id BIGINT NOT NULL DEFAULT 0,
    last_id BIGINT NOT NULL DEFAULT 0,
    last_hash VARCHAR(64) NOT NULL DEFAULT '',
    updated_at TIMESTAMP(0) NULL
);
-- @down
DROP TABLE IF EXISTS audit_chain_heads;
ALTER TABLE audit_logs DROP COLUMN hash, DROP COLUMN prev_hash;
