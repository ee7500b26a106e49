// Connection pool set-up per dialect, and the write-transaction guard.
#include "db/database.hpp"

#include <soci/mysql/soci-mysql.h>
#include <soci/postgresql/soci-postgresql.h>
#include <soci/sqlite3/soci-sqlite3.h>

#include <algorithm>
#include <cstdlib>
#include <filesystem>
#include <stdexcept>
#include <string_view>
#include <thread>

#include "core/config.hpp"
#include "core/log.hpp"
#include "db/after_commit.hpp"
#include "db/errors.hpp"
#include "db/pool_waits.hpp"
#include "db/statement_cache.hpp"

namespace db {

namespace {
// SOCI's connect-string values may be single-quoted but cannot contain a quote themselves,
// so values with a single quote are rejected with a clear message instead of connecting with a mangled value.
std::string quoted(const std::string& key, const std::string& value) {
  if (value.find('\'') != std::string::npos)
    throw core::ConfigError(key, "must not contain a single quote (') character");
  return "'" + value + "'";
}
}  // namespace

const char* dialect_name(Dialect dialect) {
  switch (dialect) {
    case Dialect::kSqlite: return "sqlite";
    case Dialect::kMysql: return "mysql";
    case Dialect::kPostgres: return "pgsql";
  }
  return "sqlite";
}

std::string insert_ignore(Dialect dialect, const std::string& into) {
  switch (dialect) {
    case Dialect::kSqlite: return "INSERT OR IGNORE " + into;
    case Dialect::kMysql: return "INSERT IGNORE " + into;
    case Dialect::kPostgres: return "INSERT " + into + " ON CONFLICT DO NOTHING";
  }
  return "INSERT " + into;
}

bool table_exists(soci::session& sql, Dialect dialect, const std::string& table) {
  int found = 0;
  if (dialect == Dialect::kSqlite)
    sql << "SELECT COUNT(*) FROM sqlite_master WHERE type = 'table' AND name = :name", soci::use(table), soci::into(found);
  else if (dialect == Dialect::kPostgres)
    sql << "SELECT COUNT(*) FROM pg_tables WHERE schemaname = current_schema() AND tablename = :name", soci::use(table),
        soci::into(found);
  else
    sql << "SELECT COUNT(*) FROM information_schema.tables WHERE table_schema = DATABASE() AND table_name = :name",
        soci::use(table), soci::into(found);
  return found > 0;
}

DatabaseSettings settings_from_config(const core::Config& config, std::size_t default_pool_size) {
  DatabaseSettings settings;
  const std::string& driver = config.str("DB_CONNECTION");
  settings.dialect = driver == "sqlite" ? Dialect::kSqlite : driver == "pgsql" ? Dialect::kPostgres : Dialect::kMysql;
  settings.sqlite_path = config.resolve_path(config.str("DB_DATABASE")).string();
  settings.host = config.str("DB_HOST");
  settings.port = static_cast<int>(config.integer("DB_PORT"));
  if (settings.dialect == Dialect::kPostgres && settings.port == 3306) settings.port = 5432;  // DB_PORT left unset
  settings.database = config.str("DB_DATABASE");
  settings.username = config.str("DB_USERNAME");
  settings.password = config.str("DB_PASSWORD");
  auto configured = config.integer("DB_POOL_SIZE");
  settings.pool_size = configured > 0 ? static_cast<std::size_t>(configured) : default_pool_size;
  settings.busy_timeout_ms = static_cast<int>(config.integer("DB_BUSY_TIMEOUT_MS"));
  settings.create_if_missing = false;
  return settings;
}

Database::Database(DatabaseSettings settings) : settings_(std::move(settings)) {
  // SQLite's memory statistics take one process-wide mutex on every allocation, which the worker threads then
  // queue on; nothing reads them. Only possible before SQLite initialises (the first connection), else a no-op.
  static const int memstatus_off = sqlite_api::sqlite3_config(SQLITE_CONFIG_MEMSTATUS, 0);
  (void)memstatus_off;
  // A pooled connection is used by one thread at a time (the lease), so SQLite's own lock around every call on a
  // connection (serialized mode, the default) only costs: multi-thread mode drops it.
  static const int multithread = sqlite_api::sqlite3_config(SQLITE_CONFIG_MULTITHREAD);
  (void)multithread;
  if (settings_.pool_size == 0) settings_.pool_size = 1;
  const char* strict = std::getenv("NICO_STRICT_LEASES");
  strict_leases_ = strict && std::string_view(strict) == "1";
  if (settings_.dialect == Dialect::kSqlite && settings_.sqlite_path != ":memory:") {
    // A wrong DB_DATABASE or a missing volume must not become a new empty database that then serves 500s.
    if (!settings_.create_if_missing && !std::filesystem::exists(settings_.sqlite_path))
      throw std::runtime_error("The SQLite database file does not exist: " + settings_.sqlite_path +
                               " (check DB_DATABASE; `nico migrate` creates it)");
    // SOCI 4.0's SQLite backend takes a connect string without '=' as the file name itself (no quoting).
    if (settings_.sqlite_path.find('=') != std::string::npos)
      throw core::ConfigError("DB_DATABASE", "the SQLite path must not contain '='");
    auto parent = std::filesystem::path(settings_.sqlite_path).parent_path();
    if (!parent.empty()) std::filesystem::create_directories(parent);
  }
  pool_ = std::make_unique<soci::connection_pool>(settings_.pool_size);
  slots_.resize(settings_.pool_size);
  for (std::size_t i = 0; i < settings_.pool_size; ++i) open_connection(pool_->at(i), &slots_[i].lock_wait);
}

void Database::open_connection(soci::session& sql, LockWait* lock_wait) {
  if (settings_.dialect == Dialect::kSqlite) {
    sql.open(soci::sqlite3, settings_.sqlite_path);
    // busy_timeout first: even switching to WAL needs a lock another process (a checkpoint, a backup) may hold.
    sql << "PRAGMA busy_timeout=" + std::to_string(settings_.busy_timeout_ms);
    // WAL lets readers proceed while one writer commits; NORMAL sync is durable at checkpoint and is
    // SQLite's recommended pairing with WAL. Foreign keys are off by default in SQLite.
    sql << "PRAGMA journal_mode=WAL";
    sql << "PRAGMA synchronous=NORMAL";
    sql << "PRAGMA foreign_keys=ON";
    // After a checkpoint resets the WAL, the file is cut back to this size instead of keeping its peak.
    sql << "PRAGMA journal_size_limit=" + std::to_string(kWalSizeLimitBytes);
    if (settings_.max_lock_waiters > 0 && lock_wait) {
      lock_wait->database = this;
      auto* backend = static_cast<soci::sqlite3_session_backend*>(sql.get_backend());
      sqlite_api::sqlite3_busy_handler(backend->conn_, &Database::sqlite_busy_wait, lock_wait);  // replaces busy_timeout
    }
  } else if (settings_.dialect == Dialect::kPostgres) {
    // libpq keyword/value string; SOCI passes it through unchanged.
    std::string connect = "dbname=" + quoted("DB_DATABASE", settings_.database) + " host=" +
                          quoted("DB_HOST", settings_.host) + " port=" + std::to_string(settings_.port) +
                          " connect_timeout=" + std::to_string(settings_.connect_timeout_seconds) +
                          // A host that vanished without closing the socket is noticed in ~25 s, not TCP's ~15 min.
                          " keepalives=1 keepalives_idle=10 keepalives_interval=5 keepalives_count=3" +
                          " client_encoding=UTF8 application_name=nico";
    if (settings_.read_timeout_seconds > 0)
      connect += " tcp_user_timeout=" + std::to_string(settings_.read_timeout_seconds * 1000);
    if (!settings_.username.empty()) connect += " user=" + quoted("DB_USERNAME", settings_.username);
    if (!settings_.password.empty()) connect += " password=" + quoted("DB_PASSWORD", settings_.password);
    sql.open(soci::postgresql, connect);
    // Timestamps are stored as UTC wall-clock values (TIMESTAMP without time zone), as on the other engines.
    sql << "SET TIME ZONE 'UTC'";
    sql << "SET client_min_messages = WARNING";
    if (settings_.lock_wait_timeout_seconds > 0)
      sql << "SET lock_timeout = '" + std::to_string(settings_.lock_wait_timeout_seconds) + "s'";
  } else {
    std::string connect = "db=" + quoted("DB_DATABASE", settings_.database) + " host=" + quoted("DB_HOST", settings_.host) +
                          " port=" + std::to_string(settings_.port) + " charset=utf8mb4" +
                          " connect_timeout=" + std::to_string(settings_.connect_timeout_seconds);
    if (settings_.read_timeout_seconds > 0) connect += " read_timeout=" + std::to_string(settings_.read_timeout_seconds);
    if (!settings_.username.empty()) connect += " user=" + quoted("DB_USERNAME", settings_.username);
    if (!settings_.password.empty()) connect += " password=" + quoted("DB_PASSWORD", settings_.password);
    sql.open(soci::mysql, connect);
    // ANSI_QUOTES: "key" quotes an identifier as on SQLite and PostgreSQL, so shared SQL needs no backticks.
    sql << "SET NAMES utf8mb4 COLLATE utf8mb4_unicode_ci";
    sql << "SET time_zone = '+00:00'";
    sql << "SET SESSION sql_mode = 'ANSI_QUOTES,STRICT_TRANS_TABLES,NO_ZERO_IN_DATE,NO_ZERO_DATE,ERROR_FOR_DIVISION_BY_ZERO,NO_ENGINE_SUBSTITUTION'";
    if (settings_.lock_wait_timeout_seconds > 0)
      sql << "SET SESSION innodb_lock_wait_timeout = " + std::to_string(settings_.lock_wait_timeout_seconds);
  }
}

Database::~Database() {
  // Kept statements are finalized while their connections are still open (the pool closes them next).
  if (pool_)
    for (std::size_t i = 0; i < settings_.pool_size; ++i) forget_statements(pool_->at(i));
}

namespace {
// The databases whose connection this thread holds: a unit of work holds one (see lease()).
thread_local std::vector<const Database*> held_by_this_thread;

// A connection unused this long may have been closed by the server (MariaDB wait_timeout, a proxy's idle
// timeout): it is checked before use. Far below any server default, far above a busy pool's reuse interval.
constexpr auto kIdleCheckAfter = std::chrono::seconds(30);
constexpr int kNestedLeaseWaitMs = 5000;
}  // namespace

Lease Database::lease() {
  std::size_t position = 0;
  if (std::find(held_by_this_thread.begin(), held_by_this_thread.end(), this) != held_by_this_thread.end()) {
    // Two leases on one thread wait for each other once the pool is exhausted (every worker holding one).
    if (strict_leases_) throw std::logic_error("nested lease: this thread already holds a connection of this pool");
    core::log::error("nested database lease (a unit of work should hold one connection)");
    // Bounded, so a pool the nesting exhausted (a command's pool of one) fails instead of hanging for ever.
    if (!pool_->try_lease(position, kNestedLeaseWaitMs))
      throw Unavailable(Failure::kBusy, "nested database lease found no free connection");
  } else if (!pool_->try_lease(position, 0)) {  // every connection is leased: wait, and count it for /metrics
    const auto since = std::chrono::steady_clock::now();
    position = pool_->lease();
    note_pool_wait(std::chrono::steady_clock::now() - since);
  }
  Lease lease(*this, position);  // gives the connection back if the check below throws
  check_before_use(position);
  return lease;
}

// Reopens the pooled connection at `position` when it may have died. Only SQL on a live server gets past here.
void Database::check_before_use(std::size_t position) {
  if (settings_.dialect == Dialect::kSqlite) return;  // an embedded file does not go away under a connection
  Slot& slot = slots_[position];
  const long epoch = loss_epoch_.load(std::memory_order_relaxed);
  const auto now = std::chrono::steady_clock::now();
  const bool idle = slot.last_used != std::chrono::steady_clock::time_point{} && now - slot.last_used > kIdleCheckAfter;
  if (!slot.suspect && !idle && slot.checked_epoch >= epoch) return;
  soci::session& sql = pool_->at(position);
  bool alive = false;
  try {
    int one = 0;
    sql << "SELECT 1", soci::into(one);
    alive = true;
  } catch (const std::exception&) {
  }
  long checked = epoch;
  if (!alive) {
    core::log::warning("database connection lost, reconnecting", {{"connection", std::to_string(position)}});
    try {
      forget_statements(sql);  // before close: a statement finalized after its connection closed is a crash
      sql.close();
      open_connection(sql, &slot.lock_wait);
    } catch (const std::exception& e) {
      // Opened but not set up (no ANSI_QUOTES, no UTC…) must never pass the next SELECT 1: close it again.
      try {
        sql.close();
      } catch (...) {
      }
      slot.suspect = true;
      note_connection_lost();
      throw Unavailable(Failure::kConnectionLost, std::string("cannot reconnect to the database: ") + e.what());
    }
    // The others were very likely dropped too (restart, failover): have them checked as well.
    checked = loss_epoch_.fetch_add(1, std::memory_order_relaxed) + 1;
  }
  slot.suspect = false;
  // The epoch read before this check (or our own bump): a loss noted meanwhile by another thread still applies.
  slot.checked_epoch = checked;
}

// SQLite's busy handler for the web server's connections: waits with short sleeps for the write lock, up to
// busy_timeout_ms while fewer than max_lock_waiters connections are waiting, else kOverflowLockWaitMs. Returns 0 to
// give up (the statement fails with SQLITE_BUSY → db::Failure::kBusy → 503). Runs on the thread holding the lease.
int Database::sqlite_busy_wait(void* lock_wait, int attempts) {
  auto& wait = *static_cast<LockWait*>(lock_wait);
  Database& database = *wait.database;
  const auto now = std::chrono::steady_clock::now();
  if (attempts == 0) {  // a new wait (the budget is decided again for each one)
    wait.since = now;
    database.stop_counting(wait);
    // Admitted waiters (counted until this wait gives up or the lease ends) get the full budget; the rest a short one.
    if (database.lock_waiters_.fetch_add(1) < database.settings_.max_lock_waiters) {
      wait.counted = true;
      wait.budget_ms = database.settings_.busy_timeout_ms;
    } else {
      database.lock_waiters_.fetch_sub(1);
      wait.budget_ms = kOverflowLockWaitMs;
    }
  }
  const auto waited_ms = std::chrono::duration_cast<std::chrono::milliseconds>(now - wait.since).count();
  if (waited_ms >= wait.budget_ms) {
    database.stop_counting(wait);
    return 0;
  }
  static constexpr int kSleepsMs[] = {1, 2, 5, 10, 15, 20, 25, 25, 50};
  const int step = attempts < 9 ? kSleepsMs[attempts] : 50;
  std::this_thread::sleep_for(std::chrono::milliseconds(std::min<long long>(step, wait.budget_ms - waited_ms)));
  return 1;
}

void Database::stop_counting(LockWait& wait) {
  if (!wait.counted) return;
  wait.counted = false;
  lock_waiters_.fetch_sub(1);
}

void Database::give_back(std::size_t position, bool suspect) {
  Slot& slot = slots_[position];
  stop_counting(slot.lock_wait);  // a wait that got the lock is over once the unit of work is
  if (settings_.dialect == Dialect::kSqlite) {
    // A transaction left open (its ROLLBACK failed) would keep the write lock for as long as the process lives.
    auto* backend = static_cast<soci::sqlite3_session_backend*>(pool_->at(position).get_backend());
    if (backend && backend->conn_ && sqlite_api::sqlite3_get_autocommit(backend->conn_) == 0) {
      core::log::error("a connection came back inside a transaction; rolling it back");
      sqlite_api::sqlite3_exec(backend->conn_, "ROLLBACK", nullptr, nullptr, nullptr);
    }
  }
  if (suspect) slot.suspect = true;
  slot.last_used = std::chrono::steady_clock::now();
  pool_->give_back(position);
}

Lease::Lease(Database& database, std::size_t position)
    : database_(&database), position_(position), uncaught_at_start_(std::uncaught_exceptions()) {
  held_by_this_thread.push_back(database_);
}

Lease::Lease(Lease&& other) noexcept
    : database_(other.database_), position_(other.position_), uncaught_at_start_(other.uncaught_at_start_) {
  other.database_ = nullptr;
}

Lease::~Lease() {
  if (!database_) return;
  auto held = std::find(held_by_this_thread.begin(), held_by_this_thread.end(), database_);
  if (held != held_by_this_thread.end()) held_by_this_thread.erase(held);
  // Given back while an exception unwinds: whatever failed may have been the connection itself.
  database_->give_back(position_, std::uncaught_exceptions() > uncaught_at_start_);
}

soci::session& Lease::operator*() const { return database_->pool_->at(position_); }

std::int64_t Database::last_insert_id(soci::session& sql, const std::string& table) const {
  long long id = 0;
  if (settings_.dialect == Dialect::kSqlite) sql << "SELECT last_insert_rowid()", soci::into(id);
  else if (settings_.dialect == Dialect::kPostgres) sql << "SELECT lastval()", soci::into(id);  // same session
  else sql << "SELECT LAST_INSERT_ID()", soci::into(id);
  return id;
}

Transaction::Transaction(soci::session& sql, Dialect dialect) : sql_(sql) {
  sql_ << (dialect == Dialect::kSqlite ? "BEGIN IMMEDIATE" : "START TRANSACTION");
  detail::open_commit_frame(sql_);
}

Transaction::~Transaction() {
  if (!open_) return;
  detail::close_commit_frame(sql_, /*committed=*/false);
  try {
    sql_ << "ROLLBACK";
  } catch (const std::exception& e) {
    core::log::error("rollback failed", {{"error", e.what()}});
  }
}

void Transaction::commit() {
  sql_ << "COMMIT";
  open_ = false;
  // After the COMMIT, outside the transaction: the actions registered with db::after_commit (they never throw).
  detail::close_commit_frame(sql_, /*committed=*/true);
}

}  // namespace db
