// Keeps a served SQLite database's write-ahead log small. SQLite's automatic checkpoints copy pages back but never
// reset the log while some connection still reads an older snapshot, and under steady traffic there always is
// one: the -wal file then only grows (1 GB after 2 minutes of a POST flood) until the process restarts.
//
// A background thread looks at the -wal file once per second (4 times while it is large) and, on its own
// connection (never one of the pool's, so it never waits for a worker), when the file passed kBurstBytes or is not
// empty and the last checkpoint is kIdleAfter old: runs a PASSIVE checkpoint (no write lock), and when that put
// every frame back, a TRUNCATE one that may wait only ~20 ms for the write lock and readers. When it cannot finish
// it is simply tried again on the next tick. Nothing to do on MariaDB/PostgreSQL.
#pragma once

#include <condition_variable>
#include <cstdint>
#include <mutex>
#include <string>
#include <thread>

namespace db {

class WalCheckpointer final {
 public:
  static constexpr std::int64_t kBurstBytes = 4LL * 1024 * 1024;

  // Starts the thread for the SQLite file at `database_path`.
  explicit WalCheckpointer(std::string database_path);
  ~WalCheckpointer();  // stops and joins the thread
  WalCheckpointer(const WalCheckpointer&) = delete;
  WalCheckpointer& operator=(const WalCheckpointer&) = delete;

  // One checkpoint attempt now; true when the log was reset and truncated. Thread-safe with the loop.
  bool checkpoint();

 private:
  void loop();

  std::string path_;
  std::mutex mutex_;  // guards stopping_
  std::condition_variable wake_;
  bool stopping_ = false;
  std::thread thread_;
};

}  // namespace db
