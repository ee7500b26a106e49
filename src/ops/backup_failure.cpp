// Failure reporting for backups (see backup_failure.hpp).
#include "ops/backup_failure.hpp"

#include <fstream>

#include "core/clock.hpp"
#include "core/config.hpp"
#include "core/log.hpp"
#include "infra/alert_dispatch.hpp"
#include "ops/snapshot_catalog.hpp"

namespace ops {

void report_backup_failure(const core::Config& config, std::string_view message) {
  try {
    core::log::critical("backup failed", {{"error", message}, {"environment", config.str("APP_ENV")}});
    infra::report_failure(config, "BackupFailed", std::string(message), "ops:backup");
  } catch (...) {
    // Reporting is best effort by contract: the caller is already on its error path.
  }
}

void append_backup_error_log(const std::filesystem::path& root, std::string_view snapshot, std::string_view message) {
  try {
    std::error_code ec;
    std::filesystem::create_directories(root, ec);
    std::ofstream out(root / kBackupErrorLog, std::ios::app);
    std::string flat(message);
    for (char& c : flat)
      if (c == '\n' || c == '\r') c = ' ';
    // UTC with its "Z", like every other log line of the app; the snapshot name carries the shop's local time.
    std::string when = core::utc_now_sql();
    when[10] = 'T';
    out << "[" << when << "Z] " << snapshot << ": " << flat << "\n";
  } catch (...) {
  }
}

}  // namespace ops
