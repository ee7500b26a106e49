// Statements shared by the repair and order WhatsApp logs (see log_store.hpp).
#include "domain/notify/log_store.hpp"

#include "core/clock.hpp"
#include "db/database.hpp"

namespace notify {

std::optional<std::string> latest_log_time(soci::session& sql, const LogTable& logs, long long owner_id,
                                           const std::string& status, const std::string* phone) {
  std::string latest;
  soci::indicator latest_ind = soci::i_null;
  std::string query = std::string("SELECT MAX(sent_at) FROM ") + logs.table + " WHERE " + logs.owner_key +
                      " = :owner AND notified_status = :status";
  if (phone) {
    sql << query + " AND phone = :phone", soci::use(owner_id), soci::use(status), soci::use(*phone),
        soci::into(latest, latest_ind);
  } else {
    sql << query, soci::use(owner_id), soci::use(status), soci::into(latest, latest_ind);
  }
  if (latest_ind != soci::i_ok) return std::nullopt;
  return latest;
}

std::string insert_log(soci::session& sql, const LogTable& logs, long long owner_id, const std::string& status,
                       const WhatsAppMessage& message, std::optional<long long> sent_by) {
  std::string now = core::utc_now_sql();
  long long by = sent_by.value_or(0);
  soci::indicator by_ind = sent_by ? soci::i_ok : soci::i_null;
  std::string phone = message.phone.value_or("");
  sql << std::string("INSERT INTO ") + logs.table + " (" + logs.owner_key +
             ", notified_status, phone, message, sent_by, sent_at, created_at, updated_at) "
             "VALUES (:owner, :status, :phone, :message, :by, :at, :c, :u)",
      soci::use(owner_id), soci::use(status), soci::use(phone), soci::use(message.message), soci::use(by, by_ind),
      soci::use(now), soci::use(now), soci::use(now);
  return now;
}

std::vector<WhatsAppLogEntry> read_logs(soci::session& sql, const LogTable& logs, long long owner_id) {
  std::vector<WhatsAppLogEntry> result;
  WhatsAppLogEntry row;
  std::string phone, message, name;
  soci::indicator phone_ind = soci::i_null, message_ind = soci::i_null, name_ind = soci::i_null;
  soci::statement query =
      (sql.prepare << std::string("SELECT l.notified_status, l.phone, l.message, l.sent_at, u.name FROM ") +
                          logs.table + " l LEFT JOIN users u ON u.id = l.sent_by WHERE l." + logs.owner_key +
                          " = :owner ORDER BY l.sent_at DESC, l.id DESC",
       soci::use(owner_id), soci::into(row.status), soci::into(phone, phone_ind), soci::into(message, message_ind),
       soci::into(row.sent_at), soci::into(name, name_ind));
  query.execute();
  while (query.fetch()) {
    WhatsAppLogEntry entry = row;
    entry.phone = phone_ind == soci::i_ok ? phone : "";
    entry.message = message_ind == soci::i_ok ? message : "";
    entry.sent_by_name = name_ind == soci::i_ok ? name : "";
    result.push_back(std::move(entry));
  }
  return result;
}

}  // namespace notify
