// Maintenance mode (`nico down` / `nico up`): a flag file, storage/framework/down, that every server process
// and worker on this machine reads. While it exists every request gets the 503 page, except health probes and
// visitors carrying the bypass secret; the scheduler and queue workers pause.
//
// File format (key=value lines, written atomically):
//   | key        | meaning                                                  |
//   | created_at | unix seconds when `nico down` ran                        |
//   | retry      | seconds announced in Retry-After (0 = header omitted)    |
//   | secret     | bypass token ("" = none); /<secret> sets the bypass cookie |
//   | render     | view to show ("errors::503")                             |
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
};

std::filesystem::path maintenance_flag_path(const std::filesystem::path& base_path);
// The current state, or nullopt when the site is up. Cheap (one stat when up).
std::optional<MaintenanceState> read_maintenance(const std::filesystem::path& base_path);
// Writes the flag atomically (temp file + rename). Throws std::runtime_error on I/O failure.
void enter_maintenance(const std::filesystem::path& base_path, const MaintenanceState& state);
// Removes the flag; false when the site was not in maintenance.
bool leave_maintenance(const std::filesystem::path& base_path);

}  // namespace ops
