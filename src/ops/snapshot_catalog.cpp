// Snapshot names, timestamps and lookup in the backup root (see snapshot_catalog.hpp).
#include "ops/snapshot_catalog.hpp"

#include <date/date.h>
#include <date/tz.h>

#include <algorithm>
#include <cctype>
#include <stdexcept>

#include "core/file_access.hpp"

namespace ops {

namespace {

namespace fs = std::filesystem;

const date::time_zone* zone_named(const std::string& name) {
  try {
    return date::locate_zone(name);
  } catch (const std::exception&) {
    throw std::runtime_error("unknown time zone '" + name + "'");
  }
}

std::string format_local(SnapshotClock::time_point now, const std::string& time_zone, const char* pattern) {
  auto local = date::make_zoned(zone_named(time_zone), std::chrono::floor<std::chrono::seconds>(now));
  return date::format(pattern, local);
}

std::int64_t mtime_seconds(const fs::path& path) {
  std::error_code ec;
  auto written = fs::last_write_time(path, ec);
  if (ec) return 0;
  auto system = std::chrono::file_clock::to_sys(written);
  return std::chrono::duration_cast<std::chrono::seconds>(system.time_since_epoch()).count();
}

bool all_digits(std::string_view text) {
  return std::all_of(text.begin(), text.end(), [](unsigned char c) { return std::isdigit(c) != 0; });
}

}  // namespace

std::string snapshot_name(SnapshotClock::time_point now, const std::string& time_zone) {
  return std::string(kSnapshotPrefix) + format_local(now, time_zone, "%Y%m%d_%H%M%S");
}

std::string iso8601_local(SnapshotClock::time_point now, const std::string& time_zone) {
  // %Ez prints the offset with a colon (-03:00), as PHP's DATE_ATOM does.
  return format_local(now, time_zone, "%Y-%m-%dT%H:%M:%S%Ez");
}

std::string compact_local(SnapshotClock::time_point now, const std::string& time_zone) {
  return format_local(now, time_zone, "%Y%m%d%H%M%S");
}

std::optional<std::int64_t> snapshot_time_from_name(std::string_view name, const std::string& time_zone) {
  // Exactly backup_ + 8 digits + _ + 6 digits, like the reference's ^backup_(\d{8})_(\d{6})$.
  if (name.size() != kSnapshotPrefix.size() + 15 || name.substr(0, kSnapshotPrefix.size()) != kSnapshotPrefix)
    return std::nullopt;
  std::string_view stamp = name.substr(kSnapshotPrefix.size());
  if (!all_digits(stamp.substr(0, 8)) || stamp[8] != '_' || !all_digits(stamp.substr(9))) return std::nullopt;
  auto number = [&](std::size_t at, std::size_t length) { return std::stoi(std::string(stamp.substr(at, length))); };
  date::year_month_day day{date::year{number(0, 4)}, date::month{static_cast<unsigned>(number(4, 2))},
                           date::day{static_cast<unsigned>(number(6, 2))}};
  int hour = number(9, 2), minute = number(11, 2), second = number(13, 2);
  if (!day.ok() || hour > 23 || minute > 59 || second > 59) return std::nullopt;
  auto local = date::local_days{day} + std::chrono::hours{hour} + std::chrono::minutes{minute} +
               std::chrono::seconds{second};
  // `earliest` resolves the hour repeated when clocks go back; a skipped hour maps forward. Neither can make a
  // snapshot look younger than it is by more than that hour.
  auto system = zone_named(time_zone)->to_sys(local, date::choose::earliest);
  return std::chrono::duration_cast<std::chrono::seconds>(system.time_since_epoch()).count();
}

std::vector<SnapshotEntry> list_snapshots(const fs::path& root, const std::string& time_zone) {
  std::vector<SnapshotEntry> found;
  std::error_code ec;
  // A root this user may not list is not an empty one ("No snapshots found" would send the operator after a
  // lost backup): say which permission is missing.
  auto refuse_if_denied = [&root] {
    if (auto problem = core::permission_problem(root, core::Access::kList)) throw std::runtime_error(*problem);
  };
  if (!fs::is_directory(root, ec)) {
    if (core::is_permission_error(ec)) refuse_if_denied();
    return found;
  }
  fs::directory_iterator start(root, ec);
  if (ec && core::is_permission_error(ec)) refuse_if_denied();
  for (fs::directory_iterator it = std::move(start), end; !ec && it != end; it.increment(ec)) {
    std::string name = it->path().filename().string();
    if (name.rfind(kSnapshotPrefix, 0) != 0) continue;
    // symlink_status: a symlink named backup_x is never treated as (or pruned like) a snapshot folder.
    std::error_code type_error;
    if (!fs::is_directory(it->symlink_status(type_error))) continue;
    SnapshotEntry entry{it->path(), name, 0};
    entry.timestamp = snapshot_time_from_name(name, time_zone).value_or(mtime_seconds(it->path()));
    found.push_back(std::move(entry));
  }
  std::sort(found.begin(), found.end(), [](const SnapshotEntry& a, const SnapshotEntry& b) {
    return a.timestamp != b.timestamp ? a.timestamp < b.timestamp : a.name < b.name;
  });
  return found;
}

std::string missing_from(const Manifest& manifest, const SnapshotNeeds& needs) {
  bool database = false, files = false;
  for (const auto& artifact : manifest.artifacts) {
    database = database || artifact.is_database();
    files = files || artifact.is_files();
  }
  if (needs.database && !database) return "the database";
  if (needs.files && !files) return "the uploaded files";
  return "";
}

std::optional<CompleteSnapshot> newest_complete_snapshot(const fs::path& root, const std::string& time_zone,
                                                         const SnapshotNeeds& needs) {
  auto snapshots = list_snapshots(root, time_zone);
  for (auto it = snapshots.rbegin(); it != snapshots.rend(); ++it) {
    try {
      Manifest manifest = read_manifest(it->path);
      if (missing_from(manifest, needs).empty()) return CompleteSnapshot{*it, std::move(manifest)};
    } catch (const std::exception&) {
      // No readable manifest: not a snapshot anyone should restore by default.
    }
  }
  return std::nullopt;
}

std::int64_t snapshot_age_seconds(const fs::path& snapshot) {
  std::error_code ec;
  auto written = fs::last_write_time(snapshot / kManifestFile, ec);
  if (ec) return 0;
  auto age = fs::file_time_type::clock::now() - written;
  return std::chrono::duration_cast<std::chrono::seconds>(age).count();
}

fs::path resolve_snapshot(const fs::path& root, const fs::path& base_path, const std::string& argument,
                          const std::string& time_zone, const std::optional<SnapshotNeeds>& needs) {
  if (argument.empty() || argument == "latest") {
    auto snapshots = list_snapshots(root, time_zone);
    if (snapshots.empty()) throw std::runtime_error("No snapshots found in " + display_path(root, base_path) + ".");
    if (!needs) return snapshots.back().path;
    if (auto complete = newest_complete_snapshot(root, time_zone, *needs)) return complete->entry.path;
    std::string lacks = "no readable manifest.json";
    try {
      lacks = "no copy of " + missing_from(read_manifest(snapshots.back().path), *needs);
    } catch (const std::exception&) {
    }
    throw std::runtime_error("No complete snapshot in " + display_path(root, base_path) + " (the newest, " +
                             snapshots.back().name + ", has " + lacks +
                             "). Name a snapshot to use it anyway, or run `nico ops:backup`.");
  }
  fs::path candidate = argument.find('/') == std::string::npos ? root / argument : fs::path(argument);
  if (candidate.is_relative()) candidate = base_path / candidate;
  std::error_code ec;
  if (!fs::is_directory(candidate, ec)) {
    if (auto problem = core::permission_problem(candidate, core::Access::kList)) throw std::runtime_error(*problem);
    throw std::runtime_error("Snapshot not found: " + argument);
  }
  return candidate;
}

std::string display_path(const fs::path& path, const fs::path& base_path) {
  auto normal = path.lexically_normal();
  auto relative = normal.lexically_relative(base_path.lexically_normal());
  if (!relative.empty() && *relative.begin() != "..") return relative.string();
  return normal.string();
}

}  // namespace ops
