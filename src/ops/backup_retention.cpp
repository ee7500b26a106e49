// Retention pruning (rules in backup_retention.hpp).
#include "ops/backup_retention.hpp"

#include <fcntl.h>
#include <sys/file.h>
#include <unistd.h>

#include <cerrno>
#include <chrono>
#include <cstring>
#include <fstream>
#include <optional>
#include <set>
#include <stdexcept>
#include <utility>
#include <vector>

#include "core/log.hpp"
#include "ops/snapshot_catalog.hpp"
#include "ops/snapshot_manifest.hpp"

namespace ops {

namespace {

namespace fs = std::filesystem;

std::int64_t mtime_seconds(const fs::path& path) {
  std::error_code ec;
  auto written = fs::last_write_time(path, ec);
  if (ec) return 0;
  return std::chrono::duration_cast<std::chrono::seconds>(std::chrono::file_clock::to_sys(written).time_since_epoch())
      .count();
}

bool starts_with(const std::string& text, std::string_view prefix) { return text.rfind(prefix, 0) == 0; }

// Unix seconds of a "YYYYmmddHHMMSS" stamp in `time_zone` (the suffix of pre-restore names), else nullopt.
std::optional<std::int64_t> stamp_time(const std::string& stamp, const std::string& time_zone) {
  if (stamp.size() != 14) return std::nullopt;
  return snapshot_time_from_name(std::string(kSnapshotPrefix) + stamp.substr(0, 8) + "_" + stamp.substr(8), time_zone);
}

// Another process holds the folder's FolderLock.
bool locked_by_someone(const fs::path& folder) {
  int fd = ::open(folder.c_str(), O_RDONLY | O_DIRECTORY | O_CLOEXEC);
  if (fd < 0) return false;
  bool busy = ::flock(fd, LOCK_EX | LOCK_NB) != 0 && errno == EWOULDBLOCK;
  ::close(fd);  // releases the probe's own lock, if it got one
  return busy;
}

bool remove_leftover(const fs::path& folder, const char* why) {
  std::error_code ec;
  fs::remove_all(folder, ec);
  if (ec) {
    core::log::error("housekeeping could not delete a folder", {{"folder", folder.string()}, {"error", ec.message()}});
    return false;
  }
  core::log::info("housekeeping deleted a folder", {{"folder", folder.string()}, {"reason", why}});
  return true;
}

// Is the entry named `name` in `folder` one that rule (f) or (g) deletes now?
// `restore_running`: some restore holds its scratch lock, so a staging folder beside the uploads may be its own.
const char* leftover_reason(const fs::path& path, const std::string& name, std::int64_t cutoff, std::int64_t stale_before,
                            const std::string& time_zone, bool beside_uploads, const std::string& uploads_name,
                            bool restore_running) {
  auto older_than = [&](std::int64_t limit, std::optional<std::int64_t> named) {
    return named.value_or(mtime_seconds(path)) < limit;
  };
  if (!beside_uploads) {
    if (starts_with(name, "pre-restore_"))
      return cutoff > 0 && older_than(cutoff, stamp_time(name.substr(12), time_zone)) ? "pre-restore copy past retention" : nullptr;
    if (starts_with(name, ".restore-")) {
      if (locked_by_someone(path)) return nullptr;
      std::error_code ec;
      if (fs::exists(path / kKeptMarker, ec))
        return cutoff > 0 && mtime_seconds(path / kKeptMarker) < cutoff ? "kept restore past retention" : nullptr;
      return older_than(stale_before, std::nullopt) ? "crashed restore" : nullptr;
    }
    if (starts_with(name, ".verify-")) return older_than(stale_before, std::nullopt) ? "crashed verify" : nullptr;
    return nullptr;
  }
  const std::string kept_prefix = uploads_name + ".pre-restore-";
  if (starts_with(name, kept_prefix))
    return cutoff > 0 && older_than(cutoff, stamp_time(name.substr(kept_prefix.size()), time_zone)) ? "pre-restore uploads past retention"
                                                                                                    : nullptr;
  if (starts_with(name, "." + uploads_name + ".restoring-"))
    return !restore_running && older_than(stale_before, std::nullopt) ? "crashed live restore" : nullptr;
  return nullptr;
}

std::optional<Manifest> readable_manifest(const std::filesystem::path& snapshot) {
  try {
    return read_manifest(snapshot);
  } catch (const std::exception&) {
    return std::nullopt;
  }
}

}  // namespace

PruneResult prune_snapshots(const std::filesystem::path& root, std::int64_t retention_days, std::int64_t now_unix,
                            const std::string& time_zone) {
  PruneResult result;
  if (retention_days <= 0) return result;
  auto snapshots = list_snapshots(root, time_zone);  // oldest first
  const std::int64_t cutoff = now_unix - retention_days * 86400;

  // Rule (e): the newest readable snapshot holding the database and the newest holding the uploads are never
  // deleted, however old: after backups stopped for a while, one `--only=db` run (a rollback's automatic snapshot,
  // say) must not take the last copy of the uploads with the expired rest, nor a files-only run the last database.
  std::set<std::filesystem::path> protected_snapshots;
  bool database_kept = false, files_kept = false;
  for (auto it = snapshots.rbegin(); it != snapshots.rend() && !(database_kept && files_kept); ++it) {
    auto manifest = readable_manifest(it->path);
    if (!manifest) continue;
    bool has_database = false, has_files = false;
    for (const auto& artifact : manifest->artifacts) {
      has_database = has_database || artifact.is_database();
      has_files = has_files || artifact.is_files();
    }
    if ((has_database && !database_kept) || (has_files && !files_kept)) protected_snapshots.insert(it->path);
    database_kept = database_kept || has_database;
    files_kept = files_kept || has_files;
  }

  for (const auto& snapshot : snapshots) {
    if (snapshot.timestamp >= cutoff) continue;
    if (protected_snapshots.count(snapshot.path) > 0) {
      ++result.kept_newest_valid;
      core::log::warning("retention kept the newest copy of the database or the uploads although it is expired",
                         {{"snapshot", snapshot.name}});
      continue;
    }
    std::error_code ec;
    std::filesystem::remove_all(snapshot.path, ec);
    if (ec) {
      core::log::error("retention could not delete a snapshot", {{"snapshot", snapshot.path.string()}, {"error", ec.message()}});
      continue;
    }
    ++result.deleted;
  }
  return result;
}

FolderLock::FolderLock(const fs::path& folder) {
  fd_ = ::open(folder.c_str(), O_RDONLY | O_DIRECTORY | O_CLOEXEC);
  if (fd_ < 0) throw std::runtime_error("Cannot open " + folder.string() + ": " + std::strerror(errno));
  ::flock(fd_, LOCK_EX | LOCK_NB);  // a fresh folder with a random name: nobody else can hold it
}

FolderLock::~FolderLock() {
  if (fd_ >= 0) ::close(fd_);
}

void mark_kept(const fs::path& folder) { std::ofstream(folder / kKeptMarker) << "kept by ops:restore --into\n"; }

int prune_leftovers(const fs::path& root, const fs::path& uploads, std::int64_t retention_days, std::int64_t now_unix,
                    const std::string& time_zone) {
  const std::int64_t cutoff = retention_days > 0 ? now_unix - retention_days * 86400 : 0;  // 0: keep
  const std::int64_t stale_before = now_unix - kLeftoverSeconds;
  int deleted = 0;
  bool restore_running = false;
  std::error_code scan_error;
  for (fs::directory_iterator it(root, scan_error), end; !scan_error && it != end; it.increment(scan_error)) {
    if (starts_with(it->path().filename().string(), ".restore-") && locked_by_someone(it->path())) restore_running = true;
  }
  auto sweep = [&](const fs::path& folder, bool beside_uploads) {
    std::error_code ec;
    if (folder.empty() || !fs::is_directory(folder, ec)) return;
    const std::string uploads_name = uploads.filename().string();
    std::vector<std::pair<fs::path, const char*>> doomed;  // collected first: no removal while iterating
    for (fs::directory_iterator it(folder, ec), end; !ec && it != end; it.increment(ec)) {
      std::error_code type_error;
      if (!fs::is_directory(it->symlink_status(type_error))) continue;  // never follow a symlink out
      std::string name = it->path().filename().string();
      if (const char* why = leftover_reason(it->path(), name, cutoff, stale_before, time_zone, beside_uploads, uploads_name,
                                            restore_running))
        doomed.emplace_back(it->path(), why);
    }
    for (const auto& [path, why] : doomed) deleted += remove_leftover(path, why) ? 1 : 0;
  };
  sweep(root, false);
  if (!uploads.empty() && uploads.has_filename()) sweep(uploads.parent_path(), true);
  return deleted;
}

}  // namespace ops
