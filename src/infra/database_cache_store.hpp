// The database cache store (CACHE_STORE=database): entries in the `cache` table with an absolute expiry (unix
// seconds), locks in `cache_locks`. Every operation is its own unit of work (db::read / db::write): never call one
// while this thread holds a connection. Blocking (SQL). Thread-safe.
#pragma once

#include "infra/cache_store.hpp"

namespace db {
class Database;
}

namespace infra {

class DatabaseCacheStore final : public CacheStore {
 public:
  explicit DatabaseCacheStore(db::Database& database) : database_(database) {}

  std::optional<std::string> get(const std::string& key) const override;
  void put(const std::string& key, std::string_view value, std::int64_t ttl_seconds) const override;
  bool add(const std::string& key, std::string_view value, std::int64_t ttl_seconds) const override;
  void forget(const std::string& key) const override;
  std::int64_t prune_expired() const override;
  bool acquire_lock(const std::string& name, std::string_view owner, std::int64_t ttl_seconds) const override;
  void release_lock(const std::string& name, std::string_view owner) const override;
  std::string_view name() const override { return "database"; }

 private:
  db::Database& database_;
};

}  // namespace infra
