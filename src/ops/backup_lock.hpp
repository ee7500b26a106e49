// One ops:backup at a time per backup root: an exclusive flock on <root>/.backup.lock. The kernel drops the lock
// when the holder exits for any reason (kill -9 included), so there is no stale-lock clean-up to get wrong.
#pragma once

#include <filesystem>

namespace ops {

class BackupLock final {
 public:
  // Opens (creating) the lock file and takes the lock without waiting. Throws std::runtime_error with an
  // operator-facing message when the file cannot be created (unwritable root) or another run holds the lock.
  explicit BackupLock(const std::filesystem::path& root);
  ~BackupLock();
  BackupLock(const BackupLock&) = delete;
  BackupLock& operator=(const BackupLock&) = delete;

 private:
  int fd_ = -1;
};

}  // namespace ops
