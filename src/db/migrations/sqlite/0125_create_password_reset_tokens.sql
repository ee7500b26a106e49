-- password_reset_tokens: one row per "¿Olvidaste tu contraseña?" link mailed (src/domain/accounts/password_reset.hpp).
-- Only the SHA-256 hex of the token is stored, so a copy of the database cannot reset anyone's password. Times are
-- unix seconds (UTC). used_at is set by the one reset that claims the row (UPDATE … WHERE used_at IS NULL), which
-- makes the link single use even under two concurrent submits.
CREATE TABLE password_reset_tokens (
    id INTEGER PRIMARY KEY AUTOINCREMENT,
    user_id INTEGER NOT NULL REFERENCES users (id) ON DELETE CASCADE,
    token_hash VARCHAR(64) NOT NULL,
    created_at INTEGER NOT NULL,
    expires_at INTEGER NOT NULL,
    used_at INTEGER NULL
);
CREATE UNIQUE INDEX password_reset_tokens_token_hash_unique ON password_reset_tokens (token_hash);
CREATE INDEX password_reset_tokens_user_id_index ON password_reset_tokens (user_id);
-- @down
DROP TABLE IF EXISTS password_reset_tokens;
