// Maintenance mode (`nico down` / `nico up`): a flag file, storage/framework/down, that every server process
// and worker on this machine reads, plus the same state in the database (table maintenance_mode, see
// maintenance_store.hpp) so that every node sharing the database follows. While the site is down every request
// gets the 503 page, except health probes and visitors carrying the bypass secret; the scheduler and queue
// workers pause.
//
// read_maintenance() is what every caller asks. Without a MaintenanceMonitor (maintenance_monitor.hpp) it is the
// file alone; in a process that started one (serve, queue:work, schedule:run) it combines the file with the
// database state the monitor last read (refreshed in the background about once per second, never per request):
// the file wins while it is newer than the database row, otherwise the row decides. So the node where `nico down`
// ran is down at once, the other nodes within about a second, and `nico up` on any node lifts it everywhere
// (a stale file left on another node is older than the row that `nico up` wrote).
//
// File format (key=value lines, written atomically):
//   | key        | meaning                                                  |
//   | created_at | unix seconds when `nico down` ran                        |
//   | retry      | seconds announced in Retry-After (0 = not given: 300)    |
//   | secret     | bypass token ("" = none); /<secret> sets the bypass cookie |
//   | render     | view to show ("errors::503")                             |
//   | written_ms | unix milliseconds of the write (compared with the database row; old files: created_at * 1000) |
#pragma once

#include <cstdint>
#include <filesystem>
#include <optional>
#include <string>

namespace ops {

struct MaintenanceState {
  std::int64_t created_at = 0;
  int retry_seconds = 0;
  std::string secret;
  std::string render = "errors::503";
  std::int64_t written_ms = 0;  // when `nico down` wrote this state (file and database row carry the same value)
};

std::filesystem::path maintenance_flag_path(const std::filesystem::path& base_path);
// The current state, or nullopt when the site is up. Cheap (one stat when up; no SQL except right after the
// file disappeared, see MaintenanceMonitor). Combines file and database as described above.
std::optional<MaintenanceState> read_maintenance(const std::filesystem::path& base_path);
// The flag file alone.
std::optional<MaintenanceState> read_maintenance_file(const std::filesystem::path& base_path);
// The flag file alone, at the path maintenance_flag_path gave (the server asks through ops::MaintenanceFlag).
std::optional<MaintenanceState> read_maintenance_file_at(const std::filesystem::path& flag_path);

// What the database says: `down` with its state, or up since `changed_ms` (0 = never changed).
struct DatabaseMaintenance {
  bool down = false;
  MaintenanceState state;   // meaningful when down
  std::int64_t changed_ms = 0;
};
// The rule above: the file while it is newer than the database row, else the row. `database` nullopt = unknown
// (no monitor, or never read successfully): the file alone.
std::optional<MaintenanceState> combine_maintenance(const std::optional<MaintenanceState>& file,
                                                    const std::optional<DatabaseMaintenance>& database);
// Writes the flag atomically (temp file + rename). Throws std::runtime_error on I/O failure.
void enter_maintenance(const std::filesystem::path& base_path, const MaintenanceState& state);
// Removes the flag; false when the site was not in maintenance.
bool leave_maintenance(const std::filesystem::path& base_path);

}  // namespace ops
