// The audit trail (`audit_logs`): who did what to which record, from where. Besides the reference's four
// business events (order/repair status, role change, quote decision) it records security events:
// auth.login.succeeded, auth.login.failed, auth.logout, admin allowlist denials, 2FA changes.
// Every entry is sealed into the hash chain of audit_chain.hpp (appends are serialised by a lock on the chain
// head, held until the transaction commits). An entry that belongs to a change is appended inside the use case's
// transaction (`append(tx, entry)`): both commit or neither does. record() is for events that write nothing else
// (a failed login, a denied admin access): its own unit of work. Blocking (SQL): worker threads only; both throw
// on SQL errors.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <utility>
#include <vector>

namespace db {
class Database;
class Tx;
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

// Appends `entry` to the chain inside the caller's transaction (locks the chain head until it commits).
void append(db::Tx& tx, const AuditEntry& entry);

class AuditLog final {
 public:
  explicit AuditLog(db::Database& database) : database_(database) {}
  // append() inside the caller's transaction.
  void append(db::Tx& tx, const AuditEntry& entry) const;
  // An entry on its own: one db::write.
  void record(const AuditEntry& entry) const;

 private:
  db::Database& database_;
};

}  // namespace audit
