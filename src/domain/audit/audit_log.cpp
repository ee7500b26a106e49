// audit_logs writer (see audit_log.hpp): every entry is appended to the hash chain of audit_chain.hpp.
//
// Appends are serialised so two writers cannot both chain to the same predecessor (a fork): one transaction
// per entry that first locks the chain head — SQLite's BEGIN IMMEDIATE already holds the database write lock,
// MariaDB takes the head row with SELECT … FOR UPDATE. Insert, read the row back, hash, store the hash, move
// the head, commit: a crash anywhere leaves nothing half-written.
#include "domain/audit/audit_log.hpp"

#include <array>
#include <stdexcept>

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

// Creates the head row on the first append (a freshly migrated database holds no rows, so `db:import` sees an
// empty target). Every entry already there is legacy (unsealed). Autocommit INSERT-or-ignore before the append
// transaction: two first writers cannot both create it, and neither waits on the other's transaction.
void ensure_head(soci::session& sql, db::Dialect dialect) {
  int found = 0;
  sql << "SELECT COUNT(*) FROM audit_chain_heads WHERE id = 1", soci::into(found);
  if (found > 0) return;
  sql << std::string(dialect == db::Dialect::kSqlite ? "INSERT OR IGNORE" : "INSERT IGNORE") +
             " INTO audit_chain_heads (id, legacy_max_id, last_id, last_hash) "
             "SELECT 1, COALESCE(MAX(id), 0), 0, '' FROM audit_logs WHERE hash IS NULL";
}

// Locks the head row for this transaction (SQLite: BEGIN IMMEDIATE already holds the write lock).
Head lock_head(soci::session& sql, db::Dialect dialect) {
  Head head;
  soci::indicator hash_ind = soci::i_ok;
  std::string query = "SELECT last_id, last_hash FROM audit_chain_heads WHERE id = 1";
  if (dialect == db::Dialect::kMysql) query += " FOR UPDATE";
  sql << query, soci::into(head.last_id), soci::into(head.last_hash, hash_ind);
  if (!sql.got_data()) throw std::runtime_error("audit chain head row vanished during an append");
  if (hash_ind == soci::i_null) head.last_hash.clear();
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
  ensure_head(*sql, database_.dialect());
  db::Transaction transaction(*sql, database_.dialect());
  Head head = lock_head(*sql, database_.dialect());
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
