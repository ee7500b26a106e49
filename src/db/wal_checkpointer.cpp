// Background WAL truncation for a served SQLite database (see wal_checkpointer.hpp).
#include "db/wal_checkpointer.hpp"

#include <sqlite3.h>

#include <chrono>
#include <filesystem>
#include <string>
#include <system_error>

#include "core/log.hpp"

namespace db {

namespace {

constexpr auto kTick = std::chrono::seconds(1);
constexpr auto kBusyTick = std::chrono::milliseconds(250);  // while the log is past kBurstBytes
constexpr auto kIdleAfter = std::chrono::seconds(30);
// How long TRUNCATE may wait for the write lock and for readers of older snapshots: well under the shortest wait
// of a request (db::kOverflowLockWaitMs), since it holds the write lock while it waits for readers.
constexpr int kTruncateWaitMs = 20;

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

namespace {
// Runs one checkpoint PRAGMA; its row is "busy|log frames|checkpointed frames".
bool run_checkpoint(sqlite3* db, const char* pragma, long long& logged, long long& copied) {
  struct Row {
    bool busy = true;
    long long logged = -1, copied = -1;
  } row;
  auto read_row = [](void* out, int columns, char** values, char**) {
    auto& r = *static_cast<Row*>(out);
    if (columns >= 3 && values[0] && values[1] && values[2]) {
      r.busy = std::string(values[0]) != "0";
      r.logged = std::stoll(values[1]);
      r.copied = std::stoll(values[2]);
    }
    return 0;
  };
  if (sqlite3_exec(db, pragma, read_row, &row, nullptr) != SQLITE_OK) return false;
  logged = row.logged;
  copied = row.copied;
  return !row.busy;
}
}  // namespace

bool WalCheckpointer::checkpoint() {
  sqlite3* raw = nullptr;
  // Its own short-lived connection: never creates the file, never takes one of the workers' connections.
  if (sqlite3_open_v2(path_.c_str(), &raw, SQLITE_OPEN_READWRITE, nullptr) != SQLITE_OK) {
    sqlite3_close(raw);
    return false;
  }
  // PRAGMAs, not sqlite3_wal_checkpoint_v2(): a connection that has not run a statement yet has not read the
  // header, does not know the file is in WAL mode, and the C call then returns OK having done nothing.
  // PASSIVE first: it copies what it can without taking the write lock, so writers never wait for it. Only when
  // every frame is back in the database is TRUNCATE worth its brief write lock (it resets and cuts the file), and
  // it waits for that lock far less than a request would (kTruncateWaitMs), so it never makes a writer give up.
  long long logged = 0, copied = 0;
  bool done = false;
  if (run_checkpoint(raw, "PRAGMA wal_checkpoint(PASSIVE)", logged, copied) && logged >= 0 && copied == logged) {
    sqlite3_busy_timeout(raw, kTruncateWaitMs);
    done = run_checkpoint(raw, "PRAGMA wal_checkpoint(TRUNCATE)", logged, copied);
  }
  sqlite3_close(raw);
  return done;
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
