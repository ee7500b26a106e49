// The per-process view of the database half of maintenance mode (see maintenance.hpp for the rule that combines
// it with the flag file). `nico serve` and `nico queue:work` start one with a background refresh (one small SELECT
// about once per second, never on the request path); `nico schedule:run` reads once at start. Once installed,
// ops::read_maintenance() of this process consults it.
//
// Propagation: another node's `nico down` / `nico up` reaches this process within one refresh interval (≈ 1 s).
// `nico up` on this node is seen at once: when the flag file disappears, the next read_maintenance() re-reads
// the database before answering. While the database cannot be read the last known state is kept (a warning is
// logged once per outage), so a database hiccup neither opens nor closes the site.
#pragma once

#include <atomic>
#include <chrono>
#include <condition_variable>
#include <memory>
#include <mutex>
#include <optional>
#include <thread>

#include "ops/maintenance.hpp"

namespace db {
class Database;
}

namespace ops {

class MaintenanceMonitor final {
 public:
  // Reads the database once now; with `interval` > 0 a background thread re-reads it every `interval`.
  explicit MaintenanceMonitor(db::Database& database,
                              std::chrono::milliseconds interval = std::chrono::milliseconds(1000));
  ~MaintenanceMonitor();  // stops the thread and uninstalls itself
  MaintenanceMonitor(const MaintenanceMonitor&) = delete;
  MaintenanceMonitor& operator=(const MaintenanceMonitor&) = delete;

  // Makes read_maintenance() in this process use this monitor (one per process).
  void install();
  static MaintenanceMonitor* installed();

  // The effective state given the flag file's (see combine_maintenance).
  std::optional<MaintenanceState> current(const std::optional<MaintenanceState>& file);
  // Re-reads the database now; false when it could not (the last known state stays).
  bool refresh();
  // The last database state read (nullopt: never read successfully).
  std::optional<DatabaseMaintenance> database_state() const;

 private:
  void loop(std::chrono::milliseconds interval);

  db::Database& database_;
  mutable std::mutex state_mutex_;
  std::shared_ptr<const DatabaseMaintenance> known_;
  std::mutex refresh_mutex_;
  std::atomic<bool> file_present_{false};
  bool failing_ = false;  // guarded by refresh_mutex_
  std::mutex stop_mutex_;
  std::condition_variable stop_signal_;
  bool stopping_ = false;
  std::thread thread_;
};

}  // namespace ops
