// Maintenance flag file (see maintenance.hpp).
#include "ops/maintenance.hpp"

#include <fstream>
#include <sstream>
#include <stdexcept>

#include "core/url.hpp"
#include "ops/maintenance_monitor.hpp"

namespace ops {

std::filesystem::path maintenance_flag_path(const std::filesystem::path& base_path) {
  return base_path / "storage" / "framework" / "down";
}

std::optional<MaintenanceState> read_maintenance(const std::filesystem::path& base_path) {
  auto file = read_maintenance_file(base_path);
  if (auto* monitor = MaintenanceMonitor::installed()) return monitor->current(file);
  return file;
}

std::optional<MaintenanceState> combine_maintenance(const std::optional<MaintenanceState>& file,
                                                    const std::optional<DatabaseMaintenance>& database) {
  if (!database) return file;
  if (file && file->written_ms > database->changed_ms) return file;
  if (database->down) return database->state;
  return std::nullopt;
}

std::optional<MaintenanceState> read_maintenance_file(const std::filesystem::path& base_path) {
  return read_maintenance_file_at(maintenance_flag_path(base_path));
}

std::optional<MaintenanceState> read_maintenance_file_at(const std::filesystem::path& path) {
  std::error_code ec;
  if (!std::filesystem::exists(path, ec)) return std::nullopt;
  std::ifstream in(path);
  std::stringstream text;
  text << in.rdbuf();
  MaintenanceState state;
  std::string line;
  while (std::getline(text, line)) {
    auto eq = line.find('=');
    if (eq == std::string::npos) continue;
    std::string key = line.substr(0, eq), value = core::url_decode(line.substr(eq + 1), false);
    try {
      if (key == "created_at") state.created_at = std::stoll(value);
      else if (key == "retry") state.retry_seconds = std::stoi(value);
      else if (key == "written_ms") state.written_ms = std::stoll(value);
    } catch (const std::exception&) {
      // A damaged number still means "down": the flag's existence is what matters.
    }
    if (key == "secret") state.secret = value;
    else if (key == "render") state.render = value;
  }
  if (state.written_ms == 0) state.written_ms = state.created_at * 1000;
  return state;
}

void enter_maintenance(const std::filesystem::path& base_path, const MaintenanceState& state) {
  auto path = maintenance_flag_path(base_path);
  std::filesystem::create_directories(path.parent_path());
  auto temp = path;
  temp += ".tmp";
  {
    std::ofstream out(temp, std::ios::trunc);
    out << "created_at=" << state.created_at << "\n"
        << "retry=" << state.retry_seconds << "\n"
        << "secret=" << core::url_encode(state.secret) << "\n"
        << "render=" << core::url_encode(state.render) << "\n"
        << "written_ms=" << state.written_ms << "\n";
    if (!out.flush()) throw std::runtime_error("cannot write " + temp.string());
  }
  std::filesystem::rename(temp, path);
}

bool leave_maintenance(const std::filesystem::path& base_path) {
  return std::filesystem::remove(maintenance_flag_path(base_path));
}

}  // namespace ops
