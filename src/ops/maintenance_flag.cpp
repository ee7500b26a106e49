// The server's maintenance flag, read again only after its directory changed (see maintenance_flag.hpp).
#include "ops/maintenance_flag.hpp"

#include "ops/maintenance_monitor.hpp"

namespace ops {

MaintenanceFlag::MaintenanceFlag(std::filesystem::path flag_path)
    : path_(std::move(flag_path)), watch_(path_.parent_path()) {}

std::optional<MaintenanceState> MaintenanceFlag::file() const {
  // The order matters: quiet() first, then refreshing_. A thread that took an event set refreshing_ before taking
  // it, so an empty queue seen here either never held the event or was emptied by a thread still marked busy.
  if (watch_.quiet() && !refreshing_ && !read_failed_) {
    if (auto state = state_.load()) return *state;
  }
  std::lock_guard lock(mutex_);
  return refresh();
}

MaintenanceFlag::State MaintenanceFlag::refresh() const {
  refreshing_ = true;
  struct Done {
    std::atomic<bool>& flag;
    ~Done() { flag = false; }
  } done{refreshing_};  // cleared on the way out, a throwing read included
  auto state = state_.load();
  // Read under the lock: a thread that took the event leaves no other trusting the state from before it.
  if (watch_.maybe_changed() || read_failed_ || !state) {
    std::error_code error;
    // A passing error (not "no such file") must not be kept until the next event.
    read_failed_ = !std::filesystem::exists(path_, error) && error;
    state = std::make_shared<const State>(read_maintenance_file_at(path_));
    state_ = state;
  }
  return *state;
}

std::optional<MaintenanceState> MaintenanceFlag::current() const {
  auto state = file();
  if (auto* monitor = MaintenanceMonitor::installed()) return monitor->current(state);
  return state;
}

}  // namespace ops
