// Database-backed fixed-window counters (see rate_limiter.hpp). One row per (limiter, key) in `cache`:
// key "limiter:<sha1(limiter|key)>", value = hit count, expiration = unix second the window ends.
// SQLite and PostgreSQL: one upsert statement that returns the counted row (RETURNING): atomic on its own, so no BEGIN IMMEDIATE
// round trips. MySQL/MariaDB: the upsert and the read run in one write transaction. Either way concurrent hits
// on any node sharing the database are all counted.
#include "infra/rate_limiter.hpp"

#include <algorithm>

#include "core/clock.hpp"
#include "core/crypto.hpp"
#include "db/database.hpp"
#include "db/errors.hpp"
#include "infra/limiter_rejections.hpp"

namespace infra {

namespace {
std::string cache_key(std::string_view limiter, std::string_view key) {
  return "limiter:" + core::sha1_hex(std::string(limiter) + "|" + std::string(key));
}

// SQLite and PostgreSQL (same ON CONFLICT syntax).
constexpr const char* kUpsertSqlite =
    "INSERT INTO cache (\"key\", value, expiration) VALUES (:key, '1', :window_end) "
    "ON CONFLICT(\"key\") DO UPDATE SET "
    "value = CASE WHEN cache.expiration <= :now1 THEN '1' ELSE CAST(CAST(cache.value AS INTEGER) + 1 AS TEXT) END, "
    "expiration = CASE WHEN cache.expiration <= :now2 THEN :window_end2 ELSE cache.expiration END";

// MySQL evaluates ON DUPLICATE KEY assignments left to right, so `value` is computed from the old expiration
// before `expiration` itself is updated.
constexpr const char* kUpsertMysql =
    "INSERT INTO cache (\"key\", value, expiration) VALUES (:key, '1', :window_end) "
    "ON DUPLICATE KEY UPDATE "
    "value = IF(expiration <= :now1, '1', CAST(CAST(value AS UNSIGNED) + 1 AS CHAR)), "
    "expiration = IF(expiration <= :now2, :window_end2, expiration)";
}  // namespace

RateLimitHit RateLimiter::hit(std::string_view limiter, std::string_view key, int max_attempts, int decay_seconds) {
  std::string row_key = cache_key(limiter, key);
  long long now = core::unix_now();
  long long window_end = now + decay_seconds;
  std::string value;
  long long expiration = 0;

  auto sql = database_.lease();
  // A window already spent is answered from its row without writing: the answer would be "refused" anyway, and a
  // flood of refused requests then costs reads, not an ever-growing write-ahead log.
  {
    std::string spent_value;
    long long spent_until = 0;
    *sql << "SELECT value, expiration FROM cache WHERE \"key\" = :key", soci::use(row_key), soci::into(spent_value),
        soci::into(spent_until);
    if (sql->got_data() && spent_until > now && std::stoi(spent_value) > max_attempts) {
      RateLimitHit refused;
      refused.attempts = std::stoi(spent_value);
      refused.allowed = false;
      refused.remaining = 0;
      refused.retry_after_seconds = static_cast<int>(std::max<long long>(1, spent_until - now));
      note_limiter_rejection(limiter);
      return refused;
    }
  }
  if (database_.dialect() == db::Dialect::kSqlite) {
    std::unique_lock lock(sqlite_write_mutex_, std::chrono::milliseconds(db::kOverflowLockWaitMs));
    if (!lock.owns_lock())
      throw db::Unavailable(db::Failure::kBusy, "rate limiter: another hit has been waiting for the write lock");
    *sql << std::string(kUpsertSqlite) + " RETURNING value, expiration", soci::use(row_key), soci::use(window_end),
        soci::use(now), soci::use(now), soci::use(window_end), soci::into(value), soci::into(expiration);
  } else if (database_.dialect() == db::Dialect::kPostgres) {
    // The same single upsert: PostgreSQL locks the conflicting row for the statement, so concurrent hits count.
    *sql << std::string(kUpsertSqlite) + " RETURNING value, expiration", soci::use(row_key), soci::use(window_end),
        soci::use(now), soci::use(now), soci::use(window_end), soci::into(value), soci::into(expiration);
  } else {
    db::Transaction transaction(*sql, database_.dialect());
    *sql << kUpsertMysql, soci::use(row_key), soci::use(window_end), soci::use(now), soci::use(now),
        soci::use(window_end);
    *sql << "SELECT value, expiration FROM cache WHERE \"key\" = :key", soci::use(row_key), soci::into(value),
        soci::into(expiration);
    transaction.commit();
  }

  RateLimitHit result;
  result.attempts = std::stoi(value);
  result.allowed = result.attempts <= max_attempts;
  result.remaining = std::max(0, max_attempts - result.attempts);
  if (!result.allowed) {
    result.retry_after_seconds = static_cast<int>(std::max<long long>(1, expiration - now));
    note_limiter_rejection(limiter);
  }
  return result;
}

RateLimitHit RateLimiter::peek(std::string_view limiter, std::string_view key, int max_attempts) {
  std::string row_key = cache_key(limiter, key);
  long long now = core::unix_now();
  std::string value;
  long long expiration = 0;
  auto sql = database_.lease();
  *sql << "SELECT value, expiration FROM cache WHERE \"key\" = :key", soci::use(row_key), soci::into(value),
      soci::into(expiration);
  RateLimitHit result;
  if (!sql->got_data() || expiration <= now) {
    result.remaining = max_attempts;
    return result;
  }
  result.attempts = std::stoi(value);
  result.allowed = result.attempts < max_attempts;
  result.remaining = std::max(0, max_attempts - result.attempts);
  if (!result.allowed) result.retry_after_seconds = static_cast<int>(std::max<long long>(1, expiration - now));
  return result;
}

void RateLimiter::clear(std::string_view limiter, std::string_view key) {
  std::string row_key = cache_key(limiter, key);
  auto sql = database_.lease();
  *sql << "DELETE FROM cache WHERE \"key\" = :key", soci::use(row_key);
}

}  // namespace infra
