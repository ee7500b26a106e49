// The database half of maintenance mode: one row (id 1) of the table maintenance_mode, written by `nico down` /
// `nico up` on any node and read by every node's MaintenanceMonitor. Blocking (SQL); throws soci::soci_error.
//
//   | column        | meaning                                                            |
//   | is_down       | 1 while in maintenance                                             |
//   | retry_seconds | Retry-After of the 503 page                                        |
//   | secret        | bypass token ("" = none), the same on every node                   |
//   | render_view   | view to show ("errors::503")                                       |
//   | created_at    | unix seconds of `nico down`                                        |
//   | changed_ms    | unix milliseconds of the last `nico down` / `nico up` (compared with the flag file) |
#pragma once

#include <cstdint>
#include <optional>

#include "ops/maintenance.hpp"

namespace db {
class Database;
}

namespace ops {

// The row; a missing row reads as "up, never changed".
DatabaseMaintenance read_database_maintenance(db::Database& database);
// Replaces the row: `state` set = down with that state (changed_ms = state->written_ms), nullopt = up.
void write_database_maintenance(db::Database& database, const std::optional<MaintenanceState>& state,
                                std::int64_t changed_ms);

}  // namespace ops
