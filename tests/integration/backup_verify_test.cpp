// `nico ops:backup:verify` beyond checksums (issue 17): an encrypted snapshot that the configured key cannot open
// (no key, wrong key) fails, `--json` gives the same checks to a script, and off a terminal the progress is one line.
#include <gtest/gtest.h>

#include <filesystem>
#include <fstream>
#include <nlohmann/json.hpp>

#include "core/crypto.hpp"
#include "support/app_server.hpp"
#include "support/test_files.hpp"

using testing_support::AppServer;
using testing_support::entries_with_prefix;
using testing_support::last_line;
namespace fs = std::filesystem;

namespace {

bool contains(const std::string& text, const std::string& needle) { return text.find(needle) != std::string::npos; }

std::string fresh_key() { return "base64:" + core::base64_encode(core::random_bytes(32)); }

class BackupVerify : public ::testing::Test {
 protected:
  void SetUp() override {
    server_ = std::make_unique<AppServer>();
    root_ = server_->base_path() / "storage/app/backups";
    fs::create_directories(server_->base_path() / "storage/app/public/products");
    std::ofstream(server_->base_path() / "storage/app/public/products/funda.png") << "png-bytes";
  }

  std::string database_file() const { return server_->using_server_database() ? "database.sql" : "database.sqlite"; }

  fs::path backup(const std::vector<std::string>& args, const std::map<std::string, std::string>& env = {}) {
    auto made = server_->run(args, env);
    EXPECT_EQ(made.exit_code, 0) << made.output;
    auto snapshots = entries_with_prefix(root_, "backup_");
    return snapshots.empty() ? fs::path() : snapshots.back();
  }

  std::unique_ptr<AppServer> server_;
  fs::path root_;
};

TEST_F(BackupVerify, AnEncryptedSnapshotFailsWhenNoKeyIsConfiguredAndSaysWhatToSet) {
  const std::string key = fresh_key();
  backup({"ops:backup"}, {{"OPS_BACKUP_ENCRYPTION_KEY", key}});
  const std::string encrypted_db = database_file() + ".enc";

  auto without_key = server_->run({"ops:backup:verify"});
  EXPECT_EQ(without_key.exit_code, 1) << without_key.output;
  // The stored bytes are still the ones written: the checksums pass, the key check does not.
  EXPECT_TRUE(contains(without_key.output, "| OK     | " + encrypted_db + " checksum")) << without_key.output;
  EXPECT_TRUE(contains(without_key.output, "| OK     | files checksum")) << without_key.output;
  EXPECT_TRUE(contains(without_key.output, "| FAIL   | " + encrypted_db + " decryption")) << without_key.output;
  EXPECT_TRUE(contains(without_key.output, "| FAIL   | files decryption")) << without_key.output;
  EXPECT_EQ(last_line(without_key.output),
            "Snapshot verification failed: " + encrypted_db +
                " decryption: the snapshot is encrypted and OPS_BACKUP_ENCRYPTION_KEY is not set: set it to the key the "
                "snapshot was made with (without it the snapshot cannot be restored)");

  auto with_key = server_->run({"ops:backup:verify"}, {{"OPS_BACKUP_ENCRYPTION_KEY", key}});
  EXPECT_EQ(with_key.exit_code, 0) << with_key.output;
  EXPECT_TRUE(contains(with_key.output, "| OK     | " + encrypted_db + " decryption")) << with_key.output;
  EXPECT_TRUE(contains(with_key.output, "| OK     | files decryption")) << with_key.output;
  EXPECT_TRUE(contains(with_key.output, server_->using_server_database() ? "-- Dump completed" : "quick_check: ok"))
      << with_key.output;
  EXPECT_TRUE(entries_with_prefix(root_, ".verify-").empty()) << "the decrypted copy is removed";
}

TEST_F(BackupVerify, AWrongKeyFailsForTheDatabaseAndForAFilesOnlySnapshot) {
  const std::string key = fresh_key();
  const std::string wrong = fresh_key();
  backup({"ops:backup"}, {{"OPS_BACKUP_ENCRYPTION_KEY", key}});
  const std::string encrypted_db = database_file() + ".enc";
  auto database = server_->run({"ops:backup:verify"}, {{"OPS_BACKUP_ENCRYPTION_KEY", wrong}});
  EXPECT_EQ(database.exit_code, 1) << database.output;
  EXPECT_TRUE(contains(database.output, "| OK     | " + encrypted_db + " checksum")) << database.output;
  EXPECT_EQ(last_line(database.output), "Snapshot verification failed: " + encrypted_db + " decryption: cannot decrypt " +
                                            encrypted_db + ": wrong OPS_BACKUP_ENCRYPTION_KEY or damaged file");
  EXPECT_TRUE(entries_with_prefix(root_, ".verify-").empty());

  auto files_only = backup({"ops:backup", "--only=files"}, {{"OPS_BACKUP_ENCRYPTION_KEY", key}});
  auto files = server_->run({"ops:backup:verify", files_only.filename().string()}, {{"OPS_BACKUP_ENCRYPTION_KEY", wrong}});
  EXPECT_EQ(files.exit_code, 1) << files.output;
  EXPECT_TRUE(contains(files.output, "| OK     | files checksum")) << files.output;
  EXPECT_EQ(last_line(files.output), "Snapshot verification failed: files decryption: cannot decrypt funda.png.enc: wrong "
                                     "OPS_BACKUP_ENCRYPTION_KEY or damaged file");
  auto right = server_->run({"ops:backup:verify", files_only.filename().string()}, {{"OPS_BACKUP_ENCRYPTION_KEY", key}});
  EXPECT_EQ(right.exit_code, 0) << right.output;
  EXPECT_TRUE(contains(right.output, "OPS_BACKUP_ENCRYPTION_KEY opens products/funda.png.enc")) << right.output;
}

TEST_F(BackupVerify, JsonGivesEveryCheckToAScriptAndNothingElseOnStdout) {
  auto snapshot = backup({"ops:backup"});
  auto good = server_->run({"ops:backup:verify", "--json"});
  EXPECT_EQ(good.exit_code, 0) << good.output;
  auto report = nlohmann::json::parse(good.output);  // throws (and fails the test) on anything but one JSON document
  EXPECT_EQ(report["snapshot"], snapshot.filename().string());
  EXPECT_EQ(report["path"], "storage/app/backups/" + snapshot.filename().string());
  EXPECT_EQ(report["ok"], true);
  ASSERT_EQ(report["checks"].size(), 4u);
  EXPECT_EQ(report["checks"][0]["check"], "manifest.json");
  EXPECT_EQ(report["checks"][1]["check"], database_file() + " checksum");
  EXPECT_EQ(report["checks"][1]["status"], "OK");
  EXPECT_EQ(report["summary"]["fail"], 0);
  EXPECT_EQ(report["summary"]["ok"], 4);
  EXPECT_GT(report["bytes_read"].get<long long>(), 0);

  std::ofstream(snapshot / "files/products/funda.png", std::ios::app) << "!";
  auto bad = server_->run({"ops:backup:verify", "--json"});
  EXPECT_EQ(bad.exit_code, 1);
  // stderr (the failure line) comes after the document in the captured output.
  std::string document = bad.output.substr(0, bad.output.find('\n') + 1);
  auto failed = nlohmann::json::parse(document);
  EXPECT_EQ(failed["ok"], false);
  EXPECT_EQ(failed["summary"]["fail"], 1);
  EXPECT_EQ(failed["checks"][3]["status"], "FAIL");
  EXPECT_EQ(failed["checks"][3]["details"], "size 10 bytes, manifest says 9");

  auto unknown = server_->run({"ops:backup:verify", "backup_19990101_000000", "--json"});
  EXPECT_EQ(unknown.exit_code, 1);
  auto error = nlohmann::json::parse(unknown.output.substr(0, unknown.output.find('\n') + 1));
  EXPECT_EQ(error["ok"], false);
  EXPECT_EQ(error["error"], "Snapshot not found: backup_19990101_000000");
}

TEST_F(BackupVerify, OffATerminalProgressIsOneSummaryLine) {
  backup({"ops:backup"});
  auto verify = server_->run({"ops:backup:verify"});
  ASSERT_EQ(verify.exit_code, 0) << verify.output;
  EXPECT_EQ(verify.output.find('\r'), std::string::npos) << "no redrawn bar in a log";
  EXPECT_EQ(verify.output.find("\033["), std::string::npos);
  std::size_t lines = 0;
  for (std::size_t at = verify.output.find("Verify: "); at != std::string::npos; at = verify.output.find("Verify: ", at + 1)) ++lines;
  EXPECT_EQ(lines, 1u) << verify.output;
  EXPECT_TRUE(contains(verify.output, "Verify: 4 OK, 0 FAIL, ")) << verify.output;
}

TEST_F(BackupVerify, QuickCheckByDefaultAndTheFullIntegrityCheckOnRequest) {
  backup({"ops:backup", "--only=db"});
  auto quick = server_->run({"ops:backup:verify"});
  EXPECT_EQ(quick.exit_code, 0) << quick.output;
  auto full = server_->run({"ops:backup:verify", "--full"});
  EXPECT_EQ(full.exit_code, 0) << full.output;
  if (server_->using_server_database()) {
    EXPECT_TRUE(contains(full.output, "-- Dump completed")) << full.output;
  } else {
    EXPECT_TRUE(contains(quick.output, "| OK     | database.sqlite integrity | quick_check: ok")) << quick.output;
    EXPECT_TRUE(contains(full.output, "| OK     | database.sqlite integrity | integrity_check: ok")) << full.output;
  }
}

}  // namespace
