// In-process de-duplication of alerts: the fallback when the database cache (the cross-process de-duplication)
// cannot be reached. Keyed like the cache entry (the SHA-1 of the error's fingerprint) and with the same window
// (OPS_ALERTS_DEDUPE_MINUTES), so a database outage is reported at least once per key and window, and never more
// often from one process. Thread-safe (request workers report concurrently).
#pragma once

#include <chrono>
#include <cstddef>
#include <mutex>
#include <string>
#include <unordered_map>

namespace infra {

class InProcessDedupe final {
 public:
  using Clock = std::chrono::steady_clock;

  // At most `max_keys` live keys: past that (a flood of distinct errors) new keys are refused, not evicted,
  // since evicting would let a key alert again inside its window.
  explicit InProcessDedupe(std::size_t max_keys = 1024);

  // True when `key` has no live claim: the caller may alert, and `key` is claimed for `window` from `now`.
  // A window of zero never de-duplicates (and claims nothing).
  bool claim(const std::string& key, std::chrono::seconds window, Clock::time_point now = Clock::now());
  // Gives a claim back (the database said another process already alerted).
  void release(const std::string& key);
  std::size_t live_keys(Clock::time_point now = Clock::now()) const;

 private:
  void prune(Clock::time_point now);

  std::size_t max_keys_;
  mutable std::mutex mutex_;  // guards expires_
  std::unordered_map<std::string, Clock::time_point> expires_;
};

}  // namespace infra
