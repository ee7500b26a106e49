// `nico ops:backup:verify`: is a snapshot complete and intact? Checks, in order, each one a row of the report:
//   1. manifest.json is present and parses (without it nothing else can be checked);
//   2. per artifact: it exists, and its size and SHA-256 match the manifest (files: the tree fingerprint);
//   3. database.sqlite: PRAGMA integrity_check answers "ok";
//   4. database.sql: ends with the dump tool's "-- Dump completed" trailer (a cut dump does not).
// Encrypted artifacts (*.enc): 2 checks the stored bytes; with the key, the database artifact is also decrypted (which
// authenticates every chunk) into a private temp folder beside the snapshot for 3/4; without the key 3/4 are reported
// as not checked (OK), since the checksums still prove the bytes are the ones written.
// Read-only: verifying never changes the snapshot. Blocking file I/O (hashes every byte).
#pragma once

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

  bool ok() const;
  int failures() const;
};

// `key`: raw OPS_BACKUP_ENCRYPTION_KEY bytes, "" when not configured.
VerifyReport verify_snapshot(const std::filesystem::path& snapshot, const std::string& key = {});

}  // namespace ops
