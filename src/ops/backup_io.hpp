// Snapshot file I/O shared by backup, verify and restore: streaming SHA-256, durable artifact writes
// (write + hash in one pass, fsync before close) and directory fsync for the atomic rename.
// Everything here is blocking file I/O: call it from a command or a worker, never from an IO thread.
#pragma once

#include <cstdint>
#include <filesystem>
#include <functional>
#include <memory>
#include <string>
#include <string_view>

namespace ops {

// Size and SHA-256 of the bytes of one stored file.
struct FileDigest {
  std::int64_t size_bytes = 0;
  std::string sha256;  // lowercase hex, 64 characters
};

// Incremental SHA-256 (OpenSSL EVP, hardware-accelerated where the CPU has it).
class Sha256 final {
 public:
  Sha256();
  ~Sha256();
  Sha256(const Sha256&) = delete;
  Sha256& operator=(const Sha256&) = delete;
  void update(const void* data, std::size_t size);
  void update(std::string_view data) { update(data.data(), data.size()); }
  std::string hex_digest();  // finishes the hash; call once

 private:
  struct State;
  std::unique_ptr<State> state_;
};

// Reads the whole file. Throws std::runtime_error naming the file when it cannot be read.
// `progress(bytes hashed so far)` after each chunk, on the calling thread.
FileDigest digest_file(const std::filesystem::path& file, const std::function<void(std::int64_t)>& progress = {});

// Bounded dirty data while a big file is written: after every 8 MiB, start the kernel's writeback of that window
// and wait for the window before it. Why: letting 1 GiB pile up in the page cache and fsyncing it at the end makes
// the filesystem journal commit wait for all of it, and the live server's own fsync (SQLite checkpoint, InnoDB log)
// then stalls behind our backup for seconds. sync_file_range writes data only (no journal commit), so each wait is
// bounded by one window. Best effort: errors are ignored here and caught by the final fsync.
class WritebackPacer final {
 public:
  explicit WritebackPacer(int fd) : fd_(fd) {}
  // `written` = bytes of the file written so far (sequential writers) or its current size.
  void advance(std::int64_t written);
  // Starts writeback of whatever is left, without waiting (the final fsync/syncfs waits).
  void flush_async();

 private:
  int fd_;
  std::int64_t started_ = 0;  // writeback requested up to here
  std::int64_t waited_ = 0;   // known on disk up to here
};

// A new file written sequentially, hashed as it is written. finish() closes it (fsync first when `sync_on_finish`;
// a tree of many small files is made durable once with sync_filesystem() instead) and returns the digest; a writer destroyed without finish() closes the file and leaves it for the caller's temp-folder
// cleanup. Throws std::runtime_error (with errno text) on any failed write: a full disk is an error, not a short file.
class ArtifactWriter final {
 public:
  explicit ArtifactWriter(const std::filesystem::path& file, bool sync_on_finish = true);
  // A scratch file that is read back at once and deleted (verify's decrypted copy): no writeback pacing, no fsync,
  // so a file deleted within the kernel's dirty expiry (30 s by default) may never reach the disk at all.
  struct Scratch {};
  ArtifactWriter(const std::filesystem::path& file, Scratch);
  ~ArtifactWriter();
  ArtifactWriter(const ArtifactWriter&) = delete;
  ArtifactWriter& operator=(const ArtifactWriter&) = delete;

  void write(const void* data, std::size_t size);
  void write(std::string_view data) { write(data.data(), data.size()); }
  std::int64_t bytes_written() const { return size_; }
  FileDigest finish();

 private:
  std::filesystem::path file_;
  int fd_ = -1;
  bool sync_on_finish_;
  WritebackPacer pacer_{-1};
  std::int64_t size_ = 0;
  Sha256 hash_;
};

// fsync of a file or a directory (a directory fsync makes the names created or renamed in it durable).
// Throws std::runtime_error on failure.
void fsync_path(const std::filesystem::path& path);

// Flushes every dirty page of the filesystem holding `path` (syncfs): one call instead of one fsync per small file.
void sync_filesystem(const std::filesystem::path& path);

// Copies one regular file (streamed, not fsynced: see sync_filesystem) and returns the digest of the copy.
// Throws "Could not copy file: <source>" (the reference's message) with the system reason.
// `progress(bytes copied so far)` after each chunk, on the calling thread.
FileDigest copy_file_hashed(const std::filesystem::path& from, const std::filesystem::path& to,
                            const std::function<void(std::int64_t)>& progress = {});

// "1.4 GiB", "512 KiB": sizes for people.
std::string human_bytes(std::int64_t bytes);

}  // namespace ops
