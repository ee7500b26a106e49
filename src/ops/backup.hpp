// `nico ops:backup`: one snapshot of the database and/or the uploads, then retention pruning.
//
// A run, in order (docs/domain/operations.md "Backups"):
//   1. resolve and create the backup root (OPS_BACKUP_PATH, see backup_setting_path)                   → setup
//   2. take the backup lock (<root>/.backup.lock, flock: one run at a time, freed by the kernel on a crash) → setup
//   3. remove leftover .tmp-backup_* folders of crashed runs
//   4. build the artifacts in <root>/.tmp-backup_YYYYMMDD_HHMMSS/: database first, then files; a files source that
//      does not exist, or holds no file while the app's uploads folder (storage/app/public) has some, is a warning:
//      printed, logged and recorded in the manifest ("warnings"), which the health check shows
//   5. write manifest.json (last), sync the filesystem, rename the folder to backup_YYYYMMDD_HHMMSS, fsync the root
//   6. prune by retention (never on failure)
// A failure in 3-5 removes the temp folder (nothing half-written is ever named backup_*), appends a line to
// <root>/backup-error.log and calls report_backup_failure(). A crash (kill -9) leaves only a .tmp-backup_* folder,
// which no reader treats as a snapshot and the next run deletes.
#pragma once

#include <cstdint>
#include <filesystem>
#include <optional>
#include <stdexcept>
#include <string>
#include <string_view>

#include <vector>

#include "ops/backup_retention.hpp"
#include "ops/snapshot_catalog.hpp"

namespace core {
class Config;
}

namespace ops {

enum class BackupScope { kAll, kDatabase, kFiles };

// "all" / "db" / "files", compared case-insensitively (reference); nullopt otherwise.
std::optional<BackupScope> parse_backup_scope(std::string_view text);
const char* backup_scope_name(BackupScope scope);

// A failed run. kSetup: the root or the lock could not be had (printed "Backup setup failed: …", nothing logged in
// the root); kSnapshot: building the snapshot failed (printed "Backup failed: …", logged in backup-error.log).
// Either way report_backup_failure() has already been called.
class BackupError : public std::runtime_error {
 public:
  enum class Kind { kSetup, kSnapshot };
  BackupError(Kind kind, const std::string& message) : std::runtime_error(message), kind_(kind) {}
  Kind kind() const { return kind_; }

 private:
  Kind kind_;
};

// OPS_BACKUP_ONLY: what a plain `nico ops:backup` (and the scheduled one) copies.
BackupScope configured_backup_scope(const core::Config& config);
// What a complete snapshot holds under OPS_BACKUP_ONLY (db → the database alone; files → the uploads alone).
SnapshotNeeds snapshot_needs(const core::Config& config);

struct BackupRequest {
  BackupScope scope = BackupScope::kAll;
  std::int64_t retention_days = 14;
  bool terminal = false;  // draw progress bars
};

struct BackupResult {
  std::filesystem::path snapshot;  // final folder
  PruneResult pruned;
  std::vector<std::string> warnings;  // as recorded in the manifest
};

// Where a path setting of the backups points (OPS_BACKUP_PATH, OPS_BACKUP_FILES_SOURCE), after trimming spaces:
//   absolute                                → as written;
//   relative, starting with "storage/", "./" → relative to the project folder (our .env.example values);
//   any other relative value                → relative to storage/, as in the reference and the ops guide
//                                             (OPS_BACKUP_FILES_SOURCE=app/public → storage/app/public).
// "" stays "" (callers refuse it).
std::filesystem::path backup_setting_path(const core::Config& config, const std::string& key);

// The configured backup root. Throws BackupError(kSetup) when the setting is empty.
std::filesystem::path backup_root(const core::Config& config);

// The uploads folder that is backed up and that a live restore replaces (OPS_BACKUP_FILES_SOURCE, by the rule of
// backup_setting_path; a trailing '/' is dropped). Throws std::runtime_error when the setting is empty: it would
// otherwise mean the whole installation.
std::filesystem::path files_source(const core::Config& config);

// Runs steps 1-6. Throws BackupError. Prints per-step progress lines to stdout.
BackupResult run_backup(const core::Config& config, const BackupRequest& request);

// --prune-only: steps 1, 2 and 6 (and 3: under the lock a leftover temp folder is certainly dead). Throws BackupError.
PruneResult run_prune(const core::Config& config, std::int64_t retention_days);

}  // namespace ops
