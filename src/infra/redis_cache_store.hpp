// The Redis cache store (CACHE_STORE=redis): entries are plain strings with EX, locks are keys "lock:<prefixed name>"
// holding the owner token with PX. Failures throw infra::StoreUnavailable (infra::Cache decides what that means).
// Blocking (socket). Thread-safe (each thread has its own connection, see redis_client.hpp).
#pragma once

#include <vector>

#include "infra/cache_store.hpp"
#include "infra/redis_client.hpp"

namespace infra {

class RedisCacheStore final : public CacheStore {
 public:
  explicit RedisCacheStore(RedisEndpoint endpoint) : client_(std::move(endpoint)) {}

  std::optional<std::string> get(const std::string& key) const override;
  void put(const std::string& key, std::string_view value, std::int64_t ttl_seconds) const override;
  bool add(const std::string& key, std::string_view value, std::int64_t ttl_seconds) const override;
  void forget(const std::string& key) const override;
  std::int64_t prune_expired() const override { return 0; }  // Redis expires keys itself
  bool acquire_lock(const std::string& name, std::string_view owner, std::int64_t ttl_seconds) const override;
  void release_lock(const std::string& name, std::string_view owner) const override;
  std::string_view name() const override { return "redis"; }

  // `cache:clear`: deletes every key starting with `prefix` (entries and limiter counters) except the keys in
  // `keep` and the locks; returns how many went. SCAN in batches, so Redis is never blocked by one big command.
  std::int64_t clear_prefixed(const std::string& prefix, const std::vector<std::string>& keep) const;

 private:
  RedisClient client_;
};

}  // namespace infra
