// `nico ops:backup:verify`: is a snapshot complete and intact? Checks, in order, each one a row of the report:
//   1. manifest.json is present and parses (without it nothing else can be checked);
//   2. per artifact: it exists, and its size and SHA-256 match the manifest (files: the tree fingerprint);
//   3. encrypted artifacts (*.enc, manifest "encryption"): OPS_BACKUP_ENCRYPTION_KEY is configured and opens them
//      (every chunk of the database artifact is authenticated; for the files, one file proves the key). No key or
//      the wrong key is a FAIL: a snapshot nobody can decrypt is not a backup;
//   4. database.sqlite: PRAGMA quick_check (default) or integrity_check (`full_integrity`) answers "ok";
//   5. database.sql: ends with the dump tool's "-- Dump completed" trailer (a cut dump does not).
// Why quick_check by default: 2 proves the bytes are exactly the ones the backup wrote, and the backup wrote them
// through SQLite's own backup API, so what is left to catch is damage in the b-tree structure, which quick_check
// reads in full; the index-against-table cross-check of integrity_check costs most of the time on a big database.
//
// Cost: each artifact is read once. The SHA-256 of a plain SQLite file and its content check run side by side on
// two threads (the second reads the file from the page cache the first warms); an encrypted database is hashed and
// decrypted in the same read, into a private temp folder beside the snapshot that is removed afterwards.
// Read-only: verifying never changes the snapshot. Blocking file I/O.
#pragma once

#include <cstdint>
#include <filesystem>
#include <optional>
#include <string>
#include <vector>

#include "ops/snapshot_manifest.hpp"

namespace ops {

struct VerifyCheck {
  bool ok = false;
  std::string check;    // "manifest.json", "database.sqlite checksum", "database.sqlite integrity", …
  std::string details;  // what was found, one line
};

struct VerifyReport {
  std::filesystem::path snapshot;
  std::optional<Manifest> manifest;  // set when check 1 passed
  std::vector<VerifyCheck> checks;
  std::int64_t bytes_read = 0;  // artifact bytes hashed
  double seconds = 0;           // wall time of the whole verification

  bool ok() const;
  int failures() const;
};

struct VerifyOptions {
  std::string key;              // raw OPS_BACKUP_ENCRYPTION_KEY bytes, "" when not configured
  bool full_integrity = false;  // PRAGMA integrity_check instead of quick_check
  bool progress = false;        // print progress (ops::StepProgress: a bar on a terminal, else one summary line)
  bool terminal = false;
};

VerifyReport verify_snapshot(const std::filesystem::path& snapshot, const VerifyOptions& options);
// `key`: raw OPS_BACKUP_ENCRYPTION_KEY bytes, "" when not configured. No progress output.
VerifyReport verify_snapshot(const std::filesystem::path& snapshot, const std::string& key = {});

// `ops:backup:verify --json`: {"snapshot", "path", "ok", "checks":[{"status":"OK"|"FAIL","check","details"}],
// "summary":{"ok","fail"}, "bytes_read", "seconds"} and a newline. `shown_path`: the snapshot as shown to people.
std::string verify_report_json(const VerifyReport& report, const std::string& shown_path);

}  // namespace ops
