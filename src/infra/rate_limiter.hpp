// Fixed-window rate limiter. Where it counts is the store chosen by RATE_LIMIT_STORE (limiter_store.hpp; built by
// infra::make_rate_limiter in stores.hpp): in this process, in the database `cache` table, or in Redis. A window
// starts at the first hit and lasts `decay_seconds`; the hit that exceeds `max_attempts` is refused with the
// seconds left in the window. Thread-safe; blocking for the database and Redis stores: worker threads only.
#pragma once

#include <memory>
#include <string_view>

#include "infra/limiter_store.hpp"

namespace db {
class Database;
}

namespace infra {

class RateLimiter final {
 public:
  // The database store (what the unit tests and single-purpose commands use).
  explicit RateLimiter(db::Database& database);
  explicit RateLimiter(std::unique_ptr<LimiterStore> store);
  ~RateLimiter();

  // Counts one hit for (limiter, key) and says whether it is within `max_attempts` per window.
  RateLimitHit hit(std::string_view limiter, std::string_view key, int max_attempts, int decay_seconds = 60);
  // Whether the next hit would be refused, without counting one (and the seconds to wait when so).
  RateLimitHit peek(std::string_view limiter, std::string_view key, int max_attempts);
  void clear(std::string_view limiter, std::string_view key);

  std::string_view store_name() const { return store_->name(); }

 private:
  std::string store_key(std::string_view limiter, std::string_view key) const;

  std::unique_ptr<LimiterStore> store_;
};

}  // namespace infra
