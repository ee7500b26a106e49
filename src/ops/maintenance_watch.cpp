// Maintenance age and the overdue-maintenance alert (see maintenance_watch.hpp).
#include "ops/maintenance_watch.hpp"

#include "core/clock.hpp"
#include "core/config.hpp"
#include "core/log.hpp"
#include "infra/exception_monitor.hpp"

namespace ops {

MaintenanceAge judge_maintenance(const std::optional<MaintenanceState>& state, int warn_minutes, std::int64_t now_unix) {
  if (!state) return {};
  // written_ms is when this `nico down` was written (file and database row agree); old files only have created_at.
  std::int64_t since = state->written_ms > 0 ? state->written_ms / 1000 : state->created_at;
  std::int64_t minutes = since > 0 && now_unix > since ? (now_unix - since) / 60 : 0;
  MaintenanceAge age{MaintenanceLevel::kRecent, minutes};
  if (warn_minutes <= 0 || minutes <= warn_minutes) return age;
  age.level = minutes > 4LL * warn_minutes ? MaintenanceLevel::kFail : MaintenanceLevel::kWarn;
  return age;
}

MaintenanceWatch alert_if_maintenance_overdue(const core::Config& config, const infra::ExceptionMonitor& monitor) {
  int warn_minutes = static_cast<int>(config.integer("OPS_MAINTENANCE_WARN_MINUTES"));
  MaintenanceWatch watch{judge_maintenance(read_maintenance(config.base_path()), warn_minutes, core::unix_now())};
  if (watch.age.level != MaintenanceLevel::kWarn && watch.age.level != MaintenanceLevel::kFail) return watch;
  std::string minutes = std::to_string(watch.age.minutes);
  core::log::warning("Maintenance mode is overdue", {{"minutes", minutes}, {"warn_minutes", std::to_string(warn_minutes)}});
  infra::ErrorReport report;
  report.exception_class = "MaintenanceOverdue";
  report.message = "Maintenance mode has been on for " + minutes + " minutes (OPS_MAINTENANCE_WARN_MINUTES=" +
                   std::to_string(warn_minutes) + "); scheduled jobs, backups included, are skipped. Run `nico up` when done.";
  report.file = "schedule maintenance-watch";
  watch.alerted = monitor.report(report);
  return watch;
}

}  // namespace ops
