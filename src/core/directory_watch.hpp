// Whether anything may have happened to the entries of one directory since the last time someone asked: so a
// check made on every request (is the maintenance flag there, was the SQLite file replaced) can skip its stat()
// calls while nothing happened. On a VM a path lookup costs microseconds; three per kept page were ~13 % of its
// CPU (perf, #20).
//
// Built on inotify: the kernel queues an event inside the very system call that creates, writes, renames or
// deletes an entry, so a change made through the directory's entries before a request arrived is seen by that
// request, as a stat() would see it. When no watch can be set up (no directory yet, out of watches), or the watch
// is lost (the directory deleted or moved) or overflows, the answer is always "maybe changed": the caller falls
// back to checking every time. Also when the directory's path goes through a symbolic link: a watch follows the
// directory it found at the start, and a link pointed elsewhere later would leave it watching the old one.
//
// What inotify does not report, and a stat would: a parent directory renamed aside and another put at the same
// path (the watch follows the old directory; the path is checked against the watched directory at most once a
// second, and from a mismatch on the watch is given up), a write through a hard link living in another directory,
// a write through a shared mapping before it is closed, and changes made on another machine (network file
// systems). None is how SQLite or `nico down` change these files.
//
// maybe_changed() is not thread-safe by itself: the caller holds one lock over it and its own re-check, so no
// thread can take an event and leave another trusting a state not yet refreshed. quiet() may be asked from any
// thread at any time, without that lock.
#pragma once

#include <sys/types.h>

#include <atomic>
#include <chrono>
#include <filesystem>

#include "core/unique_fd.hpp"

namespace core {

class DirectoryWatch final {
 public:
  explicit DirectoryWatch(const std::filesystem::path& directory);

  // True on the first call, whenever an event was queued since the previous call, and always once the watch does
  // not work. Never blocks: one read() of the inotify descriptor.
  bool maybe_changed();
  // Whether maybe_changed() would now answer false: the watch works, was asked once already, no event is queued
  // and the directory's identity is not due for its check. Consumes nothing (one ioctl, FIONREAD), so a thread
  // may ask while another holds the caller's lock: a caller's state refreshed after the last event it took is
  // still current when quiet() says so, unless another thread took an event and has not refreshed yet.
  bool quiet() const;
  // Whether the watch works (false: every maybe_changed() is true).
  bool watching() const { return watching_; }

 private:
  // Whether the path still names the directory the watch was set on (a stat, made at most once a second).
  bool still_the_watched_directory();

  UniqueFd inotify_;
  std::filesystem::path directory_;
  dev_t device_ = 0;
  ino_t inode_ = 0;
  std::atomic<std::chrono::steady_clock::rep> next_identity_check_{0};  // steady_clock ticks
  std::atomic<bool> watching_{false};
  std::atomic<bool> first_{true};
};

}  // namespace core
