// audit_logs writer (see audit_log.hpp).
#include "domain/audit/audit_log.hpp"

#include "core/clock.hpp"
#include "core/log.hpp"
#include "core/strings.hpp"
#include "db/database.hpp"

namespace audit {

namespace {
std::string utf8_prefix(const std::string& text, std::size_t max_characters) {
  std::size_t bytes = 0, characters = 0;
  while (bytes < text.size() && characters < max_characters) {
    ++bytes;
    while (bytes < text.size() && (static_cast<unsigned char>(text[bytes]) & 0xC0) == 0x80) ++bytes;
    ++characters;
  }
  return text.substr(0, bytes);
}
}  // namespace

void AuditLog::record(const AuditEntry& entry) const {
  std::string metadata = "{";
  for (const auto& [key, value] : entry.metadata) {
    if (metadata.size() > 1) metadata += ",";
    metadata += core::json_quote(key) + ":" + core::json_quote(value);
  }
  metadata += "}";
  long long actor = entry.actor_id.value_or(0), subject = entry.subject_id.value_or(0);
  soci::indicator actor_ind = entry.actor_id ? soci::i_ok : soci::i_null;
  soci::indicator subject_ind = entry.subject_id ? soci::i_ok : soci::i_null;
  soci::indicator role_ind = entry.actor_role.empty() ? soci::i_null : soci::i_ok;
  soci::indicator type_ind = entry.subject_type.empty() ? soci::i_null : soci::i_ok;
  std::string user_agent = utf8_prefix(entry.user_agent, 255);
  std::string ip = entry.ip_address.substr(0, 45);
  std::string method = core::to_upper(entry.http_method);
  std::string now = core::utc_now_sql();
  auto sql = database_.lease();
  *sql << "INSERT INTO audit_logs (event, actor_id, actor_role, subject_type, subject_id, ip_address, user_agent, "
          "route_name, http_method, metadata, created_at) VALUES (:event, :actor, :role, :type, :subject, :ip, :ua, "
          ":route, :method, :metadata, :created)",
      soci::use(entry.event), soci::use(actor, actor_ind), soci::use(entry.actor_role, role_ind),
      soci::use(entry.subject_type, type_ind), soci::use(subject, subject_ind), soci::use(ip), soci::use(user_agent),
      soci::use(entry.route_name), soci::use(method), soci::use(metadata), soci::use(now);
}

}  // namespace audit
