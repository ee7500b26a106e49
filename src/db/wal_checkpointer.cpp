// Background WAL truncation for a served SQLite database (see wal_checkpointer.hpp).
#include "db/wal_checkpointer.hpp"

#include <sqlite3.h>

#include <chrono>
#include <filesystem>
#include <system_error>

#include "core/log.hpp"

namespace db {

namespace {

constexpr auto kTick = std::chrono::seconds(1);
constexpr auto kBusyTick = std::chrono::milliseconds(250);  // while the log is past kBurstBytes
constexpr auto kIdleAfter = std::chrono::seconds(30);
// How long the checkpoint may wait for the writer and for readers of older snapshots on each attempt.
constexpr int kCheckpointWaitMs = 200;

std::int64_t file_size(const std::string& path) {
  std::error_code error;
  auto size = std::filesystem::file_size(path, error);
  return error ? 0 : static_cast<std::int64_t>(size);
}

}  // namespace

WalCheckpointer::WalCheckpointer(std::string database_path)
    : path_(std::move(database_path)), thread_([this] { loop(); }) {}

WalCheckpointer::~WalCheckpointer() {
  {
    std::lock_guard lock(mutex_);
    stopping_ = true;
  }
  wake_.notify_all();
  if (thread_.joinable()) thread_.join();
}

bool WalCheckpointer::checkpoint() {
  sqlite3* raw = nullptr;
  // Its own short-lived connection: never creates the file, never takes one of the workers' connections.
  if (sqlite3_open_v2(path_.c_str(), &raw, SQLITE_OPEN_READWRITE, nullptr) != SQLITE_OK) {
    sqlite3_close(raw);
    return false;
  }
  sqlite3_busy_timeout(raw, kCheckpointWaitMs);
  // The PRAGMA, not sqlite3_wal_checkpoint_v2(): a connection that has not run a statement yet has not read the
  // header, does not know the file is in WAL mode, and the C call then returns OK having done nothing.
  // The row is "busy|log frames|checkpointed frames"; busy = 1 means it could not finish.
  std::string row;
  auto first_column = [](void* out, int, char** values, char**) {
    *static_cast<std::string*>(out) = values[0] ? values[0] : "";
    return 0;
  };
  int rc = sqlite3_exec(raw, "PRAGMA wal_checkpoint(TRUNCATE)", first_column, &row, nullptr);
  sqlite3_close(raw);
  return rc == SQLITE_OK && row == "0";
}

void WalCheckpointer::loop() {
  const std::string wal_path = path_ + "-wal";
  auto last_checkpoint = std::chrono::steady_clock::now();
  bool warned = false;
  bool behind = false;  // the last look found the log past kBurstBytes: look again sooner
  std::unique_lock lock(mutex_);
  while (!stopping_) {
    wake_.wait_for(lock, behind ? std::chrono::duration_cast<std::chrono::milliseconds>(kBusyTick)
                                : std::chrono::duration_cast<std::chrono::milliseconds>(kTick),
                   [this] { return stopping_; });
    if (stopping_) break;
    const std::int64_t size = file_size(wal_path);
    const auto now = std::chrono::steady_clock::now();
    const bool burst = size > kBurstBytes;
    const bool idle_leftover = size > 0 && now - last_checkpoint > kIdleAfter;
    behind = burst;
    if (!burst && !idle_leftover) continue;
    lock.unlock();
    const bool done = checkpoint();
    lock.lock();
    last_checkpoint = now;
    if (done) {
      warned = false;
    } else if (burst && !warned) {
      // Readers or a writer kept it busy; the next tick tries again. Said once per episode, not every second.
      core::log::warning("WAL checkpoint could not finish yet", {{"wal_bytes", std::to_string(size)}});
      warned = true;
    }
  }
}

}  // namespace db
