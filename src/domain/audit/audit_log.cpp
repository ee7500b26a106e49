// audit_logs writer (see audit_log.hpp): every entry is appended to the hash chain of audit_chain.hpp.
//
// Appends are serialised so two writers cannot both chain to the same predecessor (a fork): one transaction
// per entry that first locks the chain head — SQLite's BEGIN IMMEDIATE already holds the database write lock,
// MariaDB takes the head row with SELECT … FOR UPDATE. Insert, read the row back, hash, store the hash, move
// the head, commit: a crash anywhere leaves nothing half-written.
#include "domain/audit/audit_log.hpp"

#include <array>

#include "core/clock.hpp"
#include "core/log.hpp"
#include "core/strings.hpp"
#include "db/database.hpp"
#include "domain/audit/audit_chain.hpp"

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

struct Head {
  long long last_id = 0;
  std::string last_hash;
};

// Locks the head row for this transaction. A missing head (deleted by hand) is recreated from the newest
// sealed entry, so auditing keeps working; `nico audit:verify` still reports the unsealed entries before it.
Head lock_head(soci::session& sql, db::Dialect dialect, const std::string& now) {
  Head head;
  soci::indicator hash_ind = soci::i_ok;
  std::string query = "SELECT last_id, last_hash FROM audit_chain_heads WHERE id = 1";
  if (dialect == db::Dialect::kMysql) query += " FOR UPDATE";
  sql << query, soci::into(head.last_id), soci::into(head.last_hash, hash_ind);
  if (sql.got_data()) {
    if (hash_ind == soci::i_null) head.last_hash.clear();
    return head;
  }
  core::log::warning("audit chain head missing; recreating it from the newest sealed entry", {});
  soci::indicator id_ind = soci::i_null, found_hash_ind = soci::i_null;
  sql << "SELECT id, hash FROM audit_logs WHERE hash IS NOT NULL ORDER BY id DESC LIMIT 1", soci::into(head.last_id, id_ind),
      soci::into(head.last_hash, found_hash_ind);
  if (!sql.got_data() || id_ind == soci::i_null) head = Head{};
  sql << "INSERT INTO audit_chain_heads (id, legacy_max_id, last_id, last_hash, updated_at) "
         "VALUES (1, 0, :last_id, :last_hash, :now)",
      soci::use(head.last_id), soci::use(head.last_hash), soci::use(now);
  return head;
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
  db::Transaction transaction(*sql, database_.dialect());
  Head head = lock_head(*sql, database_.dialect(), now);
  *sql << "INSERT INTO audit_logs (event, actor_id, actor_role, subject_type, subject_id, ip_address, user_agent, "
          "route_name, http_method, metadata, created_at, prev_hash) VALUES (:event, :actor, :role, :type, :subject, "
          ":ip, :ua, :route, :method, :metadata, :created, :prev)",
      soci::use(entry.event), soci::use(actor, actor_ind), soci::use(entry.actor_role, role_ind),
      soci::use(entry.subject_type, type_ind), soci::use(subject, subject_ind), soci::use(ip), soci::use(user_agent),
      soci::use(entry.route_name), soci::use(method), soci::use(metadata), soci::use(now), soci::use(head.last_hash);
  long long id = database_.last_insert_id(*sql, "audit_logs");

  // Hash what the database holds (its DATETIME/JSON rendering), exactly as the verifier will read it.
  std::array<std::string, kCanonicalColumnCount> values;
  std::array<soci::indicator, kCanonicalColumnCount> indicators{};
  {
    soci::statement statement(*sql);
    for (std::size_t i = 0; i < kCanonicalColumnCount; ++i) statement.exchange(soci::into(values[i], indicators[i]));
    statement.exchange(soci::use(id));
    statement.alloc();
    statement.prepare(std::string("SELECT ") + kCanonicalColumns + " FROM audit_logs WHERE id = :id");
    statement.define_and_bind();
    statement.execute(true);
  }
  std::vector<std::optional<std::string>> columns(kCanonicalColumnCount);
  for (std::size_t i = 0; i < kCanonicalColumnCount; ++i)
    if (indicators[i] != soci::i_null) columns[i] = values[i];
  std::string hash = chain_hash(head.last_hash, canonical_entry(columns));

  *sql << "UPDATE audit_logs SET hash = :hash WHERE id = :id", soci::use(hash), soci::use(id);
  *sql << "UPDATE audit_chain_heads SET last_id = :id, last_hash = :hash, updated_at = :now WHERE id = 1",
      soci::use(id), soci::use(hash), soci::use(now);
  transaction.commit();
}

}  // namespace audit
