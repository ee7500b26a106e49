// WhatsApp messages for repairs and orders (docs/domain/whatsapp.md). The shop never sends WhatsApp
// itself: it renders the per-status template, builds a https://wa.me/<phone>?text=<message> link that the admin
// opens, and records a log row (de-duplicated) when the admin says it was sent.
//
//   repairs                                     orders
//   ──────────────────────────────────────────  ──────────────────────────────────────────
//   phone  customer_phone                      pickup_phone, else the buyer's phone
//          both as core::phone::whatsapp_digits (E.164 without '+': 5493415557788)
//   text   repair_whatsapp_templates[status]    order_whatsapp_templates[status]
//          else the default (default_templates.hpp) — the same text the templates page shows
//   dedupe latest log for (repair, status)      a log for (order, status, phone)
//          younger than 10 minutes              younger than 15 minutes
//
// Every function here is blocking (SQL): call it from a worker thread, never an IO thread. Unknown ids are not
// errors: the message functions return an empty WhatsAppMessage, the log functions return "not created".
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

namespace db {
class Database;
class Tx;
}

namespace notify {

struct RepairFacts;  // placeholders.hpp

inline constexpr std::int64_t kRepairDedupeSeconds = 10 * 60;
inline constexpr std::int64_t kOrderDedupeSeconds = 15 * 60;

struct WhatsAppMessage {
  std::optional<std::string> phone;  // normalised digits ("541133332222"); nullopt when no usable phone
  std::string message;               // rendered template (also rendered when there is no phone)
  std::string url;                   // https://wa.me/<phone>?text=<url-encoded message>; "" without phone
};

// What a log action did.
struct LogOutcome {
  bool found = false;      // false: no repair/order with that id (nothing else is set)
  bool has_phone = false;  // false: nothing was logged (docs/domain/whatsapp.md "Phone rules")
  bool created = false;    // false with has_phone: a recent log for the same status already existed
  std::string sent_at;     // UTC "YYYY-MM-DD HH:MM:SS" of the new log, or of the recent one that blocked it
};

// One row of a log list, newest first.
struct WhatsAppLogEntry {
  std::string status;        // notified status key (snapshot of the status when it was sent)
  std::string status_label;  // its Spanish label (the key itself for a key this version does not know)
  std::string phone;         // normalised phone it was sent to ("" when unknown)
  std::string message;       // the text that was sent
  std::string sent_at;       // UTC "YYYY-MM-DD HH:MM:SS"
  std::string sent_by_name;  // name of the admin who logged it ("" when unknown or deleted)
};

// ── Repairs ─────────────────────────────────────────────────────────────────────────────────────────────────
// `base_url` is APP_URL (absolute links: {lookup_url}, {status_url}, {approval_url}); `app_key` is the raw
// APP_KEY (web::Services::app_key) that signs {status_url} and {approval_url}.
WhatsAppMessage repair_whatsapp(db::Database& database, long long repair_id, const std::string& base_url,
                                const std::string& app_key);
// The same for repairs a list page has already read (one RepairFacts per row, shop_address and shop_hours filled
// in by the caller from the settings snapshot): one query for the stored templates, no repair read again.
// One message per entry, in order.
std::vector<WhatsAppMessage> repair_whatsapp_for(db::Database& database, const std::vector<RepairFacts>& repairs,
                                                 const std::string& base_url, const std::string& app_key);

// Logs "sent" for the repair's current status unless the latest log for that status is younger than 10 minutes
// (the phone is not considered). Stores the rendered message and the normalised phone. In the caller's
// transaction; the repair row is locked on MariaDB/PostgreSQL, so two clicks at once create one row.
LogOutcome record_repair_whatsapp(db::Tx& tx, long long repair_id, std::optional<long long> sent_by,
                                  const std::string& base_url, const std::string& app_key);
// The interface of the helpers' contract: the same without links (the stored message then carries relative
// links such as "/reparacion" and no signed links). Prefer record_repair_whatsapp.
bool log_repair_whatsapp(db::Tx& tx, long long repair_id, std::optional<long long> sent_by);

std::vector<WhatsAppLogEntry> repair_whatsapp_logs(db::Database& database, long long repair_id);

// ── Orders ──────────────────────────────────────────────────────────────────────────────────────────────────
// `base_url` is APP_URL ({my_orders_url}, {store_url}).
WhatsAppMessage order_whatsapp(db::Database& database, long long order_id, const std::string& base_url);

// Logs "sent" for the order's current status unless a log for the same status and phone is younger than
// 15 minutes. In the caller's transaction; the order row is locked on MariaDB/PostgreSQL.
LogOutcome record_order_whatsapp(db::Tx& tx, long long order_id, std::optional<long long> sent_by,
                                 const std::string& base_url);
// Contract form without base URL (relative links in the stored message). Prefer record_order_whatsapp.
bool log_order_whatsapp(db::Tx& tx, long long order_id, std::optional<long long> sent_by);

std::vector<WhatsAppLogEntry> order_whatsapp_logs(db::Database& database, long long order_id);
// When the order was last notified for `status` (UTC SQL sent_at of the newest log row, any phone), or nullopt.
std::optional<std::string> order_notified_at(db::Database& database, long long order_id, const std::string& status);

}  // namespace notify
