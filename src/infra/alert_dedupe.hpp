// In-process de-duplication of alerts: the fallback when the database cache (the cross-process de-duplication)
// cannot be reached. Keyed like the cache entry (the SHA-1 of the error's fingerprint) and with the same window
// (OPS_ALERTS_DEDUPE_MINUTES), so a database outage is reported at least once per key and window, and never more
// often from one process. Thread-safe (request workers report concurrently).
//
// NodeDedupe does the same across the processes of one server, with one small file per key: without it every
// short-lived command that fails during an outage (`schedule:run` each minute, `queue:work` restarted by systemd
// every few seconds) would be a fresh process with an empty map, and alert again.
#pragma once

#include <chrono>
#include <cstddef>
#include <cstdint>
#include <filesystem>
#include <mutex>
#include <string>
#include <unordered_map>

namespace core {
class Config;
}

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

// Node-wide claims: storage/framework/alert-dedupe/<key>, holding the unix time the window ends. Creating the file
// (O_EXCL) or taking over an expired one (rename away, then O_EXCL) is atomic, so two processes never both win.
// A folder that cannot be used does not silence alerts: the claim is granted (the in-process map still bounds them).
class NodeDedupe final {
 public:
  explicit NodeDedupe(std::filesystem::path folder);
  bool claim(const std::string& key, std::chrono::seconds window, std::int64_t now_unix) const;
  bool claim(const std::string& key, std::chrono::seconds window) const;  // now
  // Deletes claims whose window ended more than `age` ago (housekeeping, from the spool drain).
  void sweep(std::int64_t now_unix, std::chrono::seconds age) const;

 private:
  std::filesystem::path file_of(const std::string& key) const;
  std::filesystem::path folder_;
};

std::filesystem::path alert_dedupe_folder(const core::Config& config);  // storage/framework/alert-dedupe

}  // namespace infra
