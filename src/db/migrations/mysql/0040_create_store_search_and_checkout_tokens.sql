-- Store search and checkout idempotency (store helper range 0040-0049).
-- Search on MariaDB needs no index of its own: product names use utf8mb4_unicode_ci, an accent- and
-- case-insensitive collation, so one LIKE per search word finds "Batería" for "bateria" in any word order.
-- checkout_tokens: one row per consumed checkout token (SHA-256 hex of the token the checkout page issued),
-- inserted in the same transaction as the order it produced. The unique hash makes a second confirm of the
-- same token fail to claim it (a concurrent one waits for the first to commit), and order_id answers
-- "which order did this token make".
CREATE TABLE checkout_tokens (
    id BIGINT UNSIGNED NOT NULL AUTO_INCREMENT PRIMARY KEY,
    token_hash VARCHAR(64) NOT NULL,
    user_id BIGINT UNSIGNED NOT NULL,
    order_id BIGINT UNSIGNED NULL,
    created_at DATETIME NULL,
    UNIQUE KEY checkout_tokens_token_hash_unique (token_hash),
    KEY checkout_tokens_user_id_index (user_id),
    KEY checkout_tokens_order_id_index (order_id),
    CONSTRAINT checkout_tokens_user_id_foreign FOREIGN KEY (user_id) REFERENCES users (id) ON DELETE CASCADE,
    CONSTRAINT checkout_tokens_order_id_foreign FOREIGN KEY (order_id) REFERENCES orders (id) ON DELETE CASCADE
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;
-- @down
DROP TABLE IF EXISTS checkout_tokens;
