// audit_logs writer (see audit_log.hpp): every entry is appended to the hash chain of audit_chain.hpp.
//
// Appends run inside the caller's transaction (the use case's db::write), so an entry commits or rolls back
// with the change it records. They are serialised so two writers cannot both chain to the same predecessor (a
// fork): the append first locks the chain head — SQLite's BEGIN IMMEDIATE already holds the database write
// lock, MariaDB and PostgreSQL take the head row with SELECT … FOR UPDATE, held until the caller commits. Insert,
// read the row back, hash, store the hash, move the head: a crash anywhere leaves nothing half-written. A
// deadlock against another append is rolled back whole and rerun by db::write.
#include "domain/audit/audit_log.hpp"

#include <array>
#include <stdexcept>

#include "core/clock.hpp"
#include "core/log.hpp"
#include "core/strings.hpp"
#include "db/database.hpp"
#include "db/unit_of_work.hpp"
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
// empty target). Every entry already there is legacy (unsealed). INSERT-or-ignore inside the caller's
// transaction: two first writers cannot both create it (the second waits for the first, then skips).
void ensure_head(soci::session& sql, db::Dialect dialect) {
  int found = 0;
  sql << "SELECT COUNT(*) FROM audit_chain_heads WHERE id = 1", soci::into(found);
  if (found > 0) return;
  // A plain read, then a one-row insert: an INSERT … SELECT would take shared locks on audit_logs on InnoDB and
  // deadlock against an append that already holds the head.
  long long legacy_max_id = 0;
  soci::indicator legacy_ind = soci::i_null;
  sql << "SELECT MAX(id) FROM audit_logs WHERE hash IS NULL", soci::into(legacy_max_id, legacy_ind);
  if (legacy_ind == soci::i_null) legacy_max_id = 0;
  sql << db::insert_ignore(dialect, "INTO audit_chain_heads (id, legacy_max_id, last_id, last_hash) VALUES (1, :legacy, 0, '')"),
      soci::use(legacy_max_id);
}

// Locks the head row for this transaction (SQLite: BEGIN IMMEDIATE already holds the write lock).
Head lock_head(soci::session& sql, db::Dialect dialect) {
  Head head;
  soci::indicator hash_ind = soci::i_ok;
  std::string query = "SELECT last_id, last_hash FROM audit_chain_heads WHERE id = 1";
  query += db::for_update(dialect);
  sql << query, soci::into(head.last_id), soci::into(head.last_hash, hash_ind);
  if (!sql.got_data()) throw std::runtime_error("audit chain head row vanished during an append");
  if (hash_ind == soci::i_null) head.last_hash.clear();
  return head;
}

// The values of one entry as stored (truncated, upper-cased, NULL indicators), bound by reference.
struct StoredRow {
  long long actor = 0, subject = 0;
  soci::indicator actor_ind = soci::i_null, subject_ind = soci::i_null, role_ind = soci::i_null,
                  type_ind = soci::i_null;
  std::string ip, user_agent, method, metadata, now;
};

// One append in the caller's transaction: lock head, insert, read back, hash, seal, move head.
void append_row(soci::session& sql, db::Database& database, const AuditEntry& entry, StoredRow& row) {
  Head head = lock_head(sql, database.dialect());
  sql << "INSERT INTO audit_logs (event, actor_id, actor_role, subject_type, subject_id, ip_address, user_agent, "
          "route_name, http_method, metadata, created_at, prev_hash) VALUES (:event, :actor, :role, :type, :subject, "
          ":ip, :ua, :route, :method, :metadata, :created, :prev)",
      soci::use(entry.event), soci::use(row.actor, row.actor_ind), soci::use(entry.actor_role, row.role_ind),
      soci::use(entry.subject_type, row.type_ind), soci::use(row.subject, row.subject_ind), soci::use(row.ip),
      soci::use(row.user_agent), soci::use(entry.route_name), soci::use(row.method), soci::use(row.metadata),
      soci::use(row.now), soci::use(head.last_hash);
  long long id = database.last_insert_id(sql, "audit_logs");

  // Hash what the database holds (its DATETIME/JSON rendering), exactly as the verifier will read it.
  std::array<std::string, kCanonicalColumnCount> values;
  std::array<soci::indicator, kCanonicalColumnCount> indicators{};
  {
    soci::statement statement(sql);
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

  sql << "UPDATE audit_logs SET hash = :hash WHERE id = :id", soci::use(hash), soci::use(id);
  sql << "UPDATE audit_chain_heads SET last_id = :id, last_hash = :hash, updated_at = :now WHERE id = 1", soci::use(id),
      soci::use(hash), soci::use(row.now);
}

}  // namespace

void append(db::Tx& tx, const AuditEntry& entry) {
  StoredRow row;
  row.metadata = "{";
  for (const auto& [key, value] : entry.metadata) {
    if (row.metadata.size() > 1) row.metadata += ",";
    row.metadata += core::json_quote(key) + ":" + core::json_quote(value);
  }
  row.metadata += "}";
  row.actor = entry.actor_id.value_or(0);
  row.subject = entry.subject_id.value_or(0);
  row.actor_ind = entry.actor_id ? soci::i_ok : soci::i_null;
  row.subject_ind = entry.subject_id ? soci::i_ok : soci::i_null;
  row.role_ind = entry.actor_role.empty() ? soci::i_null : soci::i_ok;
  row.type_ind = entry.subject_type.empty() ? soci::i_null : soci::i_ok;
  row.user_agent = utf8_prefix(entry.user_agent, 255);
  row.ip = entry.ip_address.substr(0, 45);
  row.method = core::to_upper(entry.http_method);
  row.now = core::utc_now_sql();

  ensure_head(tx.sql(), tx.dialect());
  append_row(tx.sql(), tx.database(), entry, row);
}

void AuditLog::append(db::Tx& tx, const AuditEntry& entry) const { audit::append(tx, entry); }

void AuditLog::record(const AuditEntry& entry) const {
  db::write(database_, [&](db::Tx& tx) { audit::append(tx, entry); });
}

}  // namespace audit
