// Database access: a SOCI connection pool configured for one dialect. Every SQL statement runs on a worker
// thread (never an IO thread) through a Lease borrowed from the pool for the duration of one unit of work.
#pragma once

#include <soci/soci.h>

#include <atomic>
#include <chrono>
#include <cstdint>
#include <memory>
#include <string>
#include <vector>

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

// SQLite: after a checkpoint resets the write-ahead log, its file is truncated to at most this size.
constexpr long long kWalSizeLimitBytes = 16LL * 1024 * 1024;

struct DatabaseSettings {
  Dialect dialect = Dialect::kSqlite;
  std::string sqlite_path;       // absolute path of the SQLite file
  std::string host, database, username, password;
  int port = 3306;  // pgsql: 5432 when DB_PORT is left at its (MySQL) default 3306
  std::size_t pool_size = 4;
  int busy_timeout_ms = 5000;    // SQLite: how long a writer waits for the lock before SQLITE_BUSY
  bool create_if_missing = true; // SQLite: false → a missing file is an error instead of a new empty database
  int connect_timeout_seconds = 5;  // MariaDB/PostgreSQL: a server that does not answer fails fast
  // SQLite, web server: how many pooled connections may wait busy_timeout_ms for the write lock at once; the rest
  // wait only kOverflowLockWaitMs. A lock held elsewhere then ties up at most this many workers and readers keep
  // theirs. 0 = no cap (commands: plain busy_timeout).
  int max_lock_waiters = 0;
  // MariaDB/PostgreSQL, web server: seconds a statement waits for a row lock, and a socket read for the server,
  // before it fails (busy → 503; silent host → lost). 0 = the server's defaults (commands: migrations and imports
  // may legitimately wait long).
  int lock_wait_timeout_seconds = 0;
  int read_timeout_seconds = 0;
};

// SQLite: how long a connection past max_lock_waiters waits for the write lock (enough for our own short
// transactions to take turns, far too short to be stuck behind a lock held elsewhere).
constexpr int kOverflowLockWaitMs = 150;

class Database;

// One pooled connection borrowed for one unit of work; given back when destroyed. A lease destroyed while an
// exception unwinds marks its connection suspect: the next lease checks it (SELECT 1) and reconnects if it died.
// Move-only; use as a pointer (`sql->got_data()`, `*sql << …`).
class Lease final {
 public:
  Lease(Database& database, std::size_t position);
  Lease(Lease&& other) noexcept;
  Lease& operator=(Lease&&) = delete;
  Lease(const Lease&) = delete;
  ~Lease();

  soci::session& operator*() const;
  soci::session* operator->() const { return &**this; }
  soci::session* get() const { return &**this; }

 private:
  Database* database_;
  std::size_t position_;
  int uncaught_at_start_;
};

// The settings for the configured database. A missing SQLite file is an error (create_if_missing = false): only
// `migrate` and friends, which build the schema, set it back to true.
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

  // A connection borrowed from the pool; returned when the lease is destroyed. Blocks while all are in use.
  // A connection that may have died (suspect after an exception, idle for a while, or any connection lost since it
  // was last checked) is checked and reopened first; throws db::Unavailable when the server cannot be reached.
  // With NICO_STRICT_LEASES=1 in the environment a second lease on the same thread throws std::logic_error (a
  // unit of work holds one connection; tests set it), otherwise it is logged.
  Lease lease();

  // Every pooled connection is checked before its next use (called when one was found lost: a server restart or
  // failover takes all of them).
  void note_connection_lost() { loss_epoch_.fetch_add(1, std::memory_order_relaxed); }

  // Last auto-increment id generated on `sql` (the same connection that ran the INSERT).
  std::int64_t last_insert_id(soci::session& sql, const std::string& table) const;

 private:
  friend class Lease;
  // Per pooled connection; touched only by the thread that holds its lease (the pool hands a slot to one thread).
  // SQLite: one connection's current wait for the write lock (see sqlite_busy_wait in database.cpp).
  struct LockWait {
    Database* database = nullptr;
    bool counted = false;  // counted in lock_waiters_ until the wait gives up or the lease ends
    std::chrono::steady_clock::time_point since{};
    int budget_ms = 0;
  };
  struct Slot {
    LockWait lock_wait;
    bool suspect = false;
    long checked_epoch = 0;
    std::chrono::steady_clock::time_point last_used{};
  };
  void open_connection(soci::session& sql, LockWait* lock_wait = nullptr);
  static int sqlite_busy_wait(void* lock_wait, int attempts);
  void stop_counting(LockWait& wait);
  void check_before_use(std::size_t position);
  void give_back(std::size_t position, bool suspect);

  DatabaseSettings settings_;
  std::unique_ptr<soci::connection_pool> pool_;
  std::vector<Slot> slots_;
  std::atomic<long> loss_epoch_{0};
  std::atomic<int> lock_waiters_{0};
  bool strict_leases_ = false;
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
