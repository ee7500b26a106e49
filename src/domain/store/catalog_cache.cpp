// Catalog read cache (see catalog_cache.hpp).
#include "domain/store/catalog_cache.hpp"

#include <soci/soci.h>

#include "db/database.hpp"
#include "db/statement_cache.hpp"
#include "domain/inventory/catalog_version.hpp"

namespace store {

namespace {
// The version read, kept prepared per pooled connection (db/statement_cache.hpp): every guest page asks for it (on
// SQLite on every request), and preparing it cost more than running it. Owns what it binds.
struct VersionStatement final : db::CachedStatement {
  long long version = 0;
  soci::indicator indicator = soci::i_null;

  explicit VersionStatement(soci::session& sql) : CachedStatement(sql) {
    statement.exchange(soci::into(version, indicator));
    statement.alloc();
    statement.prepare("SELECT version FROM catalog_versions WHERE id = 1");
    statement.define_and_bind();
  }
};
}  // namespace

std::optional<long long> CatalogCache::current_version(db::Database& database) {
  std::optional<long long> stored;
  {
    auto sql = database.lease();
    stored = db::with_statement<VersionStatement>(sql, [](VersionStatement& query) -> std::optional<long long> {
      if (!query.statement.execute(true) || query.indicator != soci::i_ok) return std::nullopt;
      return query.version;
    });
  }
  if (stored) return stored;
  // No row. SQLite: nothing was written since migration 0080 (its triggers create the row), a version of its own.
  // MariaDB/PostgreSQL: migration 0161 (which seeds it) was rolled back, so nothing bumps a version: cache nothing.
  if (database.dialect() == db::Dialect::kSqlite) return 0;
  return std::nullopt;
}

std::optional<long long> CatalogCache::version(db::Database& database, std::chrono::milliseconds reuse) {
  if (reuse.count() <= 0 || database.dialect() == db::Dialect::kSqlite) return current_version(database);
  // The bump count is taken before the read: a bump by this process that lands after it makes the stored read stale
  // at once, even when the read itself came back with the old version.
  const long long bumps = inventory::catalog_bumps_by_this_process();
  const auto now = std::chrono::steady_clock::now();
  {
    std::lock_guard lock(version_mutex_);
    if (last_read_.bumps == bumps && now - last_read_.at < reuse) return last_read_.version;
  }
  auto version = current_version(database);
  std::lock_guard lock(version_mutex_);
  if (bumps >= last_read_.bumps) last_read_ = VersionRead{version, now, bumps};
  return version;
}

std::optional<CatalogCache::Value> CatalogCache::find(const std::string& key, long long version) const {
  std::lock_guard lock(mutex_);
  auto* found = entries_.find(key);
  if (!found || found->version != version) return std::nullopt;
  return found->value;
}

void CatalogCache::store(const std::string& key, long long version, Value value) {
  std::lock_guard lock(mutex_);
  entries_.put(key, Entry{version, std::move(value)});
}

}  // namespace store
