// The write probe and the forgotten-maintenance rule (see database_probe.hpp).
#include "ops/database_probe.hpp"

#include <sqlite3.h>
#include <sys/statvfs.h>

#include <filesystem>

#include "core/clock.hpp"
#include "db/database.hpp"
#include "db/errors.hpp"
#include "ops/maintenance.hpp"

namespace ops {

namespace {

constexpr const char* kProbeKey = "health:write-probe";
// Below this much free space a write may fail any moment (a WAL frame, a journal, a log line): not ready.
constexpr unsigned long long kMinimumFreeBytes = 1024ULL * 1024;

std::string problem_for(db::Failure failure) {
  switch (failure) {
    case db::Failure::kBusy: case db::Failure::kConflict: return "locked";
    case db::Failure::kFull: return "full";
    case db::Failure::kReadOnly: return "read-only";
    case db::Failure::kConnectionLost: return "unreachable";
    case db::Failure::kOther: break;
  }
  return "error";
}

WriteProbe probe_sqlite(const std::string& path, std::chrono::milliseconds budget) {
  if (!std::filesystem::exists(path)) return {false, "missing", "no database file at " + path};
  struct statvfs fs {};
  if (statvfs(std::filesystem::path(path).parent_path().c_str(), &fs) == 0 &&
      static_cast<unsigned long long>(fs.f_bavail) * fs.f_frsize < kMinimumFreeBytes)
    return {false, "full", "less than 1 MiB free next to " + path};

  sqlite3* raw = nullptr;
  if (sqlite3_open_v2(path.c_str(), &raw, SQLITE_OPEN_READWRITE, nullptr) != SQLITE_OK) {
    std::string detail = raw ? sqlite3_errmsg(raw) : "cannot open";
    sqlite3_close(raw);
    return {false, "unreachable", detail};
  }
  sqlite3_busy_timeout(raw, static_cast<int>(budget.count()));
  const std::string now = std::to_string(core::unix_now());
  // One upsert: two probes at once (a load balancer and a monitor) never collide on the key.
  const std::string statements = std::string("BEGIN IMMEDIATE; INSERT INTO cache (\"key\", value, expiration) VALUES ('") +
                                 kProbeKey + "', '" + now + "', " + now +
                                 " + 60) ON CONFLICT(\"key\") DO UPDATE SET value = excluded.value, "
                                 "expiration = excluded.expiration; COMMIT;";
  WriteProbe result{true, "", ""};
  if (sqlite3_exec(raw, statements.c_str(), nullptr, nullptr, nullptr) != SQLITE_OK) {
    int code = sqlite3_errcode(raw) & 0xff;
    result.ok = false;
    result.detail = sqlite3_errmsg(raw);
    result.problem = code == SQLITE_BUSY || code == SQLITE_LOCKED ? "locked"
                     : code == SQLITE_FULL                         ? "full"
                     : code == SQLITE_READONLY                     ? "read-only"
                                                                   : "error";
    sqlite3_exec(raw, "ROLLBACK", nullptr, nullptr, nullptr);
  }
  sqlite3_close(raw);
  return result;
}

WriteProbe probe_server(db::Database& database, std::chrono::milliseconds budget) {
  try {
    auto sql = database.lease();
    db::Transaction transaction(*sql, database.dialect());
    const std::string wait_ms = std::to_string(budget.count());
    const std::string wait_seconds = std::to_string(std::max<long long>(1, (budget.count() + 999) / 1000));
    // Bounded lock waits for these statements only (MariaDB: SET STATEMENT; PostgreSQL: SET LOCAL).
    std::string prefix;
    if (database.dialect() == db::Dialect::kPostgres) *sql << "SET LOCAL lock_timeout = " + wait_ms;
    else prefix = "SET STATEMENT innodb_lock_wait_timeout = " + wait_seconds + " FOR ";
    const std::string key = kProbeKey;
    const long long now = core::unix_now(), expires = now + 60;
    const std::string value = std::to_string(now);
    // One upsert: two probes at once (a load balancer and a monitor, or two nodes) never collide on the key.
    const std::string upsert =
        database.dialect() == db::Dialect::kPostgres
            ? "INSERT INTO cache (\"key\", value, expiration) VALUES (:k, :v, :e) ON CONFLICT (\"key\") DO UPDATE SET "
              "value = EXCLUDED.value, expiration = EXCLUDED.expiration"
            : "INSERT INTO cache (\"key\", value, expiration) VALUES (:k, :v, :e) ON DUPLICATE KEY UPDATE "
              "value = VALUES(value), expiration = VALUES(expiration)";
    *sql << prefix + upsert, soci::use(key), soci::use(value), soci::use(expires);
    transaction.commit();
    return {true, "", ""};
  } catch (const std::exception& e) {
    const db::Failure failure = db::classify(e);
    if (failure == db::Failure::kConnectionLost) database.note_connection_lost();
    return {false, problem_for(failure), e.what()};
  }
}

}  // namespace

WriteProbe probe_database_write(db::Database& database, std::chrono::milliseconds budget) {
  if (database.dialect() == db::Dialect::kSqlite) return probe_sqlite(database.settings().sqlite_path, budget);
  return probe_server(database, budget);
}

std::optional<std::int64_t> maintenance_overdue_minutes(const MaintenanceState& state, int warn_minutes,
                                                        std::int64_t now_unix) {
  if (warn_minutes <= 0) return std::nullopt;
  std::int64_t since = state.written_ms > 0 ? state.written_ms / 1000 : state.created_at;
  if (since <= 0) return std::nullopt;
  std::int64_t minutes = (now_unix - since) / 60;
  if (minutes <= warn_minutes) return std::nullopt;
  return minutes;
}

}  // namespace ops
