// Snapshot verification (checks listed in backup_verify.hpp).
#include "ops/backup_verify.hpp"

#include <algorithm>
#include <optional>

#include "core/crypto.hpp"
#include "ops/backup_encryption.hpp"
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

// A private folder for decrypted copies, removed with everything in it when the check is done.
struct DecryptFolder {
  fs::path path;
  explicit DecryptFolder(const fs::path& snapshot) {
    std::string name = ".verify-" + core::random_token(8);
    std::error_code ec;
    path = snapshot.parent_path() / name;
    if (!fs::create_directory(path, ec)) {
      path = fs::temp_directory_path() / name;  // a read-only backup mount: decrypt elsewhere
      fs::create_directory(path);
    }
    fs::permissions(path, fs::perms::owner_all, ec);
  }
  ~DecryptFolder() {
    std::error_code ec;
    fs::remove_all(path, ec);
  }
};

bool has_suffix(const std::string& text, std::string_view suffix) {
  return text.size() > suffix.size() && text.compare(text.size() - suffix.size(), suffix.size(), suffix) == 0;
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

// Content checks (integrity / trailer) of a database artifact whose stored bytes matched the manifest.
void content_checks(const ArtifactRecord& artifact, const fs::path& location, const std::string& key,
                    std::vector<VerifyCheck>& checks) {
  std::string name = artifact.file_name();
  fs::path plain = location;
  std::optional<DecryptFolder> folder;
  if (!artifact.encryption.empty() || has_suffix(name, kEncryptedSuffix)) {
    if (key.empty()) {
      checks.push_back({true, name + " content", "encrypted; not checked without OPS_BACKUP_ENCRYPTION_KEY"});
      return;
    }
    try {
      folder.emplace(location.parent_path());
      plain = folder->path / name.substr(0, name.size() - kEncryptedSuffix.size());
      decrypt_file(location, plain, key, false);
      checks.push_back({true, name + " decryption", "authenticated with OPS_BACKUP_ENCRYPTION_KEY"});
    } catch (const std::exception& e) {
      checks.push_back({false, name + " decryption", e.what()});
      return;
    }
  }
  if (plain.extension() == ".sqlite") checks.push_back(sqlite_check(artifact, plain));
  else if (plain.extension() == ".sql") checks.push_back(dump_check(artifact, plain));
}

VerifyReport verify_snapshot(const fs::path& snapshot, const std::string& key) {
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
    content_checks(artifact, location, key, report.checks);
  }
  return report;
}

}  // namespace ops
