// Fixed windows in Redis (see redis_limiter_store.hpp). Key: CACHE_PREFIX + "limiter:<sha1>", an integer with a
// millisecond TTL equal to the window.
#include "infra/redis_limiter_store.hpp"

#include <chrono>

#include "core/log.hpp"
#include "infra/store_unavailable.hpp"

namespace infra {

namespace {
// KEYS[1] = counter, ARGV[1] = window in ms. Returns {hits, ms left}. A counter without a TTL (first hit, or one
// left behind by a failed PEXPIRE) gets the window, so no key can live forever.
constexpr const char* kHitScript =
    "local n = redis.call('INCR', KEYS[1]) "
    "local ttl = redis.call('PTTL', KEYS[1]) "
    "if ttl < 0 then redis.call('PEXPIRE', KEYS[1], ARGV[1]) ttl = tonumber(ARGV[1]) end "
    "return {n, ttl}";
// KEYS[1] = counter. Returns {hits, ms left}; {0, 0} when there is no window.
constexpr const char* kPeekScript =
    "local v = redis.call('GET', KEYS[1]) "
    "if not v then return {0, 0} end "
    "return {tonumber(v), redis.call('PTTL', KEYS[1])}";

std::int64_t now_ms() {
  return std::chrono::duration_cast<std::chrono::milliseconds>(std::chrono::steady_clock::now().time_since_epoch())
      .count();
}

// {hits, ms left} from a script reply; throws StoreUnavailable on anything else (never a half-read answer).
std::pair<long long, long long> pair_of(const RedisReply& reply) {
  if (reply.kind != RedisReply::Kind::kArray || reply.elements.size() != 2 ||
      reply.elements[0].kind != RedisReply::Kind::kInteger || reply.elements[1].kind != RedisReply::Kind::kInteger)
    throw StoreUnavailable("Redis: unexpected reply from the limiter script");
  return {reply.elements[0].integer, reply.elements[1].integer};
}

int clamp_int(long long value) { return value > 1000000000LL ? 1000000000 : static_cast<int>(value); }
}  // namespace

RedisLimiterStore::RedisLimiterStore(RedisEndpoint endpoint, std::string prefix)
    : client_(std::move(endpoint)), prefix_(std::move(prefix)) {}

RateLimitHit RedisLimiterStore::hit(const std::string& key, int max_attempts, int decay_seconds) {
  try {
    auto [hits, ms_left] = pair_of(
        client_.command({"EVAL", kHitScript, "1", prefix_ + key, std::to_string(decay_seconds * 1000LL)}));
    return judge_hit(clamp_int(hits), max_attempts, (ms_left + 999) / 1000);
  } catch (const StoreUnavailable& e) {
    report_outage(e);
    return fallback_.hit(key, max_attempts, decay_seconds);
  }
}

RateLimitHit RedisLimiterStore::peek(const std::string& key, int max_attempts) {
  try {
    auto [hits, ms_left] = pair_of(client_.command({"EVAL", kPeekScript, "1", prefix_ + key}));
    if (hits == 0 || ms_left <= 0) return judge_peek(0, max_attempts, 0);
    return judge_peek(clamp_int(hits), max_attempts, (ms_left + 999) / 1000);
  } catch (const StoreUnavailable& e) {
    report_outage(e);
    return fallback_.peek(key, max_attempts);
  }
}

void RedisLimiterStore::clear(const std::string& key) {
  fallback_.clear(key);
  try {
    client_.command({"DEL", prefix_ + key});
  } catch (const StoreUnavailable& e) {
    report_outage(e);
  }
}

void RedisLimiterStore::report_outage(const std::exception& error) {
  // One line per 10 s per process: an outage under load would otherwise write one per request.
  std::int64_t now = now_ms(), last = last_report_ms_.load();
  if (last != 0 && now - last < 10000) return;
  if (!last_report_ms_.compare_exchange_strong(last, now)) return;
  core::log::error("Redis unavailable: rate limits are counted in this process until it answers",
                   {{"error", error.what()}, {"store", "redis"}});
}

}  // namespace infra
