// The database limiter store (RATE_LIMIT_STORE=database): one row per key in the `cache` table, so every node
// sharing the database counts the same hits. Blocking (SQL): worker threads only. Thread-safe.
#pragma once

#include <atomic>
#include <mutex>

#include "infra/limiter_store.hpp"

namespace db {
class Database;
}
namespace soci {
class session;
}

namespace infra {

class DatabaseLimiterStore final : public LimiterStore {
 public:
  explicit DatabaseLimiterStore(db::Database& database) : database_(database) {}

  RateLimitHit hit(const std::string& key, int max_attempts, int decay_seconds) override;
  RateLimitHit peek(const std::string& key, int max_attempts) override;
  void clear(const std::string& key) override;
  std::string_view name() const override { return "database"; }

 private:
  bool upsert_returns(soci::session& sql);

  db::Database& database_;
  // SQLite: this process's hits queue here instead of in SQLite's busy handler, which sleeps 1, 2, 5… ms
  // between retries while another thread holds the write lock for a few microseconds. The queue is bounded in
  // time: when the lock is held elsewhere, one hit waits in SQLite and the others give up quickly (503) instead
  // of lining up behind it, each holding a worker.
  std::timed_mutex sqlite_write_mutex_;
  // MySQL dialect: whether the server takes `INSERT … ON DUPLICATE KEY UPDATE … RETURNING` (MariaDB 10.5+), asked
  // once (SELECT VERSION()) on the first hit. -1 not asked yet, 0 no (MySQL, older MariaDB), 1 yes.
  std::atomic<int> upsert_returns_{-1};
};

}  // namespace infra
