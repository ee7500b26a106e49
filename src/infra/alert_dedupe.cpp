// In-process alert de-duplication (see alert_dedupe.hpp): a map of key → end of its window behind one mutex.
#include "infra/alert_dedupe.hpp"

namespace infra {

InProcessDedupe::InProcessDedupe(std::size_t max_keys) : max_keys_(max_keys) {}

void InProcessDedupe::prune(Clock::time_point now) {
  std::erase_if(expires_, [now](const auto& entry) { return entry.second <= now; });
}

bool InProcessDedupe::claim(const std::string& key, std::chrono::seconds window, Clock::time_point now) {
  if (window <= std::chrono::seconds::zero()) return true;
  std::lock_guard lock(mutex_);
  auto found = expires_.find(key);
  if (found != expires_.end()) {
    if (found->second > now) return false;
    found->second = now + window;
    return true;
  }
  if (expires_.size() >= max_keys_) {
    prune(now);
    if (expires_.size() >= max_keys_) return false;
  }
  expires_.emplace(key, now + window);
  return true;
}

void InProcessDedupe::release(const std::string& key) {
  std::lock_guard lock(mutex_);
  expires_.erase(key);
}

std::size_t InProcessDedupe::live_keys(Clock::time_point now) const {
  std::lock_guard lock(mutex_);
  std::size_t live = 0;
  for (const auto& [key, until] : expires_) live += until > now ? 1 : 0;
  return live;
}

}  // namespace infra
