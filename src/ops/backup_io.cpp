// Streaming SHA-256 and durable file writes for snapshots (see backup_io.hpp).
#include "ops/backup_io.hpp"

#include <fcntl.h>
#include <openssl/evp.h>
#include <unistd.h>

#include <cerrno>
#include <cstring>
#include <stdexcept>
#include <vector>

#include "core/crypto.hpp"
#include "core/unique_fd.hpp"

namespace ops {

namespace {

// 1 MiB: large enough that syscalls are not the cost, small enough to stay in cache.
constexpr std::size_t kChunkBytes = 1 << 20;
// Writeback window of WritebackPacer: a few tens of milliseconds of disk time.
constexpr std::int64_t kWritebackWindowBytes = 8 << 20;

std::runtime_error io_error(const std::string& what, const std::filesystem::path& path) {
  return std::runtime_error(what + " " + path.string() + ": " + std::strerror(errno));
}

// Closes the descriptor when the scope ends, whatever happens.
}  // namespace

struct Sha256::State {
  EVP_MD_CTX* context = nullptr;
};

Sha256::Sha256() : state_(std::make_unique<State>()) {
  state_->context = EVP_MD_CTX_new();
  if (!state_->context || EVP_DigestInit_ex(state_->context, EVP_sha256(), nullptr) != 1)
    throw std::runtime_error("cannot initialise SHA-256");
}

Sha256::~Sha256() { EVP_MD_CTX_free(state_->context); }

void Sha256::update(const void* data, std::size_t size) {
  if (size > 0) EVP_DigestUpdate(state_->context, data, size);
}

std::string Sha256::hex_digest() {
  unsigned char out[EVP_MAX_MD_SIZE];
  unsigned int length = 0;
  EVP_DigestFinal_ex(state_->context, out, &length);
  return core::hex_encode(std::string_view(reinterpret_cast<const char*>(out), length));
}

FileDigest digest_file(const std::filesystem::path& file, const std::function<void(std::int64_t)>& progress) {
  core::UniqueFd in(::open(file.c_str(), O_RDONLY | O_CLOEXEC));
  if (!in.valid()) throw io_error("cannot open", file);
  std::vector<char> buffer(kChunkBytes);
  Sha256 hash;
  FileDigest digest;
  for (;;) {
    ssize_t n = ::read(in.get(), buffer.data(), buffer.size());
    if (n < 0 && errno == EINTR) continue;
    if (n < 0) throw io_error("cannot read", file);
    if (n == 0) break;
    hash.update(buffer.data(), static_cast<std::size_t>(n));
    digest.size_bytes += n;
    if (progress) progress(digest.size_bytes);
  }
  digest.sha256 = hash.hex_digest();
  return digest;
}

void WritebackPacer::advance(std::int64_t written) {
  if (fd_ < 0 || written - started_ < kWritebackWindowBytes) return;
  ::sync_file_range(fd_, started_, written - started_, SYNC_FILE_RANGE_WRITE);
  if (started_ > waited_) {
    ::sync_file_range(fd_, waited_, started_ - waited_,
                      SYNC_FILE_RANGE_WAIT_BEFORE | SYNC_FILE_RANGE_WRITE | SYNC_FILE_RANGE_WAIT_AFTER);
    waited_ = started_;
  }
  started_ = written;
}

void WritebackPacer::flush_async() {
  if (fd_ >= 0) ::sync_file_range(fd_, started_, 0, SYNC_FILE_RANGE_WRITE);  // 0 = to the end of the file
}

ArtifactWriter::ArtifactWriter(const std::filesystem::path& file, bool sync_on_finish)
    : file_(file), sync_on_finish_(sync_on_finish) {
  // O_EXCL: an artifact is always a new file inside a fresh temp folder; finding one means a logic error.
  fd_ = ::open(file.c_str(), O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, 0600);  // owner only (issue 17)
  if (fd_ < 0) throw io_error("cannot create", file);
  pacer_ = WritebackPacer(fd_);
}

ArtifactWriter::ArtifactWriter(const std::filesystem::path& file, Scratch) : ArtifactWriter(file, false) {
  pacer_ = WritebackPacer(-1);  // a pacer without a descriptor does nothing
}

ArtifactWriter::~ArtifactWriter() {
  if (fd_ >= 0) ::close(fd_);
}

void ArtifactWriter::write(const void* data, std::size_t size) {
  const char* at = static_cast<const char*>(data);
  std::size_t left = size;
  while (left > 0) {
    ssize_t n = ::write(fd_, at, left);
    if (n < 0 && errno == EINTR) continue;
    if (n < 0) throw io_error("cannot write", file_);
    at += n;
    left -= static_cast<std::size_t>(n);
  }
  hash_.update(data, size);
  size_ += static_cast<std::int64_t>(size);
  pacer_.advance(size_);
}

FileDigest ArtifactWriter::finish() {
  if (sync_on_finish_ && ::fsync(fd_) != 0) throw io_error("cannot fsync", file_);
  if (!sync_on_finish_) pacer_.flush_async();  // the caller's sync_filesystem() then mostly waits for I/O in flight
  int fd = fd_;
  fd_ = -1;
  if (::close(fd) != 0) throw io_error("cannot close", file_);
  return {size_, hash_.hex_digest()};
}

void fsync_path(const std::filesystem::path& path) {
  core::UniqueFd fd(::open(path.c_str(), O_RDONLY | O_CLOEXEC));
  if (!fd.valid()) throw io_error("cannot open", path);
  if (::fsync(fd.get()) != 0) throw io_error("cannot fsync", path);
}

void sync_filesystem(const std::filesystem::path& path) {
  core::UniqueFd fd(::open(path.c_str(), O_RDONLY | O_CLOEXEC));
  if (!fd.valid()) throw io_error("cannot open", path);
  if (::syncfs(fd.get()) != 0) throw io_error("cannot sync the filesystem of", path);
}

FileDigest copy_file_hashed(const std::filesystem::path& from, const std::filesystem::path& to,
                            const std::function<void(std::int64_t)>& progress) {
  core::UniqueFd in(::open(from.c_str(), O_RDONLY | O_CLOEXEC));
  if (!in.valid()) throw std::runtime_error("Could not copy file: " + from.string() + " (" + std::strerror(errno) + ")");
  ArtifactWriter out(to, false);
  std::vector<char> buffer(kChunkBytes);
  for (;;) {
    ssize_t n = ::read(in.get(), buffer.data(), buffer.size());
    if (n < 0 && errno == EINTR) continue;
    if (n < 0) throw std::runtime_error("Could not copy file: " + from.string() + " (" + std::strerror(errno) + ")");
    if (n == 0) break;
    out.write(buffer.data(), static_cast<std::size_t>(n));
    if (progress) progress(out.bytes_written());
  }
  return out.finish();
}

std::string human_bytes(std::int64_t bytes) {
  const char* units[] = {"B", "KiB", "MiB", "GiB", "TiB"};
  double value = static_cast<double>(bytes);
  int unit = 0;
  while (value >= 1024.0 && unit < 4) {
    value /= 1024.0;
    ++unit;
  }
  char text[32];
  std::snprintf(text, sizeof text, unit == 0 ? "%.0f %s" : "%.1f %s", value, units[unit]);
  return text;
}

}  // namespace ops
