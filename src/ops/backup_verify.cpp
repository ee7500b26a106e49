// Snapshot verification (checks listed in backup_verify.hpp).
#include "ops/backup_verify.hpp"

#include <algorithm>

#include "ops/backup_files.hpp"
#include "ops/backup_io.hpp"
#include "ops/backup_mysql.hpp"
#include "ops/backup_sqlite.hpp"

namespace ops {

namespace {

namespace fs = std::filesystem;

std::string short_hash(const std::string& sha) { return sha.substr(0, 12); }

VerifyCheck checksum_check(const ArtifactRecord& artifact, const fs::path& location) {
  VerifyCheck check{false, artifact.file_name() + " checksum", ""};
  std::error_code ec;
  if (!fs::exists(location, ec)) {
    check.details = "missing from the snapshot";
    return check;
  }
  try {
    std::int64_t size = 0;
    std::string sha;
    if (artifact.is_files()) {
      auto digest = digest_tree(location);
      size = digest.size_bytes;
      sha = digest.sha256;
      if (digest.files != artifact.files_copied) {
        check.details = std::to_string(digest.files) + " file(s), manifest says " + std::to_string(artifact.files_copied);
        return check;
      }
    } else {
      auto digest = digest_file(location);
      size = digest.size_bytes;
      sha = digest.sha256;
    }
    if (size != artifact.size_bytes) {
      check.details = "size " + std::to_string(size) + " bytes, manifest says " + std::to_string(artifact.size_bytes);
    } else if (sha != artifact.sha256) {
      check.details = "sha256 " + short_hash(sha) + "... does not match the manifest's " + short_hash(artifact.sha256) + "...";
    } else {
      check.ok = true;
      check.details = std::to_string(size) + " bytes, sha256 " + short_hash(sha) + "... matches";
    }
  } catch (const std::exception& e) {
    check.details = e.what();
  }
  return check;
}

VerifyCheck sqlite_check(const ArtifactRecord& artifact, const fs::path& location) {
  VerifyCheck check{false, artifact.file_name() + " integrity", ""};
  try {
    std::string result = sqlite_integrity_check(location);
    check.ok = result == "ok";
    check.details = "integrity_check: " + result;
  } catch (const std::exception& e) {
    check.details = e.what();
  }
  return check;
}

VerifyCheck dump_check(const ArtifactRecord& artifact, const fs::path& location) {
  VerifyCheck check{false, artifact.file_name() + " completeness", ""};
  check.ok = dump_has_completion_trailer(location);
  check.details = check.ok ? "ends with the \"-- Dump completed\" trailer" : "no \"-- Dump completed\" trailer: the dump was cut short";
  return check;
}

}  // namespace

bool VerifyReport::ok() const { return failures() == 0 && !checks.empty(); }

int VerifyReport::failures() const {
  return static_cast<int>(std::count_if(checks.begin(), checks.end(), [](const VerifyCheck& c) { return !c.ok; }));
}

VerifyReport verify_snapshot(const fs::path& snapshot) {
  VerifyReport report;
  report.snapshot = snapshot;
  try {
    report.manifest = read_manifest(snapshot);
  } catch (const std::exception& e) {
    report.checks.push_back({false, "manifest.json", e.what()});
    return report;
  }
  const Manifest& manifest = *report.manifest;
  report.checks.push_back({true, "manifest.json",
                           "scope " + manifest.scope + ", " + std::to_string(manifest.artifacts.size()) + " artifact(s), created " +
                               manifest.created_at});
  if (manifest.artifacts.empty()) report.checks.push_back({false, "artifacts", "the manifest lists no artifact"});
  for (const auto& artifact : manifest.artifacts) {
    fs::path location = snapshot / artifact.file_name();
    auto checksum = checksum_check(artifact, location);
    report.checks.push_back(checksum);
    // Content checks only make sense on bytes that are the ones the backup wrote.
    if (!checksum.ok || !artifact.is_database()) continue;
    if (location.extension() == ".sqlite") report.checks.push_back(sqlite_check(artifact, location));
    else if (location.extension() == ".sql") report.checks.push_back(dump_check(artifact, location));
  }
  return report;
}

}  // namespace ops
