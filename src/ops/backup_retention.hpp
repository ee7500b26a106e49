// Retention pruning of the backup root (docs/domain/operations.md "Backups"):
//   (a) retention_days <= 0 means keep everything;
//   (b) only real folders named backup_* directly in the root are considered; nothing else is ever touched;
//   (c) a snapshot's age comes from its name (backup_YYYYMMDD_HHMMSS in APP_TIMEZONE), else the folder's mtime;
//   (d) a snapshot older than now - retention_days is deleted recursively;
//   (e) ours: the newest snapshot with a readable manifest is never deleted, even when it is older than the cutoff
//       (a server whose backups stopped for weeks must not prune its way down to nothing).
#pragma once

#include <cstdint>
#include <filesystem>
#include <string>

namespace ops {

struct PruneResult {
  int deleted = 0;
  int kept_newest_valid = 0;  // 1 when rule (e) saved an expired snapshot
};

// Deletes expired snapshots under `root`. `now_unix` is the current time in unix seconds. A folder that cannot be
// deleted is logged and skipped (not counted), as in the reference. Never throws for a missing root.
PruneResult prune_snapshots(const std::filesystem::path& root, std::int64_t retention_days, std::int64_t now_unix,
                            const std::string& time_zone);

}  // namespace ops
