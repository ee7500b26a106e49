// Uploads tree copy and fingerprint (format in backup_files.hpp).
#include "ops/backup_files.hpp"

#include <algorithm>
#include <optional>
#include <stdexcept>
#include <vector>

#include "core/log.hpp"
#include "ops/backup_encryption.hpp"
#include "ops/backup_io.hpp"

namespace ops {

namespace {

namespace fs = std::filesystem;

struct TreeEntry {
  std::string relative;  // generic form, '/' separated
  bool directory = false;
};

// Every directory and regular file under `root`, sorted; symlinks and special files are counted in `skipped`.
std::vector<TreeEntry> walk(const fs::path& root, const fs::path& exclude, std::int64_t& skipped) {
  std::vector<TreeEntry> entries;
  std::error_code ec;
  if (!fs::is_directory(root, ec)) return entries;
  std::error_code same_error;
  fs::recursive_directory_iterator it(root, fs::directory_options::none, ec), end;
  if (ec) throw std::runtime_error("Could not read " + root.string() + ": " + ec.message());
  for (; it != end; it.increment(ec)) {
    if (ec) throw std::runtime_error("Could not read " + root.string() + ": " + ec.message());
    auto status = it->symlink_status(ec);
    if (ec) throw std::runtime_error("Could not read " + it->path().string() + ": " + ec.message());
    if (!exclude.empty() && fs::is_directory(status) && fs::equivalent(it->path(), exclude, same_error)) {
      it.disable_recursion_pending();
      continue;
    }
    std::string relative = it->path().lexically_relative(root).generic_string();
    if (fs::is_directory(status)) entries.push_back({relative, true});
    else if (fs::is_regular_file(status)) entries.push_back({relative, false});
    else ++skipped;
  }
  std::sort(entries.begin(), entries.end(), [](const TreeEntry& a, const TreeEntry& b) { return a.relative < b.relative; });
  return entries;
}

class TreeFingerprint {
 public:
  void directory(const std::string& relative) { record("d", relative, "", ""); }
  void file(const std::string& relative, const FileDigest& digest) {
    record("f", relative, std::to_string(digest.size_bytes), digest.sha256);
    ++result_.files;
    result_.size_bytes += digest.size_bytes;
  }
  TreeDigest finish() {
    result_.sha256 = hash_.hex_digest();
    return result_;
  }

 private:
  void record(std::string_view kind, const std::string& relative, const std::string& size, const std::string& sha) {
    static const char kNul = '\0';
    hash_.update(kind);
    hash_.update(&kNul, 1);
    hash_.update(relative);
    hash_.update(&kNul, 1);
    hash_.update(size);
    hash_.update(&kNul, 1);
    hash_.update(sha);
    hash_.update("\n");
  }
  Sha256 hash_;
  TreeDigest result_;
};

void warn_skipped(const fs::path& root, std::int64_t skipped) {
  if (skipped > 0)
    core::log::warning("backup skipped entries that are neither folders nor regular files",
                       {{"root", root.string()}, {"count", std::to_string(skipped)}});
}

}  // namespace

TreeDigest copy_tree(const fs::path& source, const fs::path& destination, const fs::path& exclude,
                     const FileProgress& progress, const TreeCipher& cipher) {
  fs::create_directory(destination);
  std::int64_t skipped = 0;
  auto entries = walk(source, exclude, skipped);
  warn_skipped(source, skipped);
  std::int64_t total = std::count_if(entries.begin(), entries.end(), [](const TreeEntry& e) { return !e.directory; });
  std::int64_t done = 0;
  // Records under the names as written; sorted again below because a ".enc" suffix can change the order.
  std::vector<std::pair<std::string, std::optional<FileDigest>>> written;
  for (const auto& entry : entries) {
    if (entry.directory) {
      std::error_code ec;
      fs::create_directory(destination / fs::path(entry.relative), ec);
      if (ec) throw std::runtime_error("Could not create folder: " + (destination / entry.relative).string() + " (" + ec.message() + ")");
      written.emplace_back(entry.relative, std::nullopt);
      continue;
    }
    fs::path from = source / fs::path(entry.relative);
    std::string name = entry.relative;
    FileDigest digest;
    if (cipher.mode == TreeCipher::Mode::kEncrypt) {
      name += kEncryptedSuffix;
      digest = encrypt_file(from, destination / fs::path(name), cipher.key, false);
    } else if (cipher.mode == TreeCipher::Mode::kDecrypt && name.size() > kEncryptedSuffix.size() &&
               name.compare(name.size() - kEncryptedSuffix.size(), kEncryptedSuffix.size(), kEncryptedSuffix) == 0) {
      name.resize(name.size() - kEncryptedSuffix.size());
      decrypt_file(from, destination / fs::path(name), cipher.key, false);
      digest = digest_file(destination / fs::path(name));
    } else {
      digest = copy_file_hashed(from, destination / fs::path(name));
    }
    written.emplace_back(name, digest);
    if (progress) progress(++done, total);
  }
  std::sort(written.begin(), written.end(), [](const auto& a, const auto& b) { return a.first < b.first; });
  TreeFingerprint fingerprint;
  for (const auto& [name, digest] : written) {
    if (digest) fingerprint.file(name, *digest);
    else fingerprint.directory(name);
  }
  return fingerprint.finish();
}

bool tree_has_files(const fs::path& folder) {
  std::error_code ec;
  if (!fs::is_directory(folder, ec)) return false;
  for (fs::recursive_directory_iterator it(folder, ec), end; !ec && it != end; it.increment(ec)) {
    if (it->is_regular_file(ec)) return true;
  }
  return false;
}

TreeDigest digest_tree(const fs::path& root) {
  std::error_code ec;
  if (!fs::is_directory(root, ec)) throw std::runtime_error("folder not found: " + root.string());
  std::int64_t skipped = 0;
  TreeFingerprint fingerprint;
  for (const auto& entry : walk(root, {}, skipped)) {
    if (entry.directory) fingerprint.directory(entry.relative);
    else fingerprint.file(entry.relative, digest_file(root / fs::path(entry.relative)));
  }
  // Something that is neither a folder nor a file inside a snapshot was not put there by a backup.
  if (skipped > 0) throw std::runtime_error(std::to_string(skipped) + " unexpected non-file entries in " + root.string());
  return fingerprint.finish();
}

}  // namespace ops
