-- Store search and checkout idempotency (store helper range 0040-0049).
-- Search on PostgreSQL: text comparison is case- and accent-sensitive, so the store compares
-- nico_search_fold(name) with the folded search word (lower case whatever the database locale, Spanish/Portuguese accents and ñ/ç replaced by
-- plain letters): one LIKE per word finds "Batería" for "bateria" in any word order, as on the other engines.
-- A plain SQL function (no contrib extension, so no superuser is needed to migrate); IMMUTABLE so it may be used
-- in an expression index later.
CREATE FUNCTION nico_search_fold(input TEXT) RETURNS TEXT LANGUAGE SQL IMMUTABLE STRICT PARALLEL SAFE AS
$$ SELECT lower(translate(input, 'áàâäãéèêëíìîïóòôöõúùûüñçÁÀÂÄÃÉÈÊËÍÌÎÏÓÒÔÖÕÚÙÛÜÑÇ', 'aaaaaeeeeiiiiooooouuuuncaaaaaeeeeiiiiooooouuuunc')) $$;
-- checkout_tokens: one row per consumed checkout token (SHA-256 hex of the token the checkout page issued),
-- inserted in the same transaction as the order it produced. The unique hash makes a second confirm of the
-- same token fail to claim it (a concurrent one waits for the first to commit), and order_id answers
-- "which order did this token make".
CREATE TABLE checkout_tokens (
    id BIGSERIAL PRIMARY KEY,
    token_hash VARCHAR(64) NOT NULL,
    user_id BIGINT NOT NULL,
    order_id BIGINT NULL,
    created_at TIMESTAMP(0) NULL,
    CONSTRAINT checkout_tokens_token_hash_unique UNIQUE (token_hash),
    CONSTRAINT checkout_tokens_user_id_foreign FOREIGN KEY (user_id) REFERENCES users (id) ON DELETE CASCADE,
    CONSTRAINT checkout_tokens_order_id_foreign FOREIGN KEY (order_id) REFERENCES orders (id) ON DELETE CASCADE
);
CREATE INDEX checkout_tokens_user_id_index ON checkout_tokens (user_id);
CREATE INDEX checkout_tokens_order_id_index ON checkout_tokens (order_id);
-- @down
DROP TABLE IF EXISTS checkout_tokens;
DROP FUNCTION IF EXISTS nico_search_fold(TEXT);
