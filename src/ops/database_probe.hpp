// Readiness probes shared by /health/ready and `nico ops:health-check`: can the database take a write right now,
// and has maintenance mode been left on too long? "SELECT 1 answers" is not readiness: a locked, full or
// read-only database answers reads while every order fails.
#pragma once

#include <chrono>
#include <cstdint>
#include <optional>
#include <string>

namespace db {
class Database;
}

namespace ops {

struct MaintenanceState;

struct WriteProbe {
  bool ok = false;
  std::string problem;  // when !ok: "missing", "locked", "full", "read-only", "unreachable" or "error"
  std::string detail;   // the driver's message, for the operator (never shown on public pages)
};

// Rewrites one row of the `cache` table (key "health:write-probe") in its own transaction, waiting at most
// `budget` for locks. SQLite uses a connection of its own (never one of the pool's, never creating the file) and
// also fails when the file system has less than 1 MiB free. Blocks: call from a worker thread.
WriteProbe probe_database_write(db::Database& database, std::chrono::milliseconds budget);

// Minutes maintenance mode has been on when that is more than `warn_minutes` (0 disables), else nullopt.
std::optional<std::int64_t> maintenance_overdue_minutes(const MaintenanceState& state, int warn_minutes,
                                                        std::int64_t now_unix);

}  // namespace ops
