// Fixed-window rate limiter stored in the database `cache` table, so every app node sharing the database
// counts the same hits. A window starts at the first hit and lasts `decay_seconds`; the hit that exceeds
// `max_attempts` is refused with the seconds left in the window. Blocking (SQL): worker threads only.
#pragma once

#include <cstdint>
#include <mutex>
#include <string>
#include <string_view>

namespace db {
class Database;
}

namespace infra {

struct RateLimitHit {
  bool allowed = true;
  int attempts = 0;              // hits counted in the current window, this one included
  int retry_after_seconds = 0;   // > 0 when refused
  int remaining = 0;             // hits left in the window
};

class RateLimiter final {
 public:
  explicit RateLimiter(db::Database& database) : database_(database) {}

  // Counts one hit for (limiter, key) and says whether it is within `max_attempts` per window.
  RateLimitHit hit(std::string_view limiter, std::string_view key, int max_attempts, int decay_seconds = 60);
  // Whether the next hit would be refused, without counting one (and the seconds to wait when so).
  RateLimitHit peek(std::string_view limiter, std::string_view key, int max_attempts);
  void clear(std::string_view limiter, std::string_view key);

 private:
  db::Database& database_;
  // SQLite: this process's hits queue here instead of in SQLite's busy handler, which sleeps 1, 2, 5… ms
  // between retries while another thread holds the write lock for a few microseconds. The queue is bounded in
  // time: when the lock is held elsewhere, one hit waits in SQLite and the others give up quickly (503) instead
  // of lining up behind it, each holding a worker.
  std::timed_mutex sqlite_write_mutex_;
};

}  // namespace infra
