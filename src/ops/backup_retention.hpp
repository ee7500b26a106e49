// Retention pruning of the backup root (docs/domain/operations.md "Backups"):
//   (a) retention_days <= 0 means keep everything;
//   (b) only real folders named backup_* directly in the root are considered; nothing else is ever touched;
//   (c) a snapshot's age comes from its name (backup_YYYYMMDD_HHMMSS in APP_TIMEZONE), else the folder's mtime;
//   (d) a snapshot older than now - retention_days is deleted recursively;
//   (e) ours: the newest snapshot with a readable manifest is never deleted, even when it is older than the cutoff
//       (a server whose backups stopped for weeks must not prune its way down to nothing).
// Housekeeping (ours, prune_leftovers), run with the same retention after every backup and by --prune-only:
//   (f) pre-restore_<YYYYmmddHHMMSS>/ in the root (the live database before a live restore) and
//       <uploads>.pre-restore-<YYYYmmddHHMMSS>/ beside the uploads folder: deleted once older than the retention
//       (age from the name, else the mtime); retention <= 0 keeps them too;
//   (g) leftovers of crashed runs, never one in use: a .restore-* scratch folder that no restore holds locked
//       (FolderLock) and that is older than kLeftoverSeconds, or that a kept --into restore marked (kKeptMarker)
//       and is older than the retention; .verify-* folders (verify holds no lock; it takes minutes, not hours) and
//       .<uploads>.restoring-* staging folders older than kLeftoverSeconds (the latter only while no restore holds
//       its lock: a running live restore builds its staging folder beside the uploads). .tmp-backup_* folders are removed by
//       the backup itself under the backup lock (backup.hpp step 3), so no running backup can lose its folder.
#pragma once

#include <cstdint>
#include <filesystem>
#include <string>

namespace ops {

// A folder that is neither locked nor touched for this long belongs to a crashed run.
inline constexpr std::int64_t kLeftoverSeconds = 6 * 3600;
// Written into a kept (--into) restore folder when the restore finished.
inline constexpr const char* kKeptMarker = ".kept";

// An exclusive flock on a folder itself, held for the lifetime of the object (a restore's scratch folder). The
// kernel releases it when the process dies, so a crashed run's folder becomes prunable. Throws std::runtime_error
// when the folder cannot be opened.
class FolderLock final {
 public:
  explicit FolderLock(const std::filesystem::path& folder);
  ~FolderLock();
  FolderLock(const FolderLock&) = delete;
  FolderLock& operator=(const FolderLock&) = delete;

 private:
  int fd_ = -1;
};

// Marks a finished, kept restore folder (rule g).
void mark_kept(const std::filesystem::path& folder);

struct PruneResult {
  int deleted = 0;
  int kept_newest_valid = 0;  // expired snapshots rule (e) kept: the newest copy of the database and of the uploads
  int leftovers = 0;          // rules (f) and (g): pre-restore copies and crashed scratch folders deleted
};

// Deletes expired snapshots under `root`. `now_unix` is the current time in unix seconds. A folder that cannot be
// deleted is logged and skipped (not counted), as in the reference. Never throws for a missing root.
PruneResult prune_snapshots(const std::filesystem::path& root, std::int64_t retention_days, std::int64_t now_unix,
                            const std::string& time_zone);

// Rules (f) and (g) under `root`, plus the pre-restore and staging folders beside `uploads` (empty: none).
// Returns how many folders were deleted. Never throws; a folder that resists is logged and skipped.
int prune_leftovers(const std::filesystem::path& root, const std::filesystem::path& uploads, std::int64_t retention_days,
                    std::int64_t now_unix, const std::string& time_zone);

}  // namespace ops
