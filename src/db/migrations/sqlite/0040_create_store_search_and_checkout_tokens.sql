-- Store search and checkout idempotency (store helper range 0040-0049).
-- products_fts: full-text index over product names with diacritics removed ("bateria" finds "Batería"),
-- an external-content FTS5 table kept in sync with `products` by the three triggers below.
CREATE VIRTUAL TABLE products_fts USING fts5(name, content = 'products', content_rowid = 'id', tokenize = 'unicode61 remove_diacritics 2');
CREATE TRIGGER products_fts_after_insert AFTER INSERT ON products BEGIN
    INSERT INTO products_fts (rowid, name) VALUES (new.id, new.name); END;
CREATE TRIGGER products_fts_after_delete AFTER DELETE ON products BEGIN
    INSERT INTO products_fts (products_fts, rowid, name) VALUES ('delete', old.id, old.name); END;
CREATE TRIGGER products_fts_after_update AFTER UPDATE OF name ON products BEGIN
    INSERT INTO products_fts (products_fts, rowid, name) VALUES ('delete', old.id, old.name); INSERT INTO products_fts (rowid, name) VALUES (new.id, new.name); END;
INSERT INTO products_fts (products_fts) VALUES ('rebuild');
-- checkout_tokens: one row per consumed checkout token (SHA-256 hex of the token the checkout page issued),
-- inserted in the same transaction as the order it produced. The unique hash makes a second confirm of the
-- same token fail to claim it, and order_id answers "which order did this token make".
CREATE TABLE checkout_tokens (
    id INTEGER PRIMARY KEY AUTOINCREMENT,
    token_hash VARCHAR(64) NOT NULL,
    user_id INTEGER NOT NULL REFERENCES users (id) ON DELETE CASCADE,
    order_id INTEGER NULL REFERENCES orders (id) ON DELETE CASCADE,
    created_at TEXT NULL
);
CREATE UNIQUE INDEX checkout_tokens_token_hash_unique ON checkout_tokens (token_hash);
CREATE INDEX checkout_tokens_user_id_index ON checkout_tokens (user_id);
CREATE INDEX checkout_tokens_order_id_index ON checkout_tokens (order_id);
-- @down
DROP TABLE IF EXISTS checkout_tokens;
DROP TRIGGER IF EXISTS products_fts_after_update;
DROP TRIGGER IF EXISTS products_fts_after_delete;
DROP TRIGGER IF EXISTS products_fts_after_insert;
DROP TABLE IF EXISTS products_fts;
