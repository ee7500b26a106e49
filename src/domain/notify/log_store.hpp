// The two WhatsApp log tables (`repair_whatsapp_logs`, `order_whatsapp_logs`) share their shape; these are the
// statements both kinds run. Internal to domain/notify. Blocking (SQL).
#pragma once

#include <optional>
#include <string>
#include <vector>

#include "domain/notify/whatsapp.hpp"

namespace soci {
class session;
}

namespace notify {

struct LogTable {
  const char* table;      // "repair_whatsapp_logs"
  const char* owner_key;  // "repair_id"
};
inline constexpr LogTable kRepairLogs{"repair_whatsapp_logs", "repair_id"};
inline constexpr LogTable kOrderLogs{"order_whatsapp_logs", "order_id"};

// Newest sent_at of the logs for (owner, status[, phone]) — nullopt when there is none.
std::optional<std::string> latest_log_time(soci::session& sql, const LogTable& logs, long long owner_id,
                                           const std::string& status, const std::string* phone);
// Inserts one log row sent now; returns its sent_at.
std::string insert_log(soci::session& sql, const LogTable& logs, long long owner_id, const std::string& status,
                       const WhatsAppMessage& message, std::optional<long long> sent_by);
// Logs of one owner, newest first; status_label left empty (the caller knows the labels).
std::vector<WhatsAppLogEntry> read_logs(soci::session& sql, const LogTable& logs, long long owner_id);

}  // namespace notify
