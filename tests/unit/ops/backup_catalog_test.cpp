// Snapshot folder names, their timestamps in the shop's time zone, and SNAPSHOT argument lookup.
#include "ops/snapshot_catalog.hpp"

#include <gtest/gtest.h>

#include <fstream>

#include "core/crypto.hpp"

namespace {

namespace fs = std::filesystem;
constexpr const char* kZone = "America/Argentina/Cordoba";

ops::SnapshotClock::time_point at_unix(std::int64_t seconds) {
  return ops::SnapshotClock::time_point(std::chrono::seconds(seconds));
}

TEST(BackupCatalog, NamesAndCreatedAtUseTheShopsTimeZone) {
  auto time = at_unix(1770790500);  // 2026-02-11 06:15:00 UTC = 03:15 in Córdoba (UTC-3)
  EXPECT_EQ(ops::snapshot_name(time, kZone), "backup_20260211_031500");
  EXPECT_EQ(ops::iso8601_local(time, kZone), "2026-02-11T03:15:00-03:00");
  EXPECT_EQ(ops::compact_local(time, kZone), "20260211031500");
  EXPECT_EQ(ops::snapshot_name(time, "UTC"), "backup_20260211_061500");
}

TEST(BackupCatalog, ReadsTheTimestampBackFromTheNameOnlyWhenItIsExact) {
  EXPECT_EQ(ops::snapshot_time_from_name("backup_20260211_031500", kZone).value_or(0), 1770790500);
  EXPECT_FALSE(ops::snapshot_time_from_name("backup_20261311_031500", kZone));   // month 13
  EXPECT_FALSE(ops::snapshot_time_from_name("backup_20260230_031500", kZone));   // 30 February
  EXPECT_FALSE(ops::snapshot_time_from_name("backup_20260211_246000", kZone));
  EXPECT_FALSE(ops::snapshot_time_from_name("backup_20260211_031500_2", kZone));
  EXPECT_FALSE(ops::snapshot_time_from_name("backup_manual", kZone));
  EXPECT_FALSE(ops::snapshot_time_from_name(".tmp-backup_20260211_031500", kZone));
}

class BackupCatalogFolder : public ::testing::Test {
 protected:
  void SetUp() override {
    base_ = fs::temp_directory_path() / ("nico-catalog-" + core::random_token(8));
    root_ = base_ / "storage/app/backups";
    fs::create_directories(root_);
  }
  void TearDown() override { fs::remove_all(base_); }
  fs::path base_, root_;
};

TEST_F(BackupCatalogFolder, ListsOnlyRealBackupFoldersOldestFirst) {
  fs::create_directories(root_ / "backup_20260102_000000");
  fs::create_directories(root_ / "backup_20260101_000000");
  fs::create_directories(root_ / ".tmp-backup_20260103_000000");
  fs::create_directories(root_ / "other");
  std::ofstream(root_ / "backup_20260104_000000") << "a file, not a folder";
  fs::create_directory_symlink(root_ / "other", root_ / "backup_20260105_000000");
  auto listed = ops::list_snapshots(root_, kZone);
  ASSERT_EQ(listed.size(), 2u);
  EXPECT_EQ(listed[0].name, "backup_20260101_000000");
  EXPECT_EQ(listed[1].name, "backup_20260102_000000");
  EXPECT_TRUE(ops::list_snapshots(base_ / "absent", kZone).empty());
}

TEST_F(BackupCatalogFolder, ResolvesLatestNamesAndPaths) {
  fs::create_directories(root_ / "backup_20260101_000000");
  fs::create_directories(root_ / "backup_20260102_000000");
  EXPECT_EQ(ops::resolve_snapshot(root_, base_, "latest", kZone), root_ / "backup_20260102_000000");
  EXPECT_EQ(ops::resolve_snapshot(root_, base_, "", kZone), root_ / "backup_20260102_000000");
  EXPECT_EQ(ops::resolve_snapshot(root_, base_, "backup_20260101_000000", kZone), root_ / "backup_20260101_000000");
  EXPECT_EQ(ops::resolve_snapshot(root_, base_, "storage/app/backups/backup_20260101_000000", kZone),
            base_ / "storage/app/backups/backup_20260101_000000");
  EXPECT_THROW(ops::resolve_snapshot(root_, base_, "backup_19990101_000000", kZone), std::runtime_error);
  EXPECT_THROW(ops::resolve_snapshot(base_ / "empty", base_, "latest", kZone), std::runtime_error);
}

TEST(BackupCatalog, DisplayPathIsRelativeInsideTheProjectAndAbsoluteOutside) {
  EXPECT_EQ(ops::display_path("/srv/nico/storage/app/backups/backup_x", "/srv/nico"), "storage/app/backups/backup_x");
  EXPECT_EQ(ops::display_path("/var/backups/nico/backup_x", "/srv/nico"), "/var/backups/nico/backup_x");
  EXPECT_EQ(ops::display_path("/srv/nico-other/x", "/srv/nico"), "/srv/nico-other/x");
}


namespace complete {

// A manifest with the given artifacts (only the fields completeness looks at).
void write_manifest(const fs::path& snapshot, bool database, bool files) {
  fs::create_directories(snapshot);
  ops::Manifest manifest;
  manifest.created_at = "2026-01-01T00:00:00-03:00";
  manifest.scope = database && files ? "all" : database ? "db" : "files";
  if (database) manifest.artifacts.push_back({"database", "sqlite", "database.sqlite", 1, -1, "x", ""});
  if (files) manifest.artifacts.push_back({"files", "", "files", 0, 0, "y", ""});
  std::ofstream(snapshot / "manifest.json") << ops::manifest_to_json(manifest);
}

}  // namespace complete

TEST_F(BackupCatalogFolder, LatestSkipsSnapshotsThatLackWhatThePolicyNeeds) {
  complete::write_manifest(root_ / "backup_20260101_000000", true, true);
  complete::write_manifest(root_ / "backup_20260102_000000", true, false);   // db only
  complete::write_manifest(root_ / "backup_20260103_000000", false, true);   // files only
  fs::create_directories(root_ / "backup_20260104_000000");                  // no manifest
  const ops::SnapshotNeeds all{true, true}, db{true, false};
  EXPECT_EQ(ops::newest_complete_snapshot(root_, kZone, all)->entry.name, "backup_20260101_000000");
  EXPECT_EQ(ops::newest_complete_snapshot(root_, kZone, db)->entry.name, "backup_20260102_000000");
  EXPECT_EQ(ops::resolve_snapshot(root_, base_, "latest", kZone, all).filename(), "backup_20260101_000000");
  EXPECT_EQ(ops::resolve_snapshot(root_, base_, "latest", kZone).filename(), "backup_20260104_000000")
      << "without needs (verify): the newest folder, as before";
  EXPECT_EQ(ops::resolve_snapshot(root_, base_, "backup_20260103_000000", kZone, all).filename(), "backup_20260103_000000")
      << "a named snapshot is used as it is";

  fs::remove_all(root_ / "backup_20260101_000000");
  EXPECT_FALSE(ops::newest_complete_snapshot(root_, kZone, all));
  try {
    ops::resolve_snapshot(root_, base_, "latest", kZone, all);
    ADD_FAILURE() << "no complete snapshot must be an error";
  } catch (const std::runtime_error& e) {
    EXPECT_STREQ(e.what(), "No complete snapshot in storage/app/backups (the newest, backup_20260104_000000, has no readable "
                           "manifest.json). Name a snapshot to use it anyway, or run `nico ops:backup`.");
  }
}

}  // namespace
