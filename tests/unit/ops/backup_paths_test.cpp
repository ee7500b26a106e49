// Where the backup path settings point (ops::backup_setting_path) and what a complete snapshot must hold under
// OPS_BACKUP_ONLY: the ops guide's values must land where the guide means them.
#include <gtest/gtest.h>

#include <map>
#include <string>

#include "core/config.hpp"
#include "ops/backup.hpp"

namespace {

core::Config config_with(std::map<std::string, std::string> values) {
  return core::Config::from_values(std::move(values), "/srv/nico");
}

TEST(BackupPaths, TheGuidesRelativeValuesAreReadFromStorage) {
  auto config = config_with({{"OPS_BACKUP_PATH", "app/backups"}, {"OPS_BACKUP_FILES_SOURCE", "app/public"}});
  EXPECT_EQ(ops::backup_root(config), "/srv/nico/storage/app/backups");
  EXPECT_EQ(ops::files_source(config), "/srv/nico/storage/app/public");
}

TEST(BackupPaths, ValuesStartingWithStorageOrDotAreReadFromTheProjectFolder) {
  EXPECT_EQ(ops::backup_root(config_with({})), "/srv/nico/storage/app/backups") << "the default, storage/app/backups";
  EXPECT_EQ(ops::files_source(config_with({{"OPS_BACKUP_FILES_SOURCE", "storage/app/public/"}})), "/srv/nico/storage/app/public");
  EXPECT_EQ(ops::backup_root(config_with({{"OPS_BACKUP_PATH", "./backups"}})), "/srv/nico/backups");
  EXPECT_EQ(ops::backup_root(config_with({{"OPS_BACKUP_PATH", " /var/backups/nico "}})), "/var/backups/nico");
}

TEST(BackupPaths, AnEmptySettingIsRefusedRatherThanMeaningTheWholeInstallation) {
  EXPECT_THROW(ops::backup_root(config_with({{"OPS_BACKUP_PATH", "  "}})), ops::BackupError);
  EXPECT_THROW(ops::files_source(config_with({{"OPS_BACKUP_FILES_SOURCE", ""}})), std::runtime_error);
}

TEST(BackupPaths, TheConfiguredScopeDecidesWhatACompleteSnapshotHolds) {
  auto all = ops::snapshot_needs(config_with({}));
  EXPECT_TRUE(all.database && all.files);
  auto db = ops::snapshot_needs(config_with({{"OPS_BACKUP_ONLY", "db"}}));
  EXPECT_TRUE(db.database);
  EXPECT_FALSE(db.files);
  auto files = ops::snapshot_needs(config_with({{"OPS_BACKUP_ONLY", "files"}}));
  EXPECT_FALSE(files.database);
  EXPECT_TRUE(files.files);
}

}  // namespace
