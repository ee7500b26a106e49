// Database cache and locks (see cache.hpp). "Add" and lock acquisition are one conditional statement each
// inside a write transaction: delete the expired row, then insert; a unique-key conflict means "taken".
#include "infra/cache.hpp"

#include <chrono>
#include <string_view>
#include <thread>

#include "core/clock.hpp"
#include "db/database.hpp"

namespace infra {

namespace {
constexpr std::int64_t kForeverSeconds = 315360000;  // ten years, as Laravel's "forever"

std::int64_t expiry_for(std::int64_t ttl_seconds) {
  return core::unix_now() + (ttl_seconds > 0 ? ttl_seconds : kForeverSeconds);
}

const char* insert_ignore(db::Dialect dialect, const char* table) {
  if (dialect == db::Dialect::kPostgres)
    return std::string_view(table) == "cache"
               ? "INSERT INTO cache (\"key\", value, expiration) VALUES (:k, :v, :e) ON CONFLICT DO NOTHING"
               : "INSERT INTO cache_locks (\"key\", owner, expiration) VALUES (:k, :v, :e) ON CONFLICT DO NOTHING";
  if (dialect == db::Dialect::kSqlite)
    return std::string_view(table) == "cache"
               ? "INSERT OR IGNORE INTO cache (\"key\", value, expiration) VALUES (:k, :v, :e)"
               : "INSERT OR IGNORE INTO cache_locks (\"key\", owner, expiration) VALUES (:k, :v, :e)";
  return std::string_view(table) == "cache"
             ? "INSERT IGNORE INTO cache (\"key\", value, expiration) VALUES (:k, :v, :e)"
             : "INSERT IGNORE INTO cache_locks (\"key\", owner, expiration) VALUES (:k, :v, :e)";
}
// InnoDB may pick one of two transactions racing to create the same new key as a deadlock victim (error 1213:
// the expired-row DELETE takes a gap lock the other's INSERT waits on). The victim was rolled back whole, so
// running it again is correct; SQLite serialises writers and never gets here.
template <typename Body>
auto retry_on_deadlock(Body body) {
  for (int attempt = 1;; ++attempt) {
    try {
      return body();
    } catch (const soci::soci_error& e) {
      bool deadlock = std::string_view(e.what()).find("Deadlock") != std::string_view::npos ||
                      std::string_view(e.what()).find("1213") != std::string_view::npos;
      if (!deadlock || attempt == 5) throw;
      std::this_thread::sleep_for(std::chrono::milliseconds(5 * attempt));
    }
  }
}
}  // namespace

Cache::Cache(db::Database& database, std::string prefix) : database_(database), prefix_(std::move(prefix)) {}

std::optional<std::string> Cache::get(std::string_view key) const {
  std::string row_key = full_key(key), value;
  long long now = core::unix_now();
  auto sql = database_.lease();
  *sql << "SELECT value FROM cache WHERE \"key\" = :k AND expiration > :now", soci::use(row_key), soci::use(now),
      soci::into(value);
  if (!sql->got_data()) return std::nullopt;
  return value;
}

void Cache::put(std::string_view key, std::string_view value, std::int64_t ttl_seconds) const {
  std::string row_key = full_key(key), text(value);
  long long expiration = expiry_for(ttl_seconds);
  auto sql = database_.lease();
  if (database_.dialect() != db::Dialect::kMysql)  // SQLite and PostgreSQL share the ON CONFLICT upsert
    *sql << "INSERT INTO cache (\"key\", value, expiration) VALUES (:k, :v, :e) "
            "ON CONFLICT(\"key\") DO UPDATE SET value = excluded.value, expiration = excluded.expiration",
        soci::use(row_key), soci::use(text), soci::use(expiration);
  else
    *sql << "INSERT INTO cache (\"key\", value, expiration) VALUES (:k, :v, :e) "
            "ON DUPLICATE KEY UPDATE value = VALUES(value), expiration = VALUES(expiration)",
        soci::use(row_key), soci::use(text), soci::use(expiration);
}

bool Cache::add(std::string_view key, std::string_view value, std::int64_t ttl_seconds) const {
  return retry_on_deadlock([&] { return add_once(key, value, ttl_seconds); });
}

bool Cache::add_once(std::string_view key, std::string_view value, std::int64_t ttl_seconds) const {
  std::string row_key = full_key(key), text(value);
  long long now = core::unix_now(), expiration = expiry_for(ttl_seconds);
  auto sql = database_.lease();
  db::Transaction transaction(*sql, database_.dialect());
  *sql << "DELETE FROM cache WHERE \"key\" = :k AND expiration <= :now", soci::use(row_key), soci::use(now);
  soci::statement insert = (sql->prepare << insert_ignore(database_.dialect(), "cache"), soci::use(row_key),
                            soci::use(text), soci::use(expiration));
  insert.execute(true);
  bool stored = insert.get_affected_rows() == 1;
  transaction.commit();
  return stored;
}

void Cache::forget(std::string_view key) const {
  std::string row_key = full_key(key);
  auto sql = database_.lease();
  *sql << "DELETE FROM cache WHERE \"key\" = :k", soci::use(row_key);
}

std::int64_t Cache::prune_expired() const {
  long long now = core::unix_now();
  auto sql = database_.lease();
  soci::statement cache_rows = (sql->prepare << "DELETE FROM cache WHERE expiration <= :now", soci::use(now));
  cache_rows.execute(true);
  *sql << "DELETE FROM cache_locks WHERE expiration <= :now", soci::use(now);
  return cache_rows.get_affected_rows();
}

bool Cache::acquire_lock(std::string_view name, std::string_view owner, std::int64_t ttl_seconds) const {
  return retry_on_deadlock([&] { return acquire_lock_once(name, owner, ttl_seconds); });
}

bool Cache::acquire_lock_once(std::string_view name, std::string_view owner, std::int64_t ttl_seconds) const {
  std::string row_key = full_key(name), holder(owner);
  long long now = core::unix_now(), expiration = expiry_for(ttl_seconds);
  auto sql = database_.lease();
  db::Transaction transaction(*sql, database_.dialect());
  *sql << "DELETE FROM cache_locks WHERE \"key\" = :k AND expiration <= :now", soci::use(row_key), soci::use(now);
  soci::statement insert = (sql->prepare << insert_ignore(database_.dialect(), "cache_locks"), soci::use(row_key),
                            soci::use(holder), soci::use(expiration));
  insert.execute(true);
  bool acquired = insert.get_affected_rows() == 1;
  if (!acquired) {
    // Renewal by the same owner.
    soci::statement renew = (sql->prepare << "UPDATE cache_locks SET expiration = :e WHERE \"key\" = :k AND owner = :o",
                             soci::use(expiration), soci::use(row_key), soci::use(holder));
    renew.execute(true);
    acquired = renew.get_affected_rows() == 1;
  }
  transaction.commit();
  return acquired;
}

void Cache::release_lock(std::string_view name, std::string_view owner) const {
  std::string row_key = full_key(name), holder(owner);
  auto sql = database_.lease();
  *sql << "DELETE FROM cache_locks WHERE \"key\" = :k AND owner = :o", soci::use(row_key), soci::use(holder);
}

}  // namespace infra
