// The database cache store (CACHE_STORE=database): key/value rows with an absolute expiry in the `cache`
// table, and named locks in `cache_locks`. Every app node sharing the database sees the same entries, which is
// what makes alert de-duplication, scheduler locks and heartbeats work across processes.
// Blocking (SQL): worker threads and commands only. Thread-safe (each call leases its own connection).
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

namespace db {
class Database;
}

namespace infra {

class Cache final {
 public:
  // `prefix` (CACHE_PREFIX) is prepended to every key.
  Cache(db::Database& database, std::string prefix = {});

  std::optional<std::string> get(std::string_view key) const;
  // Stores with a time to live in seconds (<= 0: ten years, i.e. "forever").
  void put(std::string_view key, std::string_view value, std::int64_t ttl_seconds) const;
  // Stores only when the key is absent or expired. True when this call stored it (atomic across processes).
  bool add(std::string_view key, std::string_view value, std::int64_t ttl_seconds) const;
  void forget(std::string_view key) const;
  // Deletes expired rows of both tables; returns how many cache rows went.
  std::int64_t prune_expired() const;

  // Named lock with an owner token and a time to live (a crashed holder's lock expires by itself).
  // True when acquired. Acquiring a lock you already own (same owner) renews it.
  bool acquire_lock(std::string_view name, std::string_view owner, std::int64_t ttl_seconds) const;
  void release_lock(std::string_view name, std::string_view owner) const;

 private:
  std::string full_key(std::string_view key) const { return prefix_ + std::string(key); }
  db::Database& database_;
  std::string prefix_;
};

}  // namespace infra
