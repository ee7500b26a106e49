// Scrape-time readings for /metrics (see operational_state.hpp).
#include "ops/operational_state.hpp"

#include "core/config.hpp"
#include "core/log.hpp"
#include "db/database.hpp"
#include "ops/backup.hpp"
#include "ops/maintenance.hpp"
#include "ops/snapshot_catalog.hpp"

namespace ops {

namespace {
std::optional<std::int64_t> count_rows(db::Database& database, const char* table) {
  try {
    long long rows = 0;
    database.lease()->once << std::string("SELECT COUNT(*) FROM ") + table, soci::into(rows);
    return rows;
  } catch (const std::exception& e) {
    core::log::warning("metrics: cannot count rows", {{"table", table}, {"error", e.what()}});
    return std::nullopt;
  }
}
}  // namespace

OperationalState read_operational_state(const core::Config& config, db::Database& database) {
  OperationalState state;
  state.queue_depth = count_rows(database, "jobs");
  state.failed_jobs = count_rows(database, "failed_jobs");
  try {
    auto newest = newest_complete_snapshot(backup_setting_path(config, "OPS_BACKUP_PATH"), config.str("APP_TIMEZONE"),
                                           snapshot_needs(config));
    if (newest) state.newest_backup_age_seconds = snapshot_age_seconds(newest->entry.path);
  } catch (const std::exception& e) {
    core::log::warning("metrics: cannot read the backup folder", {{"error", e.what()}});
  }
  state.maintenance = read_maintenance(config.base_path()).has_value();
  return state;
}

}  // namespace ops
