-- admin_alert_seen: which alert-centre items (/admin/alertas) each admin marked as seen. item_key is the digest
-- item's key ("stale_repair:12", src/domain/alerts/digest.hpp); a new item has no row, so it shows as unseen.
CREATE TABLE admin_alert_seen (
    id BIGSERIAL PRIMARY KEY,
    user_id BIGINT NOT NULL,
    item_key VARCHAR(64) NOT NULL,
    seen_at TIMESTAMP(0) NULL,
    CONSTRAINT admin_alert_seen_user_item_unique UNIQUE (user_id, item_key),
    CONSTRAINT admin_alert_seen_user_id_foreign FOREIGN KEY (user_id) REFERENCES users (id) ON DELETE CASCADE
);
-- @down
DROP TABLE IF EXISTS admin_alert_seen;
