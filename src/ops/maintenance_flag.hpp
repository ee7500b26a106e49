// The maintenance flag file of one server process, as read_maintenance() reads it, for the server's every request:
// the file is read again only after an event in its directory (core::DirectoryWatch), so a request pays one
// non-blocking read() of an inotify descriptor instead of a stat() (a path lookup: microseconds on a VM, on every
// request, /up included). Exactly as fresh: `nico down` writes the flag with a rename and `nico up` removes it, and
// the kernel queues the event inside those system calls, before the command returns. Where no watch works the
// file is read every time, as before. Thread-safe.
#pragma once

#include <filesystem>
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
  std::filesystem::path path_;
  mutable std::mutex mutex_;  // over the watch's events and the state read after them
  mutable core::DirectoryWatch watch_;
  mutable std::optional<MaintenanceState> file_;
  mutable bool read_failed_ = false;  // the last read could not tell (an error other than "no such file"): read again
};

}  // namespace ops
