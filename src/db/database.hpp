// Database access: a SOCI connection pool configured for one dialect. Every SQL statement runs on a worker
// thread (never an IO thread) through a Lease borrowed from the pool for the duration of one unit of work.
#pragma once

#include <soci/soci.h>

#include <cstdint>
#include <memory>
#include <string>

namespace core {
class Config;
}

namespace db {

enum class Dialect { kSqlite, kMysql, kPostgres };

// "sqlite", "mysql" (MariaDB too) or "pgsql": the migrations folder and the name `nico` prints.
const char* dialect_name(Dialect dialect);

// Server engines (MariaDB/MySQL, PostgreSQL) lock the rows a transaction must keep stable with SELECT ... FOR
// UPDATE; SQLite needs no row locks (BEGIN IMMEDIATE already holds the database's write lock).
inline bool locks_rows(Dialect dialect) { return dialect != Dialect::kSqlite; }
inline const char* for_update(Dialect dialect) { return dialect == Dialect::kSqlite ? "" : " FOR UPDATE"; }

// An INSERT that silently skips a row whose unique key already exists. `into` is the rest of the statement after
// INSERT ("INTO t (a) VALUES (:a)"): INSERT OR IGNORE (SQLite), INSERT IGNORE (MySQL), ON CONFLICT DO NOTHING (PG).
std::string insert_ignore(Dialect dialect, const std::string& into);

// LIKE that ignores case as SQLite's LIKE (ASCII) and MariaDB's _ci collations do: ILIKE on PostgreSQL.
inline const char* like_ci(Dialect dialect) { return dialect == Dialect::kPostgres ? " ILIKE " : " LIKE "; }

// Whether `table` exists in the connected database (the current schema on PostgreSQL).
bool table_exists(soci::session& sql, Dialect dialect, const std::string& table);

struct DatabaseSettings {
  Dialect dialect = Dialect::kSqlite;
  std::string sqlite_path;       // absolute path of the SQLite file
  std::string host, database, username, password;
  int port = 3306;  // pgsql: 5432 when DB_PORT is left at its (MySQL) default 3306
  std::size_t pool_size = 4;
  int busy_timeout_ms = 5000;    // SQLite: how long a writer waits for the lock before SQLITE_BUSY
  bool create_if_missing = true; // SQLite: false → a missing file is an error instead of a new empty database
};

DatabaseSettings settings_from_config(const core::Config& config, std::size_t default_pool_size);

class Database final {
 public:
  // Opens `pool_size` connections. Throws soci::soci_error (with the driver's message) on failure.
  explicit Database(DatabaseSettings settings);
  ~Database();
  Database(const Database&) = delete;
  Database& operator=(const Database&) = delete;

  Dialect dialect() const { return settings_.dialect; }
  const char* dialect_name() const { return db::dialect_name(settings_.dialect); }
  const DatabaseSettings& settings() const { return settings_; }

  // A connection borrowed from the pool; returned when the session is destroyed. Blocks while all are in use.
  std::unique_ptr<soci::session> lease();

  // Last auto-increment id generated on `sql` (the same connection that ran the INSERT).
  std::int64_t last_insert_id(soci::session& sql, const std::string& table) const;

 private:
  DatabaseSettings settings_;
  std::unique_ptr<soci::connection_pool> pool_;
};

// A write transaction. SQLite takes the write lock up front (BEGIN IMMEDIATE) so two writers never deadlock
// upgrading read locks; MySQL/MariaDB and PostgreSQL use START TRANSACTION (READ COMMITTED on PostgreSQL, the
// default: rows that must not change underneath are locked with SELECT ... FOR UPDATE, as on MariaDB). Rolls back in the destructor unless committed.
class Transaction final {
 public:
  Transaction(soci::session& sql, Dialect dialect);
  ~Transaction();
  Transaction(const Transaction&) = delete;
  Transaction& operator=(const Transaction&) = delete;
  void commit();

 private:
  soci::session& sql_;
  bool open_ = true;
};

}  // namespace db
