// Which store each shared concern uses, read from the configuration in one place (docs/ARCHITECTURE.md, "Stores"):
//
//   RATE_LIMIT_STORE  auto (default) | memory | database | redis
//                     auto = memory with DB_CONNECTION=sqlite (one `nico serve` on one machine), database on
//                     MariaDB/PostgreSQL (several nodes may share them)
//   CACHE_STORE       database (default; `array` is an alias kept from the reference) | redis
//                     cache entries, heartbeats, alert de-duplication and the scheduler's locks
//   REDIS_URL         redis://[[user]:password@]host[:port][/db] or unix:///path.sock[?db=N&password=X]
//   REDIS_TIMEOUT_MS  bound on every connect and command (250)
#pragma once

#include <memory>
#include <optional>
#include <string>

#include "infra/cache.hpp"
#include "infra/rate_limiter.hpp"
#include "infra/redis_client.hpp"

namespace core {
class Config;
}

namespace infra {

// "memory", "database" or "redis" (RATE_LIMIT_STORE with `auto` resolved).
std::string rate_limit_store(const core::Config& config);
// "database" or "redis" (CACHE_STORE, `array` read as database).
std::string cache_store(const core::Config& config);
// Whether any store is on Redis (then the health check has a Redis row).
bool uses_redis(const core::Config& config);
// REDIS_URL parsed, with REDIS_TIMEOUT_MS. Throws std::runtime_error naming REDIS_URL when it does not parse.
RedisEndpoint redis_endpoint(const core::Config& config);

// The limiter of this process (build one per process: the memory store lives in it). Throws like redis_endpoint.
std::unique_ptr<RateLimiter> make_rate_limiter(const core::Config& config, db::Database& database);
// A cache on the configured store, with CACHE_PREFIX (cheap: Redis connections are per thread, not per cache).
Cache make_cache(const core::Config& config, db::Database& database);

}  // namespace infra
