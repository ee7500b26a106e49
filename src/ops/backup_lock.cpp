// flock-based backup lock (see backup_lock.hpp).
#include "ops/backup_lock.hpp"

#include <fcntl.h>
#include <sys/file.h>
#include <unistd.h>

#include <cerrno>
#include <cstring>
#include <stdexcept>

#include "ops/snapshot_catalog.hpp"

namespace ops {

BackupLock::BackupLock(const std::filesystem::path& root) {
  auto file = root / kBackupLockFile;
  fd_ = ::open(file.c_str(), O_RDWR | O_CREAT | O_CLOEXEC, 0640);
  if (fd_ < 0) throw std::runtime_error("Backup folder is not writable: " + root.string() + " (" + std::strerror(errno) + ")");
  if (::flock(fd_, LOCK_EX | LOCK_NB) != 0) {
    int error = errno;
    ::close(fd_);
    fd_ = -1;
    if (error == EWOULDBLOCK) throw std::runtime_error("Another ops:backup is running (lock held on " + file.string() + ").");
    throw std::runtime_error("Cannot lock " + file.string() + ": " + std::strerror(error));
  }
}

BackupLock::~BackupLock() {
  if (fd_ >= 0) ::close(fd_);  // closing the descriptor releases the flock
}

}  // namespace ops
