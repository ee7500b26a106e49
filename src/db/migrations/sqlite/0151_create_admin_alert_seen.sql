-- admin_alert_seen: which alert-centre items (/admin/alertas) each admin marked as seen. item_key is the digest
-- item's key ("stale_repair:12", src/domain/alerts/digest.hpp); a new item has no row, so it shows as unseen.
CREATE TABLE admin_alert_seen (
    id INTEGER PRIMARY KEY AUTOINCREMENT,
    user_id INTEGER NOT NULL REFERENCES users (id) ON DELETE CASCADE,
    item_key VARCHAR(64) NOT NULL,
    seen_at TEXT NULL
);
CREATE UNIQUE INDEX admin_alert_seen_user_item_unique ON admin_alert_seen (user_id, item_key);
-- @down
DROP TABLE IF EXISTS admin_alert_seen;
