// Catalog read cache (see catalog_cache.hpp).
#include "domain/store/catalog_cache.hpp"

#include <soci/soci.h>

#include "db/database.hpp"

namespace store {

std::optional<long long> CatalogCache::current_version(db::Database& database) {
  auto sql = database.lease();
  long long version = 0;
  soci::indicator indicator = soci::i_null;
  *sql << "SELECT version FROM catalog_versions WHERE id = 1", soci::into(version, indicator);
  if (sql->got_data() && indicator == soci::i_ok) return version;
  // No row. SQLite: nothing was written since migration 0080 (its triggers create the row), a version of its own.
  // MariaDB/PostgreSQL: migration 0161 (which seeds it) was rolled back, so nothing bumps a version: cache nothing.
  if (database.dialect() == db::Dialect::kSqlite) return 0;
  return std::nullopt;
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
