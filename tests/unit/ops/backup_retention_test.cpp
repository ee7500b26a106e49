// Retention rules of docs/domain/operations.md "Backups": the newest complete snapshot always survives.
#include "ops/backup_retention.hpp"

#include <gtest/gtest.h>

#include <fstream>

#include "core/crypto.hpp"
#include "ops/snapshot_catalog.hpp"
#include "ops/snapshot_manifest.hpp"

namespace {

namespace fs = std::filesystem;
constexpr const char* kZone = "America/Argentina/Cordoba";
constexpr std::int64_t kNow = 1770790500;  // 2026-02-11 03:15 in Córdoba
constexpr std::int64_t kDay = 86400;

class BackupRetention : public ::testing::Test {
 protected:
  void SetUp() override {
    root_ = fs::temp_directory_path() / ("nico-retention-" + core::random_token(8));
    fs::create_directories(root_);
  }
  void TearDown() override { fs::remove_all(root_); }

  // `complete`: a readable manifest listing `scope`'s artifacts ("all", "db" or "files"); otherwise a crashed
  // run's folder without one.
  fs::path snapshot(std::int64_t age_days, bool complete, const std::string& scope = "all") {
    auto name = ops::snapshot_name(ops::SnapshotClock::time_point(std::chrono::seconds(kNow - age_days * kDay)), kZone);
    fs::create_directories(root_ / name);
    if (complete) {
      ops::Manifest manifest;
      manifest.created_at = "2026-01-01T00:00:00-03:00";
      manifest.scope = scope;
      if (scope != "files") manifest.artifacts.push_back({.type = "database", .driver = "sqlite", .path = "database.sqlite"});
      if (scope != "db") manifest.artifacts.push_back({.type = "files", .path = "files", .files_copied = 1});
      std::ofstream(root_ / name / "manifest.json") << ops::manifest_to_json(manifest);
    }
    return root_ / name;
  }

  fs::path root_;
};

TEST_F(BackupRetention, DeletesOnlyExpiredBackupFolders) {
  auto expired = snapshot(30, true);
  auto expired_failed = snapshot(20, false);
  auto recent = snapshot(2, true);
  auto newest = snapshot(0, true);
  fs::create_directories(root_ / "unrelated");
  fs::last_write_time(root_ / "unrelated", fs::file_time_type::clock::now() - std::chrono::hours(24 * 365));
  auto result = ops::prune_snapshots(root_, 7, kNow, kZone);
  EXPECT_EQ(result.deleted, 2);
  EXPECT_EQ(result.kept_newest_valid, 0);
  EXPECT_FALSE(fs::exists(expired));
  EXPECT_FALSE(fs::exists(expired_failed));
  EXPECT_TRUE(fs::exists(recent));
  EXPECT_TRUE(fs::exists(newest));
  EXPECT_TRUE(fs::exists(root_ / "unrelated"));
}

TEST_F(BackupRetention, TheNewestCompleteSnapshotIsNeverDeleted) {
  auto older = snapshot(40, true);
  auto newest_complete = snapshot(30, true);
  auto newer_incomplete = snapshot(25, false);
  auto result = ops::prune_snapshots(root_, 7, kNow, kZone);
  EXPECT_EQ(result.deleted, 2);
  EXPECT_EQ(result.kept_newest_valid, 1);
  EXPECT_FALSE(fs::exists(older));
  EXPECT_FALSE(fs::exists(newer_incomplete));
  EXPECT_TRUE(fs::exists(newest_complete));
}

TEST_F(BackupRetention, ADatabaseOnlyRunAfterALongPauseKeepsTheLastCopyOfTheUploads) {
  // Backups stopped for a month; then a rollback's automatic database-only snapshot runs the retention.
  auto old_complete = snapshot(40, true);
  auto last_with_uploads = snapshot(30, true);
  auto db_only = snapshot(0, true, "db");
  auto result = ops::prune_snapshots(root_, 7, kNow, kZone);
  EXPECT_EQ(result.deleted, 1);
  EXPECT_EQ(result.kept_newest_valid, 1);
  EXPECT_FALSE(fs::exists(old_complete));
  EXPECT_TRUE(fs::exists(last_with_uploads)) << "the only copy of the uploaded files";
  EXPECT_TRUE(fs::exists(db_only));
}

TEST_F(BackupRetention, AFilesOnlyRunKeepsTheLastCopyOfTheDatabase) {
  auto last_database = snapshot(30, true, "db");
  auto files_only = snapshot(20, true, "files");
  auto result = ops::prune_snapshots(root_, 7, kNow, kZone);
  EXPECT_EQ(result.deleted, 0);
  EXPECT_EQ(result.kept_newest_valid, 2);
  EXPECT_TRUE(fs::exists(last_database));
  EXPECT_TRUE(fs::exists(files_only));
}

TEST_F(BackupRetention, ZeroOrNegativeRetentionKeepsEverything) {
  snapshot(400, true);
  snapshot(300, false);
  EXPECT_EQ(ops::prune_snapshots(root_, 0, kNow, kZone).deleted, 0);
  EXPECT_EQ(ops::prune_snapshots(root_, -3, kNow, kZone).deleted, 0);
  EXPECT_EQ(ops::list_snapshots(root_, kZone).size(), 2u);
  EXPECT_EQ(ops::prune_snapshots(root_ / "absent", 7, kNow, kZone).deleted, 0);
}

TEST_F(BackupRetention, NamesWithoutATimestampAgeByModificationTime) {
  fs::create_directories(root_ / "backup_old_manual");
  fs::last_write_time(root_ / "backup_old_manual", fs::file_time_type::clock::now() - std::chrono::hours(24 * 4000));
  fs::create_directories(root_ / "backup_fresh_manual");
  snapshot(0, true);
  // kNow may be before the machine's clock; use the real now so mtime-based ages are meaningful.
  auto now = std::chrono::duration_cast<std::chrono::seconds>(std::chrono::system_clock::now().time_since_epoch()).count();
  ops::prune_snapshots(root_, 7, now, kZone);
  EXPECT_FALSE(fs::exists(root_ / "backup_old_manual"));
  EXPECT_TRUE(fs::exists(root_ / "backup_fresh_manual"));
}

}  // namespace
