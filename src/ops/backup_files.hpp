// The files artifact: a copy of the uploads tree (OPS_BACKUP_FILES_SOURCE) and its one-hash fingerprint.
//
// Tree fingerprint (the artifact's sha256): SHA-256 over the listing of every entry, sorted by relative path
// (generic '/' form, byte order), one record per entry:
//   directory: "d" NUL <relative path> NUL NUL NUL "\n"
//   file:      "f" NUL <relative path> NUL <size in bytes, decimal> NUL <sha256 hex of the content> "\n"
// so a changed byte, a renamed, missing or extra file, or a missing empty folder all change it.
// Only directories and regular files are part of a tree: symlinks and special files are skipped (a symlink in the
// uploads could point anywhere, including into the backups).
#pragma once

#include <cstdint>
#include <filesystem>
#include <functional>
#include <string>

namespace ops {

struct TreeDigest {
  std::int64_t files = 0;       // regular files
  std::int64_t size_bytes = 0;  // sum of their sizes
  std::string sha256;           // fingerprint described above
};

// (files copied so far, files in total).
using FileProgress = std::function<void(std::int64_t done, std::int64_t total)>;

// What happens to each file's bytes on the way (backup_encryption.hpp): kEncrypt stores `name.enc`, kDecrypt turns
// `name.enc` back into `name` (other names are copied as they are).
struct TreeCipher {
  enum class Mode { kNone, kEncrypt, kDecrypt };
  Mode mode = Mode::kNone;
  std::string key;  // raw 32 bytes when mode != kNone
};

// Copies `source` into the new folder `destination` (created, also when `source` does not exist: the reference
// backs up a missing uploads folder as an empty one). `exclude` (usually the backup root) is skipped if it lies
// inside `source`, so a misconfigured source never copies old backups into new ones. Files are not fsynced one
// by one: the caller syncs the filesystem once before the snapshot is renamed into place.
// Throws std::runtime_error "Could not copy file: <path> (<reason>)".
// The returned digest describes the tree as written (encrypted names and bytes when encrypting).
TreeDigest copy_tree(const std::filesystem::path& source, const std::filesystem::path& destination,
                     const std::filesystem::path& exclude, const FileProgress& progress = {},
                     const TreeCipher& cipher = {});

// True when `folder` holds at least one regular file anywhere below it (stops at the first one); false when it
// does not exist.
bool tree_has_files(const std::filesystem::path& folder);

// Fingerprint of an existing tree (verify). Throws std::runtime_error when it cannot be read.
TreeDigest digest_tree(const std::filesystem::path& root);

}  // namespace ops
