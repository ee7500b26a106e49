// The backup root as a catalog of snapshots: folder names, their timestamps, listing and lookup.
//
// Layout of the backup root (OPS_BACKUP_PATH):
//   | entry                        | what                                                                    |
//   | backup_YYYYMMDD_HHMMSS/      | a complete snapshot (renamed into place only after manifest.json)       |
//   | .tmp-backup_YYYYMMDD_HHMMSS/ | a snapshot being built; a leftover one is a crashed run, removed by the |
//   |                              | next backup under the lock                                              |
//   | .backup.lock                 | flock held by a running ops:backup (released by the kernel on a crash)  |
//   | pre-restore_YYYYmmddHHMMSS/  | the live database as it was before a live restore (pruned by retention) |
//   | .restore-<stamp>-<random>/   | a restore's scratch folder: removed by the restore (drill, failure,     |
//   |                              | live), kept by --into; crashed or expired ones are pruned               |
//   | .verify-<random>/            | verify's decrypted copies; a leftover one is a crashed verify           |
//   | backup-error.log             | one line per failed run                                                  |
// The timestamp in a name is local time in APP_TIMEZONE, as in the reference.
#pragma once

#include <chrono>
#include <cstdint>
#include <filesystem>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "ops/snapshot_manifest.hpp"

namespace ops {

inline constexpr std::string_view kSnapshotPrefix = "backup_";
inline constexpr std::string_view kTempSnapshotPrefix = ".tmp-backup_";
inline constexpr std::string_view kManifestFile = "manifest.json";
inline constexpr std::string_view kBackupLockFile = ".backup.lock";
inline constexpr std::string_view kBackupErrorLog = "backup-error.log";

using SnapshotClock = std::chrono::system_clock;

// "backup_20260211_031500" for `now` in `time_zone`. Throws std::runtime_error for an unknown zone.
std::string snapshot_name(SnapshotClock::time_point now, const std::string& time_zone);
// "2026-02-11T03:15:00-03:00" (ISO-8601 with offset, the manifest's created_at).
std::string iso8601_local(SnapshotClock::time_point now, const std::string& time_zone);
// "20260211031500": the suffix of scratch restore names.
std::string compact_local(SnapshotClock::time_point now, const std::string& time_zone);
// Unix seconds of the name's timestamp read in `time_zone`, or nullopt when the name is not
// `backup_YYYYMMDD_HHMMSS` with a real date.
std::optional<std::int64_t> snapshot_time_from_name(std::string_view name, const std::string& time_zone);

struct SnapshotEntry {
  std::filesystem::path path;
  std::string name;
  std::int64_t timestamp = 0;  // unix seconds: from the name, else the folder's mtime (docs/domain/operations.md)
};

// Immediate real subfolders (not symlinks) of `root` named backup_*, oldest first (ties by name).
// An absent root gives an empty list.
std::vector<SnapshotEntry> list_snapshots(const std::filesystem::path& root, const std::string& time_zone);

// What a snapshot must hold to count as complete for `latest` (restore and drill) and the health check: the
// database and, unless the configured backup scope (OPS_BACKUP_ONLY) leaves them out, the uploads. A files-only
// snapshot with 0 files must never pass for "the newest backup".
struct SnapshotNeeds {
  bool database = true;
  bool files = true;
};

// The first thing `manifest` lacks under `needs` ("the database", "the uploaded files"), or "" when complete.
std::string missing_from(const Manifest& manifest, const SnapshotNeeds& needs);

struct CompleteSnapshot {
  SnapshotEntry entry;
  Manifest manifest;
};

// The newest backup_* folder whose manifest reads and holds everything in `needs`; nullopt when there is none.
std::optional<CompleteSnapshot> newest_complete_snapshot(const std::filesystem::path& root, const std::string& time_zone,
                                                         const SnapshotNeeds& needs);

// Seconds since `snapshot` became complete: the age of its manifest, which is written last (0 when unreadable).
// The health check's "Latest backup" row and /metrics' nico_backup_newest_age_seconds both read it.
std::int64_t snapshot_age_seconds(const std::filesystem::path& snapshot);

// SNAPSHOT argument of verify/restore → folder: "" or "latest" = newest backup_* folder (with `needs`: the newest
// complete one); a name = that folder in `root`; anything with a '/' = a path (absolute, or relative to
// `base_path`). Throws std::runtime_error with an operator-facing message when nothing matches.
std::filesystem::path resolve_snapshot(const std::filesystem::path& root, const std::filesystem::path& base_path,
                                       const std::string& argument, const std::string& time_zone,
                                       const std::optional<SnapshotNeeds>& needs = std::nullopt);

// How a path is shown in messages and the manifest: relative to the project base when inside it
// ("storage/app/backups/backup_…"), absolute otherwise.
std::string display_path(const std::filesystem::path& path, const std::filesystem::path& base_path);

}  // namespace ops
