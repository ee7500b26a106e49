// Database cache and locks (see database_cache_store.hpp). "Add" and lock acquisition are one conditional
// statement each inside a write transaction: delete the expired row, then insert; a unique-key conflict means
// "taken". InnoDB may pick one of two transactions racing to create the same new key as a deadlock victim (the
// expired-row DELETE takes a gap lock the other's INSERT waits on): db::write reruns the victim.
#include "infra/database_cache_store.hpp"

#include <string_view>

#include "core/clock.hpp"
#include "db/database.hpp"
#include "db/unit_of_work.hpp"

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
}  // namespace

std::optional<std::string> DatabaseCacheStore::get(const std::string& key) const {
  std::string row_key = key, value;
  long long now = core::unix_now();
  bool found = db::read(database_, [&](soci::session& sql) {
    sql << "SELECT value FROM cache WHERE \"key\" = :k AND expiration > :now", soci::use(row_key), soci::use(now),
        soci::into(value);
    return sql.got_data();
  });
  if (!found) return std::nullopt;
  return value;
}

void DatabaseCacheStore::put(const std::string& key, std::string_view value, std::int64_t ttl_seconds) const {
  std::string row_key = key, text(value);
  long long expiration = expiry_for(ttl_seconds);
  db::write(database_, [&](db::Tx& tx) {
    if (tx.dialect() != db::Dialect::kMysql)  // SQLite and PostgreSQL share the ON CONFLICT upsert
      tx.sql() << "INSERT INTO cache (\"key\", value, expiration) VALUES (:k, :v, :e) "
                  "ON CONFLICT(\"key\") DO UPDATE SET value = excluded.value, expiration = excluded.expiration",
          soci::use(row_key), soci::use(text), soci::use(expiration);
    else
      tx.sql() << "INSERT INTO cache (\"key\", value, expiration) VALUES (:k, :v, :e) "
                  "ON DUPLICATE KEY UPDATE value = VALUES(value), expiration = VALUES(expiration)",
          soci::use(row_key), soci::use(text), soci::use(expiration);
  });
}

bool DatabaseCacheStore::add(const std::string& key, std::string_view value, std::int64_t ttl_seconds) const {
  std::string row_key = key, text(value);
  long long now = core::unix_now(), expiration = expiry_for(ttl_seconds);
  return db::write(database_, [&](db::Tx& tx) {
    tx.sql() << "DELETE FROM cache WHERE \"key\" = :k AND expiration <= :now", soci::use(row_key), soci::use(now);
    soci::statement insert = (tx.sql().prepare << insert_ignore(tx.dialect(), "cache"), soci::use(row_key),
                              soci::use(text), soci::use(expiration));
    insert.execute(true);
    return insert.get_affected_rows() == 1;
  });
}

void DatabaseCacheStore::forget(const std::string& key) const {
  std::string row_key = key;
  db::write(database_, [&](db::Tx& tx) { tx.sql() << "DELETE FROM cache WHERE \"key\" = :k", soci::use(row_key); });
}

std::int64_t DatabaseCacheStore::prune_expired() const {
  long long now = core::unix_now();
  return db::write(database_, [&](db::Tx& tx) -> std::int64_t {
    soci::statement cache_rows = (tx.sql().prepare << "DELETE FROM cache WHERE expiration <= :now", soci::use(now));
    cache_rows.execute(true);
    tx.sql() << "DELETE FROM cache_locks WHERE expiration <= :now", soci::use(now);
    return cache_rows.get_affected_rows();
  });
}

bool DatabaseCacheStore::acquire_lock(const std::string& name, std::string_view owner, std::int64_t ttl_seconds) const {
  std::string row_key = name, holder(owner);
  long long now = core::unix_now(), expiration = expiry_for(ttl_seconds);
  return db::write(database_, [&](db::Tx& tx) {
    soci::session* sql = &tx.sql();
    *sql << "DELETE FROM cache_locks WHERE \"key\" = :k AND expiration <= :now", soci::use(row_key), soci::use(now);
    soci::statement insert = (sql->prepare << insert_ignore(tx.dialect(), "cache_locks"), soci::use(row_key),
                              soci::use(holder), soci::use(expiration));
    insert.execute(true);
    bool acquired = insert.get_affected_rows() == 1;
    if (!acquired) {
      // Renewal by the same owner.
      soci::statement renew =
          (sql->prepare << "UPDATE cache_locks SET expiration = :e WHERE \"key\" = :k AND owner = :o",
           soci::use(expiration), soci::use(row_key), soci::use(holder));
      renew.execute(true);
      acquired = renew.get_affected_rows() == 1;
    }
    return acquired;
  });
}

void DatabaseCacheStore::release_lock(const std::string& name, std::string_view owner) const {
  std::string row_key = name, holder(owner);
  db::write(database_, [&](db::Tx& tx) {
    tx.sql() << "DELETE FROM cache_locks WHERE \"key\" = :k AND owner = :o", soci::use(row_key), soci::use(holder);
  });
}

}  // namespace infra
