// Where the rate limiter counts (RATE_LIMIT_STORE): the interface each store implements, so infra::RateLimiter and
// its callers do not change with the store.
//
//   store     file                         shared by                         when
//   memory    memory_limiter_store.cpp     the threads of one process         one `nico serve` (SQLite default)
//   database  database_limiter_store.cpp   every node on the database         clusters without Redis
//   redis     redis_limiter_store.cpp      every node on the Redis            clusters (one round trip per hit)
//
// Every store keeps a fixed window per key: it starts at the first hit and lasts `decay_seconds`; the hit that
// exceeds `max_attempts` is refused with the seconds left in the window. Keys arrive prefixed, and hashed unless the
// store keeps them in this process (RateLimiter::store_key).
#pragma once

#include <string>
#include <string_view>

namespace infra {

struct RateLimitHit {
  bool allowed = true;
  int attempts = 0;              // hits counted in the current window, this one included
  int retry_after_seconds = 0;   // > 0 when refused
  int remaining = 0;             // hits left in the window
};

class LimiterStore {
 public:
  virtual ~LimiterStore() = default;
  // Counts one hit. Blocking for the database and Redis stores (worker threads only).
  virtual RateLimitHit hit(const std::string& key, int max_attempts, int decay_seconds) = 0;
  // Whether the next hit would be refused, without counting one.
  virtual RateLimitHit peek(const std::string& key, int max_attempts) = 0;
  virtual void clear(const std::string& key) = 0;
  // "memory", "database" or "redis" (logs, health check).
  virtual std::string_view name() const = 0;
  // Whether keys stay in this process, where no other program reads them (then they may arrive unhashed).
  virtual bool in_process() const { return false; }
};

// The answer for `attempts` hits in a window ending in `seconds_left` (shared by the stores).
RateLimitHit judge_hit(int attempts, int max_attempts, long long seconds_left);
RateLimitHit judge_peek(int attempts, int max_attempts, long long seconds_left);

}  // namespace infra
