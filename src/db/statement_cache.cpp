// Owns the side table of prepared statements kept per pooled connection (see statement_cache.hpp): lookup, keep,
// drop, reset after use, and forgetting a connection's statements before it is closed.
#include "db/statement_cache.hpp"

#include <soci/sqlite3/soci-sqlite3.h>

#include <algorithm>
#include <mutex>
#include <unordered_map>
#include <vector>

namespace db {

namespace {
// The statements kept on one connection. Touched only by the thread holding that connection's lease, so it needs
// no lock of its own; a handful of entries, so a vector.
using Kept = std::vector<std::pair<std::type_index, std::unique_ptr<CachedStatement>>>;

// Keyed by the pooled session (its address is stable for the pool's life). The mutex guards the map's structure
// only: each thread then works on its own connection's Kept, whose address a rehash does not move. Never destroyed,
// so a Database destroyed during static destruction can still forget its statements.
struct Table {
  std::mutex mutex;
  std::unordered_map<const soci::session*, Kept> by_session;
};
Table& table() {
  static auto* instance = new Table;
  return *instance;
}

Kept& kept_on(soci::session& sql) {
  Table& all = table();
  std::lock_guard lock(all.mutex);
  return all.by_session[&sql];
}
}  // namespace

void forget_statements(soci::session& sql) {
  Kept doomed;
  {
    Table& all = table();
    std::lock_guard lock(all.mutex);
    auto found = all.by_session.find(&sql);
    if (found == all.by_session.end()) return;
    doomed = std::move(found->second);
    all.by_session.erase(found);
  }
  doomed.clear();  // finalized here, while the connection is still open (the caller closes it afterwards)
}

std::size_t kept_statements(soci::session& sql) {
  Table& all = table();
  std::lock_guard lock(all.mutex);
  auto found = all.by_session.find(&sql);
  return found == all.by_session.end() ? 0 : found->second.size();
}

namespace detail {

bool keeps_statements(soci::session& sql) {
  // By name: SOCI's backend libraries do not export their classes' type information, so no dynamic_cast.
  auto* backend = sql.get_backend();
  return backend && backend->get_backend_name() == "sqlite3";
}

CachedStatement* find_statement(soci::session& sql, std::type_index type) {
  Kept& kept = kept_on(sql);
  auto found = std::find_if(kept.begin(), kept.end(), [&](const auto& entry) { return entry.first == type; });
  return found == kept.end() ? nullptr : found->second.get();
}

CachedStatement& keep_statement(soci::session& sql, std::type_index type, std::unique_ptr<CachedStatement> entry) {
  Kept& kept = kept_on(sql);
  kept.emplace_back(type, std::move(entry));
  return *kept.back().second;
}

void drop_statement(soci::session& sql, std::type_index type) {
  Kept& kept = kept_on(sql);
  kept.erase(std::remove_if(kept.begin(), kept.end(), [&](const auto& entry) { return entry.first == type; }),
             kept.end());
}

void reset_statement(CachedStatement& entry) noexcept {
  // sqlite3_reset ends the statement's read transaction (a statement that stopped on a row keeps it open). Its
  // return value repeats the last step's error, which the use has already seen. SOCI resets again before the next
  // execute, so its own bookkeeping needs nothing from here.
  // Only SQLite sessions keep statements (keeps_statements), so the backend is SQLite's.
  auto* backend = static_cast<soci::sqlite3_statement_backend*>(entry.statement.get_backend());
  if (backend && backend->stmt_) sqlite_api::sqlite3_reset(backend->stmt_);
}

}  // namespace detail

}  // namespace db
