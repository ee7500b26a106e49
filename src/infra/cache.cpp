// The cache's front (see cache.hpp): applies CACHE_PREFIX and turns a store outage into a miss for cached data.
#include "infra/cache.hpp"

#include "core/log.hpp"
#include "infra/database_cache_store.hpp"
#include "infra/store_unavailable.hpp"

namespace infra {

namespace {
void log_outage(std::string_view what, const std::string& key, const StoreUnavailable& error) {
  core::log::warning("Cache store unavailable", {{"operation", what}, {"key", key}, {"error", error.what()}});
}
}  // namespace

Cache::Cache(db::Database& database, std::string prefix)
    : store_(std::make_shared<DatabaseCacheStore>(database)), prefix_(std::move(prefix)) {}

Cache::Cache(std::shared_ptr<const CacheStore> store, std::string prefix)
    : store_(std::move(store)), prefix_(std::move(prefix)) {}

std::optional<std::string> Cache::get(std::string_view key) const {
  std::string full = full_key(key);
  try {
    return store_->get(full);
  } catch (const StoreUnavailable& e) {
    log_outage("get", full, e);  // a miss: the caller computes the value
    return std::nullopt;
  }
}

void Cache::put(std::string_view key, std::string_view value, std::int64_t ttl_seconds) const {
  std::string full = full_key(key);
  try {
    store_->put(full, value, ttl_seconds);
  } catch (const StoreUnavailable& e) {
    log_outage("put", full, e);
  }
}

bool Cache::add(std::string_view key, std::string_view value, std::int64_t ttl_seconds) const {
  return store_->add(full_key(key), value, ttl_seconds);
}

void Cache::forget(std::string_view key) const {
  std::string full = full_key(key);
  try {
    store_->forget(full);
  } catch (const StoreUnavailable& e) {
    log_outage("forget", full, e);
  }
}

std::int64_t Cache::prune_expired() const { return store_->prune_expired(); }

bool Cache::acquire_lock(std::string_view name, std::string_view owner, std::int64_t ttl_seconds) const {
  return store_->acquire_lock(full_key(name), owner, ttl_seconds);
}

void Cache::release_lock(std::string_view name, std::string_view owner) const {
  std::string full = full_key(name);
  try {
    store_->release_lock(full, owner);
  } catch (const StoreUnavailable& e) {
    log_outage("release_lock", full, e);  // its TTL frees it
  }
}

}  // namespace infra
