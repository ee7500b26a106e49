// How long maintenance mode has been on, judged against OPS_MAINTENANCE_WARN_MINUTES, and the ops alert for a
// forgotten `nico down`. While the site is down the scheduler skips every task (backups included), so a flag left
// on by mistake is an incident that nothing else reports:
//
//   | on for                     | health check row | alert                                         |
//   | ≤ warn minutes             | OK               | none                                          |
//   | > warn, ≤ 4 × warn minutes | WARN             | one per OPS_ALERTS_DEDUPE_MINUTES window       |
//   | > 4 × warn minutes         | FAIL             | one per OPS_ALERTS_DEDUPE_MINUTES window       |
//
// A warn value of 0 turns all of this off (OK forever). The alert is raised by `schedule:run` itself (every minute,
// outside the task table: tasks are what maintenance pauses).
#pragma once

#include <cstdint>
#include <optional>

#include "ops/maintenance.hpp"

namespace core {
class Config;
}

namespace infra {
class ExceptionMonitor;
}

namespace ops {

enum class MaintenanceLevel { kOff, kRecent, kWarn, kFail };

struct MaintenanceAge {
  MaintenanceLevel level = MaintenanceLevel::kOff;
  std::int64_t minutes = 0;  // how long it has been on (0 when off)
};

// The table above, for `state` (nullopt = the site is up) at `now_unix`.
MaintenanceAge judge_maintenance(const std::optional<MaintenanceState>& state, int warn_minutes, std::int64_t now_unix);

struct MaintenanceWatch {
  MaintenanceAge age;
  bool alerted = false;  // an alert record was written (false when de-duplicated or alerts are off)
};

// Called by every `schedule:run`: reads the maintenance state and, when it has been on longer than the warn minutes,
// reports it to `monitor` (de-duplicated there: the digits of the message are folded, so the key stays the same
// while the flag stays on and one alert goes out per OPS_ALERTS_DEDUPE_MINUTES window).
MaintenanceWatch alert_if_maintenance_overdue(const core::Config& config, const infra::ExceptionMonitor& monitor);

}  // namespace ops
