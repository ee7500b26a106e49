// manifest.json: the reference's shape plus our checksums, and the parser that decides what counts as complete.
#include "ops/snapshot_manifest.hpp"

#include <gtest/gtest.h>

namespace {

ops::Manifest sample() {
  ops::Manifest manifest;
  manifest.created_at = "2026-02-11T03:15:00-03:00";
  manifest.scope = "all";
  manifest.retention_days = 14;
  manifest.database_connection = "sqlite";
  manifest.app_version = "nico 1.0.0";
  manifest.schema_version = "0007_create_business_settings_and_audit";
  ops::ArtifactRecord database{"database", "sqlite", "storage/app/backups/backup_20260211_031500/database.sqlite", 4096,
                               -1, std::string(64, 'a'), ""};
  ops::ArtifactRecord files{"files", "", "storage/app/backups/backup_20260211_031500/files", 15, 2, std::string(64, 'b'), ""};
  manifest.artifacts = {database, files};
  return manifest;
}

TEST(BackupManifest, KeepsTheReferenceKeyOrderAndFormat) {
  std::string json = ops::manifest_to_json(sample());
  EXPECT_EQ(json.substr(0, 48), "{\n    \"created_at\": \"2026-02-11T03:15:00-03:00\",");
  std::vector<std::string> keys = {"\"created_at\"", "\"scope\"", "\"retention_days\"", "\"database_connection\"",
                                   "\"artifacts\"", "\"app_version\"", "\"schema_version\""};
  std::size_t previous = 0;
  for (const auto& key : keys) {
    auto at = json.find(key);
    ASSERT_NE(at, std::string::npos) << key;
    EXPECT_GT(at, previous) << key;
    previous = at;
  }
  EXPECT_NE(json.find("\"path\": \"storage/app/backups/backup_20260211_031500/files\""), std::string::npos)
      << "slashes are not escaped";
  EXPECT_NE(json.back(), '\n');
  // The files artifact has no driver; the database artifact has no files_copied.
  auto files_at = json.find("\"type\": \"files\"");
  EXPECT_EQ(json.find("\"driver\"", files_at), std::string::npos);
  EXPECT_EQ(json.find("\"files_copied\""), json.find("\"files_copied\"", files_at));
}

TEST(BackupManifest, RoundTripsEveryField) {
  auto parsed = ops::parse_manifest(ops::manifest_to_json(sample()));
  EXPECT_EQ(parsed.created_at, "2026-02-11T03:15:00-03:00");
  EXPECT_EQ(parsed.scope, "all");
  EXPECT_EQ(parsed.retention_days, 14);
  EXPECT_EQ(parsed.schema_version.value_or(""), "0007_create_business_settings_and_audit");
  ASSERT_EQ(parsed.artifacts.size(), 2u);
  EXPECT_EQ(parsed.artifacts[0].file_name(), "database.sqlite");
  EXPECT_EQ(parsed.artifacts[0].size_bytes, 4096);
  EXPECT_EQ(parsed.artifacts[1].file_name(), "files");
  EXPECT_EQ(parsed.artifacts[1].files_copied, 2);
  EXPECT_EQ(parsed.artifacts[1].sha256, std::string(64, 'b'));

  auto files_only = sample();
  files_only.schema_version.reset();
  EXPECT_NE(ops::manifest_to_json(files_only).find("\"schema_version\": null"), std::string::npos);
  EXPECT_FALSE(ops::parse_manifest(ops::manifest_to_json(files_only)).schema_version.has_value());
}

TEST(BackupManifest, RejectsWhatCannotDescribeACompleteSnapshot) {
  auto rejects = [](const std::string& json, const std::string& reason) {
    try {
      ops::parse_manifest(json);
      ADD_FAILURE() << "accepted: " << json;
    } catch (const std::runtime_error& e) {
      EXPECT_NE(std::string(e.what()).find(reason), std::string::npos) << e.what();
    }
  };
  rejects("{}", "missing \"created_at\"");
  rejects("not json", "not valid JSON");
  rejects("[]", "not a JSON object");
  std::string good = ops::manifest_to_json(sample());
  auto replaced = [&](const std::string& from, const std::string& to) {
    std::string text = good;
    text.replace(text.find(from), from.size(), to);
    return text;
  };
  rejects(replaced("\"scope\": \"all\"", "\"scope\": \"some\""), "unknown scope");
  rejects(replaced("\"size_bytes\": 4096", "\"size_bytes\": \"4096\""), "\"size_bytes\" has the wrong type");
  rejects(replaced("\"type\": \"files\"", "\"type\": \"photos\""), "unknown artifact type");
  rejects(replaced("backup_20260211_031500/files\"", "..\""), "has no file name");
}

}  // namespace
