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

enum class Dialect { kSqlite, kMysql };

struct DatabaseSettings {
  Dialect dialect = Dialect::kSqlite;
  std::string sqlite_path;       // absolute path of the SQLite file
  std::string host, database, username, password;
  int port = 3306;
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
  const char* dialect_name() const { return settings_.dialect == Dialect::kSqlite ? "sqlite" : "mysql"; }
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
// upgrading read locks; MySQL/MariaDB uses START TRANSACTION. Rolls back in the destructor unless committed.
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
