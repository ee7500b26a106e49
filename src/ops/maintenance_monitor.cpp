// Background refresh of the database maintenance flag (see maintenance_monitor.hpp).
#include "ops/maintenance_monitor.hpp"

#include "core/log.hpp"
#include "ops/maintenance_store.hpp"

namespace ops {

namespace {
std::atomic<MaintenanceMonitor*> g_installed{nullptr};
}  // namespace

MaintenanceMonitor::MaintenanceMonitor(db::Database& database, std::chrono::milliseconds interval)
    : database_(database) {
  refresh();
  if (interval.count() > 0) thread_ = std::thread([this, interval] { loop(interval); });
}

MaintenanceMonitor::~MaintenanceMonitor() {
  MaintenanceMonitor* self = this;
  g_installed.compare_exchange_strong(self, nullptr);
  {
    std::lock_guard lock(stop_mutex_);
    stopping_ = true;
  }
  stop_signal_.notify_all();
  if (thread_.joinable()) thread_.join();
}

void MaintenanceMonitor::install() { g_installed.store(this); }

MaintenanceMonitor* MaintenanceMonitor::installed() { return g_installed.load(std::memory_order_acquire); }

void MaintenanceMonitor::loop(std::chrono::milliseconds interval) {
  std::unique_lock lock(stop_mutex_);
  while (!stop_signal_.wait_for(lock, interval, [this] { return stopping_; })) {
    lock.unlock();
    refresh();
    lock.lock();
  }
}

bool MaintenanceMonitor::refresh() {
  std::lock_guard lock(refresh_mutex_);
  try {
    auto fresh = std::make_shared<const DatabaseMaintenance>(read_database_maintenance(database_));
    {
      std::lock_guard state_lock(state_mutex_);
      known_ = std::move(fresh);
    }
    if (failing_) core::log::info("Maintenance flag readable in the database again");
    failing_ = false;
    return true;
  } catch (const std::exception& e) {
    if (!failing_)
      core::log::warning("Cannot read the maintenance flag from the database; keeping the last known state",
                         {{"error", e.what()}});
    failing_ = true;
    return false;
  }
}

std::optional<DatabaseMaintenance> MaintenanceMonitor::database_state() const {
  std::lock_guard lock(state_mutex_);
  if (!known_) return std::nullopt;
  return *known_;
}

std::optional<MaintenanceState> MaintenanceMonitor::current(const std::optional<MaintenanceState>& file) {
  // The file just went away (`nico up` here): the row it left behind is already stale, read it again first.
  if (file) file_present_.store(true, std::memory_order_relaxed);
  else if (file_present_.exchange(false)) refresh();
  std::shared_ptr<const DatabaseMaintenance> known;
  {
    std::lock_guard lock(state_mutex_);
    known = known_;
  }
  if (!known) return file;
  return combine_maintenance(file, *known);
}

}  // namespace ops
