// Ownership of one POSIX file descriptor: closed when the owner goes away, so no early return or exception
// leaks it. Move-only. Errors from close() are ignored here; code that must know whether written data reached
// the disk calls fsync()/close() itself before letting go (see ops/backup_io.cpp).
#pragma once

#include <unistd.h>

#include <utility>

namespace core {

class UniqueFd final {
 public:
  UniqueFd() = default;
  explicit UniqueFd(int fd) : fd_(fd) {}  // takes ownership of `fd` (a negative value: owns nothing)
  UniqueFd(UniqueFd&& other) noexcept : fd_(std::exchange(other.fd_, -1)) {}
  UniqueFd& operator=(UniqueFd&& other) noexcept {
    if (this != &other) reset(std::exchange(other.fd_, -1));
    return *this;
  }
  UniqueFd(const UniqueFd&) = delete;
  UniqueFd& operator=(const UniqueFd&) = delete;
  ~UniqueFd() { reset(); }

  int get() const { return fd_; }  // -1 when nothing is owned
  bool valid() const { return fd_ >= 0; }
  // Closes the descriptor owned so far (if any) and takes `fd` instead.
  void reset(int fd = -1) {
    if (fd_ >= 0) ::close(fd_);
    fd_ = fd;
  }
  // Gives up ownership without closing; the caller closes the returned descriptor.
  int release() { return std::exchange(fd_, -1); }

 private:
  int fd_ = -1;
};

}  // namespace core
