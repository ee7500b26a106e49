// Retention pruning (rules in backup_retention.hpp).
#include "ops/backup_retention.hpp"

#include "core/log.hpp"
#include "ops/snapshot_catalog.hpp"
#include "ops/snapshot_manifest.hpp"

namespace ops {

namespace {

bool has_readable_manifest(const std::filesystem::path& snapshot) {
  try {
    read_manifest(snapshot);
    return true;
  } catch (const std::exception&) {
    return false;
  }
}

}  // namespace

PruneResult prune_snapshots(const std::filesystem::path& root, std::int64_t retention_days, std::int64_t now_unix,
                            const std::string& time_zone) {
  PruneResult result;
  if (retention_days <= 0) return result;
  auto snapshots = list_snapshots(root, time_zone);  // oldest first
  const std::int64_t cutoff = now_unix - retention_days * 86400;

  // Rule (e): remember the newest snapshot that is complete, scanning from the newest end.
  std::filesystem::path protected_snapshot;
  for (auto it = snapshots.rbegin(); it != snapshots.rend(); ++it) {
    if (has_readable_manifest(it->path)) {
      protected_snapshot = it->path;
      break;
    }
  }

  for (const auto& snapshot : snapshots) {
    if (snapshot.timestamp >= cutoff) continue;
    if (snapshot.path == protected_snapshot) {
      result.kept_newest_valid = 1;
      core::log::warning("retention kept the newest complete snapshot although it is expired",
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

}  // namespace ops
