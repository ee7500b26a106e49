// The per-thread registry of after-commit actions (see after_commit.hpp).
#include "db/after_commit.hpp"

#include <algorithm>
#include <exception>
#include <utility>
#include <vector>

#include "core/log.hpp"

namespace db {

namespace {

struct Frame {
  soci::session* sql = nullptr;
  std::vector<std::pair<const void*, AfterCommit>> actions;
};

// The open transactions of this thread, innermost last. A unit of work holds one lease and one transaction, so this
// is almost always zero or one frame; thread_local because a transaction begins and ends on the same worker thread.
thread_local std::vector<Frame> open_frames;

void run_logged(soci::session& sql, const AfterCommit& action) {
  try {
    action(sql);
  } catch (const std::exception& e) {
    core::log::warning("after-commit action failed (the transaction itself committed)", {{"error", e.what()}});
  } catch (...) {
    core::log::warning("after-commit action failed (the transaction itself committed)", {{"error", "unknown"}});
  }
}

}  // namespace

void after_commit(soci::session& sql, const void* key, AfterCommit action) {
  auto frame = std::find_if(open_frames.rbegin(), open_frames.rend(), [&](const Frame& f) { return f.sql == &sql; });
  if (frame == open_frames.rend()) {
    run_logged(sql, action);
    return;
  }
  if (key && std::any_of(frame->actions.begin(), frame->actions.end(), [&](const auto& a) { return a.first == key; }))
    return;
  frame->actions.emplace_back(key, std::move(action));
}

namespace detail {

void open_commit_frame(soci::session& sql) { open_frames.push_back(Frame{&sql, {}}); }

void close_commit_frame(soci::session& sql, bool committed) {
  auto frame = std::find_if(open_frames.rbegin(), open_frames.rend(), [&](const Frame& f) { return f.sql == &sql; });
  if (frame == open_frames.rend()) return;
  auto actions = std::move(frame->actions);
  open_frames.erase(std::next(frame).base());
  if (!committed) return;
  for (const auto& [key, action] : actions) run_logged(sql, action);
}

}  // namespace detail

}  // namespace db
