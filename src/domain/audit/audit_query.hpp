// Reading the audit trail for the admin viewer (/admin/auditoria): filtered, newest first, paginated.
// Blocking (SQL): worker threads only.
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

struct AuditFilter {
  std::string event;                   // exact event name, "" = any
  std::string actor;                   // "" = any; digits or "#12" = actor id; else part of the actor's email/name
  std::string subject_type;            // exact stored type ("App\\Models\\Order"), "" = any
  std::optional<std::int64_t> subject_id;
  std::string from_utc, to_utc;        // created_at bounds, UTC "YYYY-MM-DD HH:MM:SS": [from, to); "" = open
  int page = 1;                        // 1-based
  int per_page = 25;
};

struct AuditRow {
  std::int64_t id = 0;
  std::string event;
  std::optional<std::int64_t> actor_id;
  std::string actor_name;              // "Nombre Apellido" or "" (public / deleted user)
  std::string actor_email;
  std::string actor_role;
  std::string subject_type;
  std::optional<std::int64_t> subject_id;
  std::string ip_address, user_agent, route_name, http_method;
  std::vector<std::pair<std::string, std::string>> metadata;  // decoded JSON object, in stored order
  std::string created_at;              // UTC SQL timestamp
  bool sealed = false;                 // has a chain hash
};

struct AuditPage {
  std::vector<AuditRow> rows;
  std::int64_t total = 0;              // rows matching the filter
  int page = 1, pages = 1;
};

AuditPage search_audit(db::Database& database, const AuditFilter& filter);
// Distinct event names and subject types present in the log (for the filter selects), sorted.
std::vector<std::string> audit_events(db::Database& database);
std::vector<std::string> audit_subject_types(db::Database& database);

// The metadata column (a JSON object) as key → readable text; nested values are shown as compact JSON and
// anything that is not an object becomes one ("valor", text) pair.
std::vector<std::pair<std::string, std::string>> decode_metadata(const std::string& json);

}  // namespace audit
