// In-process fixed windows (see memory_limiter_store.hpp).
#include "infra/memory_limiter_store.hpp"

#include <algorithm>
#include <chrono>
#include <vector>

#include "core/log.hpp"

namespace infra {

namespace {
std::int64_t steady_ms() {
  return std::chrono::duration_cast<std::chrono::milliseconds>(std::chrono::steady_clock::now().time_since_epoch())
      .count();
}
// Whole seconds left, rounded up (a window with 200 ms left still says "wait 1 s").
long long seconds_until(std::int64_t ends_ms, std::int64_t now_ms) { return (ends_ms - now_ms + 999) / 1000; }
}  // namespace

MemoryLimiterStore::MemoryLimiterStore(Clock clock, std::size_t max_keys)
    : clock_(clock ? std::move(clock) : Clock(steady_ms)), max_keys_(std::max<std::size_t>(1, max_keys)) {}

RateLimitHit MemoryLimiterStore::hit(const std::string& key, int max_attempts, int decay_seconds) {
  std::int64_t now = clock_();
  std::lock_guard lock(mutex_);
  auto found = windows_.find(key);
  if (found == windows_.end()) {
    if (windows_.size() >= max_keys_) make_room(now);
    found = windows_.emplace(key, Window{}).first;
  }
  Window& window = found->second;
  if (window.ends_ms <= now) window = Window{0, now + decay_seconds * 1000LL};
  // A spent window stops counting: the answer is "refused" either way, and the counter cannot overflow.
  if (window.attempts <= max_attempts) ++window.attempts;
  return judge_hit(window.attempts, max_attempts, seconds_until(window.ends_ms, now));
}

RateLimitHit MemoryLimiterStore::peek(const std::string& key, int max_attempts) {
  std::int64_t now = clock_();
  std::lock_guard lock(mutex_);
  auto found = windows_.find(key);
  if (found == windows_.end() || found->second.ends_ms <= now) return judge_peek(0, max_attempts, 0);
  return judge_peek(found->second.attempts, max_attempts, seconds_until(found->second.ends_ms, now));
}

void MemoryLimiterStore::clear(const std::string& key) {
  std::lock_guard lock(mutex_);
  windows_.erase(key);
}

std::size_t MemoryLimiterStore::size() const {
  std::lock_guard lock(mutex_);
  return windows_.size();
}

void MemoryLimiterStore::make_room(std::int64_t now_ms) {
  std::erase_if(windows_, [now_ms](const auto& entry) { return entry.second.ends_ms <= now_ms; });
  if (windows_.size() < max_keys_) return;
  // Still full of live windows (a flood from many addresses): drop the tenth closest to its end, which loses the
  // least counting. Logged, since it means the limiter is under attack or max_keys is too small.
  std::vector<std::pair<std::int64_t, std::string>> by_end;
  by_end.reserve(windows_.size());
  for (const auto& [key, window] : windows_) by_end.emplace_back(window.ends_ms, key);
  std::size_t drop = std::max<std::size_t>(1, windows_.size() / 10);
  std::nth_element(by_end.begin(), by_end.begin() + static_cast<std::ptrdiff_t>(drop - 1), by_end.end());
  for (std::size_t i = 0; i < drop; ++i) windows_.erase(by_end[i].second);
  core::log::warning("In-memory rate limiter full: dropped the windows closest to their end",
                     {{"dropped", std::to_string(drop)}, {"max_keys", std::to_string(max_keys_)}});
}

}  // namespace infra
