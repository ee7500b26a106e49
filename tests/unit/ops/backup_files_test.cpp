// The uploads tree copy and its fingerprint: every byte, name and folder counts; nothing outside the tree is followed.
#include "ops/backup_files.hpp"

#include <gtest/gtest.h>

#include <fstream>

#include "core/crypto.hpp"

namespace {

namespace fs = std::filesystem;

class BackupFiles : public ::testing::Test {
 protected:
  void SetUp() override {
    base_ = fs::temp_directory_path() / ("nico-files-" + core::random_token(8));
    source_ = base_ / "public";
    fs::create_directories(source_ / "repairs/2026");
    fs::create_directories(source_ / "empty");
    std::ofstream(source_ / "logo.txt") << "logo";
    std::ofstream(source_ / "repairs/2026/a.jpg") << std::string(3000, 'a');
    std::ofstream(source_ / ".hidden") << "dotfiles are uploads too";
  }
  void TearDown() override { fs::remove_all(base_); }

  std::string read(const fs::path& file) {
    std::ifstream in(file);
    return {std::istreambuf_iterator<char>(in), std::istreambuf_iterator<char>()};
  }

  fs::path base_, source_;
};

TEST_F(BackupFiles, CopiesEveryFileAndFolderAndTheCopyHasTheSameFingerprint) {
  auto copied = ops::copy_tree(source_, base_ / "copy", {});
  EXPECT_EQ(copied.files, 3);
  EXPECT_EQ(copied.size_bytes, 4 + 3000 + 24);
  EXPECT_EQ(read(base_ / "copy/repairs/2026/a.jpg"), std::string(3000, 'a'));
  EXPECT_TRUE(fs::is_directory(base_ / "copy/empty"));
  EXPECT_EQ(read(base_ / "copy/.hidden"), "dotfiles are uploads too");
  auto digest = ops::digest_tree(base_ / "copy");
  EXPECT_EQ(digest.sha256, copied.sha256);
  EXPECT_EQ(digest.sha256, ops::digest_tree(source_).sha256);
}

TEST_F(BackupFiles, AnyChangeChangesTheFingerprint) {
  auto original = ops::digest_tree(source_).sha256;
  std::ofstream(source_ / "logo.txt") << "LOGO";  // same size, one different byte... four, in fact
  auto changed_byte = ops::digest_tree(source_).sha256;
  EXPECT_NE(changed_byte, original);
  fs::rename(source_ / "logo.txt", source_ / "logo2.txt");
  EXPECT_NE(ops::digest_tree(source_).sha256, changed_byte);
  auto before_folder = ops::digest_tree(source_).sha256;
  fs::remove(source_ / "empty");
  EXPECT_NE(ops::digest_tree(source_).sha256, before_folder) << "an empty folder is part of the tree";
}

TEST_F(BackupFiles, AMissingSourceIsAnEmptyTree) {
  auto copied = ops::copy_tree(base_ / "no-such-folder", base_ / "copy", {});
  EXPECT_EQ(copied.files, 0);
  EXPECT_TRUE(fs::is_directory(base_ / "copy"));
  EXPECT_EQ(ops::digest_tree(base_ / "copy").sha256, copied.sha256);
}

TEST_F(BackupFiles, SkipsTheBackupRootAndSymlinks) {
  fs::create_directories(source_ / "backups/backup_20260101_000000");
  std::ofstream(source_ / "backups/backup_20260101_000000/database.sqlite") << "old backup";
  fs::create_symlink("/etc/hostname", source_ / "link-out");
  auto copied = ops::copy_tree(source_, base_ / "copy", source_ / "backups");
  EXPECT_EQ(copied.files, 3);
  EXPECT_FALSE(fs::exists(base_ / "copy/backups"));
  EXPECT_FALSE(fs::exists(fs::symlink_status(base_ / "copy/link-out")));
}

}  // namespace
