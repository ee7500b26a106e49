// The Redis limiter store (RATE_LIMIT_STORE=redis): one Lua script per hit (INCR, and PEXPIRE when the window
// is new), so every node on the same Redis counts the same hits in one round trip.
//
// Redis down: the hit is counted in this process instead (a MemoryLimiterStore kept for that), so limits still
// hold per node (up to N × the budget across N nodes) and no request waits for Redis longer than REDIS_TIMEOUT_MS;
// an error line is logged at most every 10 s while it lasts and the health check's Redis row says FAIL. Counting
// goes back to Redis as soon as it answers (windows counted locally meanwhile are not merged).
#pragma once

#include <atomic>
#include <cstdint>

#include "infra/limiter_store.hpp"
#include "infra/memory_limiter_store.hpp"
#include "infra/redis_client.hpp"

namespace infra {

class RedisLimiterStore final : public LimiterStore {
 public:
  // `prefix` (CACHE_PREFIX) is prepended to every key.
  RedisLimiterStore(RedisEndpoint endpoint, std::string prefix);

  RateLimitHit hit(const std::string& key, int max_attempts, int decay_seconds) override;
  RateLimitHit peek(const std::string& key, int max_attempts) override;
  void clear(const std::string& key) override;
  std::string_view name() const override { return "redis"; }

 private:
  void report_outage(const std::exception& error);
  RedisClient client_;
  std::string prefix_;
  MemoryLimiterStore fallback_;
  std::atomic<std::int64_t> last_report_ms_{0};
};

}  // namespace infra
