// The in-process limiter store (RATE_LIMIT_STORE=memory, the default on SQLite): counters in a hash map behind one
// mutex. Shared by every worker thread of this process, and only by them: a second `nico serve` (another node,
// or an old process still draining during a restart) counts on its own, and a restart starts every window anew.
// No I/O: safe on any thread; a hit costs a map lookup under the mutex.
#pragma once

#include <cstdint>
#include <functional>
#include <mutex>
#include <unordered_map>

#include "infra/limiter_store.hpp"

namespace infra {

class MemoryLimiterStore final : public LimiterStore {
 public:
  using Clock = std::function<std::int64_t()>;  // milliseconds on a monotonic clock

  // `max_keys` bounds memory against a flood of distinct keys (addresses): past it, expired windows are swept and,
  // if that is not enough, the windows closest to their end are dropped.
  explicit MemoryLimiterStore(Clock clock = {}, std::size_t max_keys = 200000);

  RateLimitHit hit(const std::string& key, int max_attempts, int decay_seconds) override;
  RateLimitHit peek(const std::string& key, int max_attempts) override;
  void clear(const std::string& key) override;
  std::string_view name() const override { return "memory"; }
  bool in_process() const override { return true; }

  std::size_t size() const;

 private:
  struct Window {
    int attempts = 0;
    std::int64_t ends_ms = 0;
  };
  void make_room(std::int64_t now_ms);  // mutex_ held

  Clock clock_;
  std::size_t max_keys_;
  mutable std::mutex mutex_;  // guards windows_
  std::unordered_map<std::string, Window> windows_;
};

}  // namespace infra
