// Snapshot verification (checks, order and cost in backup_verify.hpp): one read per artifact, the content check of
// a plain SQLite file beside its hash, progress while it runs.
#include "ops/backup_verify.hpp"

#include <algorithm>
#include <atomic>
#include <chrono>
#include <future>
#include <optional>

#include "core/crypto.hpp"
#include "core/log.hpp"
#include "ops/backup_encryption.hpp"
#include "ops/backup_files.hpp"
#include "ops/backup_io.hpp"
#include "ops/backup_mysql.hpp"
#include "ops/backup_progress.hpp"
#include "ops/backup_sqlite.hpp"

namespace ops {

namespace {

namespace fs = std::filesystem;

constexpr auto kRedraw = std::chrono::milliseconds(100);

std::string short_hash(const std::string& sha) { return sha.substr(0, 12); }

bool has_suffix(const std::string& text, std::string_view suffix) {
  return text.size() > suffix.size() && text.compare(text.size() - suffix.size(), suffix.size(), suffix) == 0;
}

bool is_encrypted(const ArtifactRecord& artifact) {
  return !artifact.encryption.empty() || has_suffix(artifact.file_name(), kEncryptedSuffix);
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

// The whole verification's progress: bytes hashed against the manifest's total, then the content check's elapsed
// time. Drawn from the calling thread only.
class VerifyProgress {
 public:
  VerifyProgress(const VerifyOptions& options, std::int64_t total_bytes) : total_(total_bytes) {
    if (options.progress) bar_.emplace(options.terminal, "Verify");
  }
  void bytes(std::int64_t done_in_artifact) {
    if (!bar_) return;
    std::int64_t done = base_ + done_in_artifact;
    double fraction = total_ > 0 ? static_cast<double>(done) / static_cast<double>(total_) : 1.0;
    bar_->update(std::min(fraction, 1.0), human_bytes(done) + " / " + human_bytes(total_) + " hashed");
  }
  void artifact_done(std::int64_t size) { base_ += size; }
  void checking(const std::string& what) {
    if (bar_) bar_->update(total_ > 0 ? std::min(1.0, static_cast<double>(base_) / static_cast<double>(total_)) : 1.0, what);
  }
  void finish(const VerifyReport& report) {
    if (!bar_) return;
    int failures = report.failures();
    bar_->finish(std::to_string(report.checks.size() - static_cast<std::size_t>(failures)) + " OK, " +
                 std::to_string(failures) + " FAIL, " + human_bytes(report.bytes_read) + " read");
  }

 private:
  std::optional<StepProgress> bar_;
  std::int64_t total_;
  std::int64_t base_ = 0;
};

// Waits for a check running on another thread, redrawing the progress line (and its elapsed time) meanwhile.
template <typename T>
T wait_for(std::future<T>& pending, VerifyProgress& progress, const std::string& what) {
  while (pending.wait_for(kRedraw) != std::future_status::ready) progress.checking(what + " running");
  return pending.get();
}

VerifyCheck compare_with_manifest(const ArtifactRecord& artifact, std::int64_t size, const std::string& sha) {
  VerifyCheck check{false, artifact.file_name() + " checksum", ""};
  if (size != artifact.size_bytes) {
    check.details = "size " + std::to_string(size) + " bytes, manifest says " + std::to_string(artifact.size_bytes);
  } else if (sha != artifact.sha256) {
    check.details = "sha256 " + short_hash(sha) + "... does not match the manifest's " + short_hash(artifact.sha256) + "...";
  } else {
    check.ok = true;
    check.details = std::to_string(size) + " bytes, sha256 " + short_hash(sha) + "... matches";
  }
  return check;
}

VerifyCheck missing(const ArtifactRecord& artifact) {
  return {false, artifact.file_name() + " checksum", "missing from the snapshot"};
}

VerifyCheck no_key(const ArtifactRecord& artifact) {
  return {false, artifact.file_name() + " decryption",
          "the snapshot is encrypted and OPS_BACKUP_ENCRYPTION_KEY is not set: set it to the key the snapshot was made "
          "with (without it the snapshot cannot be restored)"};
}

// Content check of a SQLite file; runs on any thread. `cancel` stops it early (the checksum already failed).
VerifyCheck sqlite_content(const std::string& name, const fs::path& plain, bool full, const std::atomic<bool>& cancel) {
  VerifyCheck check{false, name + " integrity", ""};
  const char* pragma = full ? "integrity_check" : "quick_check";
  try {
    std::string result = sqlite_check(plain, full ? SqliteCheck::kFull : SqliteCheck::kQuick,
                                      [&] { return !cancel.load(std::memory_order_relaxed); });
    check.ok = result == "ok";
    check.details = std::string(pragma) + ": " + result;
  } catch (const std::exception& e) {
    check.details = e.what();
  }
  return check;
}

VerifyCheck dump_content(const std::string& name, const fs::path& plain) {
  VerifyCheck check{false, name + " completeness", ""};
  check.ok = dump_has_completion_trailer(plain);
  check.details = check.ok ? "ends with the \"-- Dump completed\" trailer" : "no \"-- Dump completed\" trailer: the dump was cut short";
  return check;
}

// Plain database artifact: the SHA-256 here while the content check reads the same file on a second thread.
void verify_plain_database(const ArtifactRecord& artifact, const fs::path& location, const VerifyOptions& options,
                           VerifyProgress& progress, VerifyReport& report) {
  const std::string name = artifact.file_name();
  std::atomic<bool> cancel{false};
  std::optional<std::future<VerifyCheck>> content;
  if (location.extension() == ".sqlite") {
    content = std::async(std::launch::async,
                         [&] { return sqlite_content(name, location, options.full_integrity, cancel); });
  }
  std::optional<VerifyCheck> checksum;
  try {
    auto digest = digest_file(location, [&](std::int64_t done) { progress.bytes(done); });
    report.bytes_read += digest.size_bytes;
    checksum = compare_with_manifest(artifact, digest.size_bytes, digest.sha256);
  } catch (const std::exception& e) {
    checksum = VerifyCheck{false, name + " checksum", e.what()};
  }
  progress.artifact_done(artifact.size_bytes);
  report.checks.push_back(*checksum);
  // Content checks only make sense on bytes that are the ones the backup wrote.
  if (!checksum->ok) cancel = true;
  if (content) {
    VerifyCheck result = wait_for(*content, progress, options.full_integrity ? "integrity_check" : "quick_check");
    if (checksum->ok) report.checks.push_back(result);
  } else if (checksum->ok && location.extension() == ".sql") {
    report.checks.push_back(dump_content(name, location));
  }
}

// Encrypted database artifact: one read hashes the stored bytes and decrypts them into a private temp folder, then
// the content check reads the plaintext.
void verify_encrypted_database(const ArtifactRecord& artifact, const fs::path& location, const VerifyOptions& options,
                               VerifyProgress& progress, VerifyReport& report) {
  const std::string name = artifact.file_name();
  if (options.key.empty()) {
    try {
      auto digest = digest_file(location, [&](std::int64_t done) { progress.bytes(done); });
      report.bytes_read += digest.size_bytes;
      report.checks.push_back(compare_with_manifest(artifact, digest.size_bytes, digest.sha256));
    } catch (const std::exception& e) {
      report.checks.push_back({false, name + " checksum", e.what()});
    }
    progress.artifact_done(artifact.size_bytes);
    report.checks.push_back(no_key(artifact));
    return;
  }
  std::optional<DecryptFolder> folder;
  fs::path plain;
  std::string decrypt_error;
  try {
    folder.emplace(location.parent_path());
    std::string plain_name = has_suffix(name, kEncryptedSuffix) ? name.substr(0, name.size() - kEncryptedSuffix.size()) : name;
    plain = folder->path / plain_name;
    auto digest = decrypt_and_digest(location, plain, options.key, [&](std::int64_t done) { progress.bytes(done); });
    report.bytes_read += digest.size_bytes;
    report.checks.push_back(compare_with_manifest(artifact, digest.size_bytes, digest.sha256));
  } catch (const std::exception& e) {
    decrypt_error = e.what();
    // The decryption stopped early (wrong key, damage): the checksum row still needs every stored byte.
    try {
      auto digest = digest_file(location, [&](std::int64_t done) { progress.bytes(done); });
      report.bytes_read += digest.size_bytes;
      report.checks.push_back(compare_with_manifest(artifact, digest.size_bytes, digest.sha256));
    } catch (const std::exception& read_error) {
      report.checks.push_back({false, name + " checksum", read_error.what()});
    }
  }
  progress.artifact_done(artifact.size_bytes);
  if (!report.checks.back().ok) return;  // bytes that are not the backup's: nothing more to learn from them
  if (!decrypt_error.empty()) {
    report.checks.push_back({false, name + " decryption", decrypt_error});
    return;
  }
  report.checks.push_back({true, name + " decryption", "every chunk authenticated with OPS_BACKUP_ENCRYPTION_KEY"});
  if (plain.extension() == ".sqlite") {
    std::atomic<bool> cancel{false};
    auto content = std::async(std::launch::async, [&] { return sqlite_content(name, plain, options.full_integrity, cancel); });
    report.checks.push_back(wait_for(content, progress, options.full_integrity ? "integrity_check" : "quick_check"));
  } else if (plain.extension() == ".sql") {
    report.checks.push_back(dump_content(name, plain));
  }
}

// The first regular file of a tree in name order, or empty when there is none.
fs::path first_file(const fs::path& root) {
  std::error_code ec;
  fs::path first;
  for (fs::recursive_directory_iterator it(root, ec), end; !ec && it != end; it.increment(ec)) {
    if (it->is_regular_file(ec) && (first.empty() || it->path() < first)) first = it->path();
  }
  return first;
}

void verify_files(const ArtifactRecord& artifact, const fs::path& location, const VerifyOptions& options,
                  VerifyProgress& progress, VerifyReport& report) {
  const std::string name = artifact.file_name();
  VerifyCheck checksum{false, name + " checksum", ""};
  try {
    auto digest = digest_tree(location);
    report.bytes_read += digest.size_bytes;
    if (digest.files != artifact.files_copied) {
      checksum.details = std::to_string(digest.files) + " file(s), manifest says " + std::to_string(artifact.files_copied);
    } else {
      checksum = compare_with_manifest(artifact, digest.size_bytes, digest.sha256);
    }
  } catch (const std::exception& e) {
    checksum.details = e.what();
  }
  progress.artifact_done(artifact.size_bytes);
  report.checks.push_back(checksum);
  if (!checksum.ok || !is_encrypted(artifact)) return;
  if (options.key.empty()) {
    report.checks.push_back(no_key(artifact));
    return;
  }
  // Every file was encrypted with the same key: authenticating one in full proves the configured key is that one
  // (the checksum above already proved the others are the bytes the backup wrote).
  fs::path sample = first_file(location);
  if (sample.empty()) {
    report.checks.push_back({true, name + " decryption", "no file to check the key against (the tree is empty)"});
    return;
  }
  try {
    decrypt_and_digest(sample, {}, options.key);
    report.checks.push_back({true, name + " decryption",
                             "OPS_BACKUP_ENCRYPTION_KEY opens " + sample.lexically_relative(location).generic_string()});
  } catch (const std::exception& e) {
    report.checks.push_back({false, name + " decryption", e.what()});
  }
}

}  // namespace

bool VerifyReport::ok() const { return failures() == 0 && !checks.empty(); }

int VerifyReport::failures() const {
  return static_cast<int>(std::count_if(checks.begin(), checks.end(), [](const VerifyCheck& c) { return !c.ok; }));
}

VerifyReport verify_snapshot(const fs::path& snapshot, const VerifyOptions& options) {
  auto started = std::chrono::steady_clock::now();
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
  std::int64_t total = 0;
  for (const auto& artifact : manifest.artifacts) total += std::max<std::int64_t>(artifact.size_bytes, 0);
  VerifyProgress progress(options, total);
  for (const auto& artifact : manifest.artifacts) {
    fs::path location = snapshot / artifact.file_name();
    std::error_code ec;
    if (!fs::exists(location, ec)) {
      report.checks.push_back(missing(artifact));
      progress.artifact_done(artifact.size_bytes);
      continue;
    }
    if (artifact.is_files()) verify_files(artifact, location, options, progress, report);
    else if (is_encrypted(artifact)) verify_encrypted_database(artifact, location, options, progress, report);
    else verify_plain_database(artifact, location, options, progress, report);
  }
  report.seconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - started).count();
  progress.finish(report);
  return report;
}

VerifyReport verify_snapshot(const fs::path& snapshot, const std::string& key) {
  VerifyOptions options;
  options.key = key;
  return verify_snapshot(snapshot, options);
}

std::string verify_report_json(const VerifyReport& report, const std::string& shown_path) {
  std::string out = "{\"snapshot\":" + core::json_quote(report.snapshot.filename().string()) +
                    ",\"path\":" + core::json_quote(shown_path) + ",\"ok\":" + (report.ok() ? "true" : "false") +
                    ",\"checks\":[";
  for (std::size_t i = 0; i < report.checks.size(); ++i) {
    const auto& check = report.checks[i];
    if (i) out += ",";
    out += "{\"status\":" + core::json_quote(check.ok ? "OK" : "FAIL") + ",\"check\":" + core::json_quote(check.check) +
           ",\"details\":" + core::json_quote(check.details) + "}";
  }
  const int failures = report.failures();
  char seconds[32];
  std::snprintf(seconds, sizeof seconds, "%.3f", report.seconds);
  out += "],\"summary\":{\"ok\":" + std::to_string(static_cast<int>(report.checks.size()) - failures) +
         ",\"fail\":" + std::to_string(failures) + "},\"bytes_read\":" + std::to_string(report.bytes_read) +
         ",\"seconds\":" + seconds + "}\n";
  return out;
}

}  // namespace ops
