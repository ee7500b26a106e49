// The operational readings /metrics exposes besides request counters, read when Prometheus scrapes (never per
// request): queue depth and failed jobs (two COUNT(*) on the `jobs` and `failed_jobs` tables), the age of the
// newest complete backup (the same snapshot the health check's "Latest backup" row judges) and the maintenance
// flag (ops::read_maintenance, as the kernel sees it). Blocking (SQL, directory listing): worker threads only.
#pragma once

#include <cstdint>
#include <optional>

namespace core {
class Config;
}
namespace db {
class Database;
}

namespace ops {

struct OperationalState {
  std::optional<std::int64_t> queue_depth;   // rows in `jobs` (waiting, delayed or running); nullopt: unreadable
  std::optional<std::int64_t> failed_jobs;   // rows in `failed_jobs`; nullopt: unreadable
  // Seconds since the newest complete snapshot in OPS_BACKUP_PATH was finished; nullopt: there is none.
  std::optional<std::int64_t> newest_backup_age_seconds;
  bool maintenance = false;                  // `nico down` is in effect for this node
};

// Never throws: a reading that fails is left empty (and logged as a warning).
OperationalState read_operational_state(const core::Config& config, db::Database& database);

}  // namespace ops
