// Whether anything may have happened to the entries of one directory since the last time someone asked: so a
// check made on every request (is the maintenance flag there, was the SQLite file replaced) can skip its stat()
// calls while nothing happened. On a VM a path lookup costs microseconds; three per kept page were ~13 % of its
// CPU (perf, #20).
//
// Built on inotify: the kernel queues an event inside the very system call that creates, writes, renames or
// deletes an entry, so a change made by any process before a request arrived is always seen by that request —
// the answer is as fresh as a stat() would be. When no watch can be set up (no directory yet, out of watches), or
// the watch is lost (the directory deleted or moved) or overflows, the answer is always "maybe changed": the
// caller falls back to checking every time. Also when the directory's path goes through a symbolic link: a watch
// follows the directory it found at the start, and a link pointed elsewhere later would leave it watching the old
// one.
//
// Not thread-safe by itself: the caller holds one lock over maybe_changed() and its own re-check, so no thread
// can take an event and leave another trusting a state not yet refreshed.
#pragma once

#include <filesystem>

#include "core/unique_fd.hpp"

namespace core {

class DirectoryWatch final {
 public:
  explicit DirectoryWatch(const std::filesystem::path& directory);

  // True on the first call, whenever an event was queued since the previous call, and always once the watch does
  // not work. Never blocks: one read() of the inotify descriptor.
  bool maybe_changed();
  // Whether the watch works (false: every maybe_changed() is true).
  bool watching() const { return watching_; }

 private:
  UniqueFd inotify_;
  bool watching_ = false;
  bool first_ = true;
};

}  // namespace core
