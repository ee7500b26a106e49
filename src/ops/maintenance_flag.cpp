// The server's maintenance flag, read again only after its directory changed (see maintenance_flag.hpp).
#include "ops/maintenance_flag.hpp"

#include "ops/maintenance_monitor.hpp"

namespace ops {

MaintenanceFlag::MaintenanceFlag(std::filesystem::path flag_path)
    : path_(std::move(flag_path)), watch_(path_.parent_path()) {}

std::optional<MaintenanceState> MaintenanceFlag::file() const {
  std::lock_guard lock(mutex_);
  // Read under the lock: a thread that took the event leaves no other trusting the state from before it.
  if (watch_.maybe_changed() || read_failed_) {
    std::error_code error;
    // A passing error (not "no such file") must not be kept until the next event.
    read_failed_ = !std::filesystem::exists(path_, error) && error;
    file_ = read_maintenance_file_at(path_);
  }
  return file_;
}

std::optional<MaintenanceState> MaintenanceFlag::current() const {
  auto state = file();
  if (auto* monitor = MaintenanceMonitor::installed()) return monitor->current(state);
  return state;
}

}  // namespace ops
