// The application cache: key/value entries with a time to live, and named locks with an owner and a TTL. Where
// they live is the store chosen by CACHE_STORE (cache_store.hpp; built by infra::make_cache in stores.hpp): the
// database (default) or Redis. Every app node using the same store sees the same entries, which is what makes
// alert de-duplication, scheduler locks and heartbeats work across processes.
//
// A store that cannot answer (infra::StoreUnavailable: Redis down) is not an error for cached data: get() is a
// miss, put() and forget() are dropped, release_lock() leaves the lock to its TTL (each logged). add() and
// acquire_lock() throw it: a claim must never be assumed. Database errors propagate as before.
// Blocking (SQL or Redis): worker threads and commands only. Thread-safe.
#pragma once

#include <cstdint>
#include <memory>
#include <optional>
#include <string>
#include <string_view>

#include "infra/cache_store.hpp"

namespace db {
class Database;
}

namespace infra {

class Cache final {
 public:
  // The database store; `prefix` (CACHE_PREFIX) is prepended to every key.
  Cache(db::Database& database, std::string prefix = {});
  Cache(std::shared_ptr<const CacheStore> store, std::string prefix);

  std::optional<std::string> get(std::string_view key) const;
  // Stores with a time to live in seconds (<= 0: ten years, i.e. "forever").
  void put(std::string_view key, std::string_view value, std::int64_t ttl_seconds) const;
  // Stores only when the key is absent or expired. True when this call stored it (atomic across processes).
  bool add(std::string_view key, std::string_view value, std::int64_t ttl_seconds) const;
  void forget(std::string_view key) const;
  // Deletes expired entries and locks; returns how many entries went.
  std::int64_t prune_expired() const;

  // Named lock with an owner token and a time to live (a crashed holder's lock expires by itself).
  // True when acquired. Acquiring a lock you already own (same owner) renews it.
  bool acquire_lock(std::string_view name, std::string_view owner, std::int64_t ttl_seconds) const;
  void release_lock(std::string_view name, std::string_view owner) const;

  std::string_view store_name() const { return store_->name(); }

 private:
  std::string full_key(std::string_view key) const { return prefix_ + std::string(key); }
  std::shared_ptr<const CacheStore> store_;
  std::string prefix_;
};

}  // namespace infra
