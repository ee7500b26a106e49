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
#include "db/unit_of_work.hpp"

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

  // One unit of work of its own: never called while the caller holds a connection.
  std::unique_lock<std::mutex> sqlite_lock;
  if (database_.dialect() == db::Dialect::kSqlite) sqlite_lock = std::unique_lock(sqlite_write_mutex_);
  db::write(database_, [&](db::Tx& tx) {
    if (tx.dialect() != db::Dialect::kMysql) {
      // SQLite and PostgreSQL: one upsert that returns the count (PostgreSQL locks the conflicting row for the
      // statement, so concurrent hits count).
      tx.sql() << std::string(kUpsertSqlite) + " RETURNING value, expiration", soci::use(row_key),
          soci::use(window_end), soci::use(now), soci::use(now), soci::use(window_end), soci::into(value),
          soci::into(expiration);
    } else {
      tx.sql() << kUpsertMysql, soci::use(row_key), soci::use(window_end), soci::use(now), soci::use(now),
          soci::use(window_end);
      tx.sql() << "SELECT value, expiration FROM cache WHERE \"key\" = :key", soci::use(row_key), soci::into(value),
          soci::into(expiration);
    }
  });

  RateLimitHit result;
  result.attempts = std::stoi(value);
  result.allowed = result.attempts <= max_attempts;
  result.remaining = std::max(0, max_attempts - result.attempts);
  if (!result.allowed) result.retry_after_seconds = static_cast<int>(std::max<long long>(1, expiration - now));
  return result;
}

RateLimitHit RateLimiter::peek(std::string_view limiter, std::string_view key, int max_attempts) {
  std::string row_key = cache_key(limiter, key);
  long long now = core::unix_now();
  std::string value;
  long long expiration = 0;
  bool found = db::read(database_, [&](soci::session& sql) {
    sql << "SELECT value, expiration FROM cache WHERE \"key\" = :key", soci::use(row_key), soci::into(value),
        soci::into(expiration);
    return sql.got_data();
  });
  RateLimitHit result;
  if (!found || expiration <= now) {
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
  db::write(database_, [&](db::Tx& tx) { tx.sql() << "DELETE FROM cache WHERE \"key\" = :key", soci::use(row_key); });
}

}  // namespace infra
