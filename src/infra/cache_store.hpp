// Where infra::Cache keeps its entries and locks (CACHE_STORE): the interface each store implements.
//
//   store     file                      entries / locks
//   database  database_cache_store.cpp  `cache` / `cache_locks` tables (default; `array` is accepted as an alias)
//   redis     redis_cache_store.cpp     GET / SET … EX (NX for add); locks SET NX PX + compare-and-delete script
//
// There is no in-process store for the cache: everything it holds is read by another process (heartbeats of
// queue:work and schedule:work read by ops:health-check, scheduler claims between schedule:run processes, alert
// de-duplication between serve and the workers). The caches that are per process by nature (pages, catalog,
// settings) are in memory already. Keys arrive with CACHE_PREFIX applied.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

namespace infra {

class CacheStore {
 public:
  virtual ~CacheStore() = default;
  virtual std::optional<std::string> get(const std::string& key) const = 0;
  // ttl_seconds <= 0: "forever".
  virtual void put(const std::string& key, std::string_view value, std::int64_t ttl_seconds) const = 0;
  // Stores only when absent or expired; true when this call stored it (atomic across processes).
  virtual bool add(const std::string& key, std::string_view value, std::int64_t ttl_seconds) const = 0;
  virtual void forget(const std::string& key) const = 0;
  // Deletes expired entries and locks; how many entries went (0 where the store expires them itself).
  virtual std::int64_t prune_expired() const = 0;
  // Named lock with an owner token and a TTL; acquiring a lock you own renews it.
  virtual bool acquire_lock(const std::string& name, std::string_view owner, std::int64_t ttl_seconds) const = 0;
  // Releases only when `owner` still holds it.
  virtual void release_lock(const std::string& name, std::string_view owner) const = 0;
  virtual std::string_view name() const = 0;
};

}  // namespace infra
