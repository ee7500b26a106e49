// The rate limiter's front (see rate_limiter.hpp): turns (limiter, key) into the store key and hands the hit to
// the configured store. Key: "limiter:<sha1(limiter|key)>", so raw e-mails and addresses are never stored outside
// this process; the in-process store gets short keys as "limiter:limiter|key" (store_key below).
#include "infra/rate_limiter.hpp"

#include <algorithm>

#include "core/crypto.hpp"
#include "infra/database_limiter_store.hpp"
#include "infra/limiter_rejections.hpp"

namespace infra {

namespace {
// Longest limiter + key kept as plain text: an IPv6 address with any limiter name fits; a long e-mail is digested.
constexpr std::size_t kPlainKeyMax = 96;
}  // namespace

// A store shared by nodes gets a digest: no address or e-mail lands in a table or in Redis, and every key has one
// length. In this process the plain text harms nobody and saves the digest on every hit (~2 % of a repair lookup's
// CPU); a long key is still digested, so a flood of long e-mails cannot grow the map's memory. The two kinds never
// meet: a plain key has a "|", a digest never.
std::string RateLimiter::store_key(std::string_view limiter, std::string_view key) const {
  std::string plain = std::string(limiter) + "|" + std::string(key);
  if (store_->in_process() && plain.size() <= kPlainKeyMax) return "limiter:" + plain;
  return "limiter:" + core::sha1_hex(plain);
}

RateLimitHit judge_hit(int attempts, int max_attempts, long long seconds_left) {
  RateLimitHit result;
  result.attempts = attempts;
  result.allowed = attempts <= max_attempts;
  result.remaining = std::max(0, max_attempts - attempts);
  if (!result.allowed) result.retry_after_seconds = static_cast<int>(std::max<long long>(1, seconds_left));
  return result;
}

RateLimitHit judge_peek(int attempts, int max_attempts, long long seconds_left) {
  RateLimitHit result;
  result.attempts = attempts;
  result.allowed = attempts < max_attempts;
  result.remaining = std::max(0, max_attempts - attempts);
  if (!result.allowed) result.retry_after_seconds = static_cast<int>(std::max<long long>(1, seconds_left));
  return result;
}

RateLimiter::RateLimiter(db::Database& database) : store_(std::make_unique<DatabaseLimiterStore>(database)) {}
RateLimiter::RateLimiter(std::unique_ptr<LimiterStore> store) : store_(std::move(store)) {}
RateLimiter::~RateLimiter() = default;

RateLimitHit RateLimiter::hit(std::string_view limiter, std::string_view key, int max_attempts, int decay_seconds) {
  RateLimitHit result = store_->hit(store_key(limiter, key), max_attempts, decay_seconds);
  if (!result.allowed) note_limiter_rejection(limiter);  // counted here, whatever the store (/metrics)
  return result;
}

RateLimitHit RateLimiter::peek(std::string_view limiter, std::string_view key, int max_attempts) {
  return store_->peek(store_key(limiter, key), max_attempts);
}

void RateLimiter::clear(std::string_view limiter, std::string_view key) { store_->clear(store_key(limiter, key)); }

}  // namespace infra
