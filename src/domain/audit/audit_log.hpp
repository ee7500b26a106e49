// The audit trail (`audit_logs`): who did what to which record, from where. Besides the reference's four
// business events (order/repair status, role change, quote decision) it records security events:
// auth.login.succeeded, auth.login.failed, auth.logout, admin allowlist denials, 2FA changes.
// Every entry is sealed into the hash chain of audit_chain.hpp (appends are serialised by a lock on the chain
// head). Blocking (SQL): worker threads only. record() throws on SQL errors. Call it after your own write
// transaction has committed, not inside it: on SQLite it needs the write lock your open transaction holds.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <utility>
#include <vector>

namespace db {
class Database;
}

namespace audit {

struct AuditEntry {
  std::string event;                       // "admin.order.status_changed", "auth.login.failed", …
  std::optional<std::int64_t> actor_id;    // null for guests and the public
  std::string actor_role;                  // "admin" | "user" | "" (null)
  std::string subject_type;                // "App\\Models\\Order" etc. (the reference's strings), or ""
  std::optional<std::int64_t> subject_id;
  std::string ip_address;
  std::string user_agent;                  // truncated to 255 characters
  std::string route_name;
  std::string http_method;                 // upper-case
  std::vector<std::pair<std::string, std::string>> metadata;  // stored as a JSON object of strings
};

class AuditLog final {
 public:
  explicit AuditLog(db::Database& database) : database_(database) {}
  void record(const AuditEntry& entry) const;

 private:
  db::Database& database_;
};

}  // namespace audit
