// The maintenance flag file of one server process, as read_maintenance() reads it, for the server's every request:
// the file is read again only after an event in its directory (core::DirectoryWatch), so a request pays one
// non-blocking ioctl of an inotify descriptor instead of a stat() (a path lookup: microseconds on a VM, on every
// request, /up included). Exactly as fresh: `nico down` writes the flag with a rename and `nico up` removes it, and
// the kernel queues the event inside those system calls, before the command returns. Where no watch works the
// file is read every time, as before. Thread-safe; while nothing changes, requests on different threads take no
// lock (a shared mutex here was ~3 % of a repair lookup's CPU, most of it threads waking each other).
#pragma once

#include <atomic>
#include <filesystem>
#include <memory>
#include <mutex>
#include <optional>

#include "core/directory_watch.hpp"
#include "ops/maintenance.hpp"

namespace ops {

class MaintenanceFlag final {
 public:
  // `flag_path`: maintenance_flag_path(base path).
  explicit MaintenanceFlag(std::filesystem::path flag_path);

  // The flag file alone (read_maintenance_file).
  std::optional<MaintenanceState> file() const;
  // Combined with the database state as read_maintenance() does (MaintenanceMonitor, when one runs).
  std::optional<MaintenanceState> current() const;

 private:
  using State = std::optional<MaintenanceState>;
  // Takes the watch's events and reads the file again after any (mutex_ held).
  State refresh() const;

  std::filesystem::path path_;
  mutable std::mutex mutex_;  // over the watch's events and the state read after them
  mutable core::DirectoryWatch watch_;
  // The state read after the last event; null before the first read. Written under mutex_, read by anyone.
  mutable std::atomic<std::shared_ptr<const State>> state_;
  // Set while a thread holding mutex_ may have taken events it has not read the file for: a thread that finds
  // the watch quiet then cannot tell "nothing happened" from "someone is reading it now", so it waits for mutex_.
  mutable std::atomic<bool> refreshing_{false};
  mutable std::atomic<bool> read_failed_{false};  // the last read could not tell (not "no such file"): read again
};

}  // namespace ops
