// Store selection (see stores.hpp): the only place that reads RATE_LIMIT_STORE, CACHE_STORE and REDIS_URL.
#include "infra/stores.hpp"

#include <stdexcept>

#include "core/config.hpp"
#include "core/log.hpp"
#include "infra/database_cache_store.hpp"
#include "infra/database_limiter_store.hpp"
#include "infra/memory_limiter_store.hpp"
#include "infra/redis_cache_store.hpp"
#include "infra/redis_limiter_store.hpp"

namespace infra {

std::string rate_limit_store(const core::Config& config) {
  std::string store = config.str("RATE_LIMIT_STORE");
  if (store == "auto") return config.str("DB_CONNECTION") == "sqlite" ? "memory" : "database";
  return store;
}

std::string cache_store(const core::Config& config) {
  return config.str("CACHE_STORE") == "redis" ? "redis" : "database";
}

bool uses_redis(const core::Config& config) {
  return rate_limit_store(config) == "redis" || cache_store(config) == "redis";
}

RedisEndpoint redis_endpoint(const core::Config& config) {
  // Keys on Redis live in a database other programs (or another shop's install) may share: without a prefix this
  // app's limiter windows, locks and cached figures would mix with theirs, and cache:clear would delete their keys.
  if (config.str("CACHE_PREFIX").empty())
    throw std::runtime_error(
        "CACHE_PREFIX is empty, but a store is on Redis: set a prefix of this install's own (for example "
        "CACHE_PREFIX=nico_mitienda:) so its keys cannot mix with anything else in that Redis database");
  std::string error;
  auto endpoint = parse_redis_url(config.str("REDIS_URL"), &error);
  if (!endpoint) throw std::runtime_error("REDIS_URL: " + error);
  endpoint->timeout_ms = static_cast<int>(config.integer("REDIS_TIMEOUT_MS"));
  return *endpoint;
}

std::unique_ptr<RateLimiter> make_rate_limiter(const core::Config& config, db::Database& database) {
  std::string store = rate_limit_store(config);
  std::unique_ptr<LimiterStore> chosen;
  if (store == "memory") chosen = std::make_unique<MemoryLimiterStore>();
  else if (store == "redis")
    chosen = std::make_unique<RedisLimiterStore>(redis_endpoint(config), config.str("CACHE_PREFIX"));
  else chosen = std::make_unique<DatabaseLimiterStore>(database);
  core::log::info("Rate limiter store", {{"store", store}});
  return std::make_unique<RateLimiter>(std::move(chosen));
}

Cache make_cache(const core::Config& config, db::Database& database) {
  if (cache_store(config) == "redis")
    return Cache(std::make_shared<RedisCacheStore>(redis_endpoint(config)), config.str("CACHE_PREFIX"));
  return Cache(database, config.str("CACHE_PREFIX"));
}

}  // namespace infra
