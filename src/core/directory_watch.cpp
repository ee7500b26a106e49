// An inotify watch over one directory's entries (see directory_watch.hpp).
#include "core/directory_watch.hpp"

#include <sys/inotify.h>
#include <sys/ioctl.h>
#include <sys/stat.h>

#include <cerrno>
#include <cstdint>
#include <system_error>
#include <utility>

namespace core {

namespace {

// Everything that changes what stat() or a read of an entry would tell: created, written, attributes (a chmod, a
// touch), renamed in or out, deleted; and the directory itself going away.
constexpr std::uint32_t kEvents = IN_CREATE | IN_MODIFY | IN_ATTRIB | IN_CLOSE_WRITE | IN_MOVED_FROM | IN_MOVED_TO |
                                  IN_DELETE | IN_DELETE_SELF | IN_MOVE_SELF;

// How often the path is checked against the watched directory (see directory_watch.hpp).
constexpr std::chrono::seconds kIdentityCheckEvery{1};

std::chrono::steady_clock::rep ticks_from_now(std::chrono::steady_clock::duration later) {
  return (std::chrono::steady_clock::now() + later).time_since_epoch().count();
}

}  // namespace

DirectoryWatch::DirectoryWatch(const std::filesystem::path& directory)
    : inotify_(::inotify_init1(IN_NONBLOCK | IN_CLOEXEC)) {
  if (!inotify_.valid()) return;
  std::error_code error;
  auto absolute = std::filesystem::absolute(directory, error).lexically_normal();
  if (!absolute.has_filename()) absolute = absolute.parent_path();  // "dir/" → "dir"
  if (error || std::filesystem::canonical(absolute, error) != absolute || error) return;
  // The directory's identity before the watch: were it replaced in between, the first identity check says so.
  struct stat info {};
  if (::stat(absolute.c_str(), &info) != 0) return;
  directory_ = absolute;
  device_ = info.st_dev;
  inode_ = info.st_ino;
  next_identity_check_ = ticks_from_now(kIdentityCheckEvery);
  watching_ = ::inotify_add_watch(inotify_.get(), directory_.c_str(), kEvents | IN_ONLYDIR) >= 0;
}

bool DirectoryWatch::still_the_watched_directory() {
  if (ticks_from_now({}) < next_identity_check_) return true;
  next_identity_check_ = ticks_from_now(kIdentityCheckEvery);
  struct stat info {};
  return ::stat(directory_.c_str(), &info) == 0 && info.st_dev == device_ && info.st_ino == inode_;
}

bool DirectoryWatch::quiet() const {
  if (!watching_ || first_ || ticks_from_now({}) >= next_identity_check_) return false;
  int queued = 0;
  return ::ioctl(inotify_.get(), FIONREAD, &queued) == 0 && queued == 0;
}

bool DirectoryWatch::maybe_changed() {
  if (!watching_) return true;
  if (!still_the_watched_directory()) {
    watching_ = false;
    return true;
  }
  bool changed = first_.exchange(false);
  // Room for many events at once; a full buffer means more may wait: read again.
  alignas(inotify_event) char buffer[4096];
  for (;;) {
    ssize_t got = ::read(inotify_.get(), buffer, sizeof buffer);
    if (got < 0) {
      if (errno == EINTR) continue;
      if (errno == EAGAIN) return changed;
      watching_ = false;  // an unexpected error: stop trusting the watch
      return true;
    }
    if (got == 0) return changed;
    changed = true;
    for (ssize_t at = 0; at < got;) {
      const auto* event = reinterpret_cast<const inotify_event*>(buffer + at);
      // The directory is gone or moved (its watch is dropped: IN_IGNORED), or events were lost.
      if (event->mask & (IN_DELETE_SELF | IN_MOVE_SELF | IN_IGNORED | IN_Q_OVERFLOW)) watching_ = false;
      at += static_cast<ssize_t>(sizeof(inotify_event) + event->len);
    }
    if (!watching_) return true;
  }
}

}  // namespace core
