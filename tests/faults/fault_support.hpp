// Shared pieces of the fault suite: background load against the running server, and small waits on conditions.
#pragma once

#include <atomic>
#include <chrono>
#include <functional>
#include <mutex>
#include <string>
#include <thread>
#include <vector>

#include "../integration/support/browser.hpp"

namespace faults {

using Clock = std::chrono::steady_clock;

// One answered (or failed: status 0) request of a Load, with when it finished.
struct Outcome {
  Clock::time_point at;
  int status = 0;
};

// `threads` clients, each with its own Browser, sending `request` in a loop until stop() (or destruction).
class Load final {
 public:
  Load(std::string base_url, int threads, std::function<testing_support::HttpResponse(testing_support::Browser&)> request)
      : request_(std::move(request)) {
    for (int i = 0; i < threads; ++i) {
      workers_.emplace_back([this, base_url] {
        testing_support::Browser browser(base_url);
        while (!stopping_) {
          int status = 0;
          try {
            status = request_(browser).status;
          } catch (const std::exception&) {
            status = 0;
          }
          std::lock_guard lock(mutex_);
          outcomes_.push_back({Clock::now(), status});
        }
      });
    }
  }
  ~Load() { stop(); }
  Load(const Load&) = delete;
  Load& operator=(const Load&) = delete;

  void stop() {
    stopping_ = true;
    for (auto& worker : workers_)
      if (worker.joinable()) worker.join();
  }
  std::vector<Outcome> outcomes() const {
    std::lock_guard lock(mutex_);
    return outcomes_;
  }

 private:
  std::function<testing_support::HttpResponse(testing_support::Browser&)> request_;
  std::atomic<bool> stopping_{false};
  mutable std::mutex mutex_;
  std::vector<Outcome> outcomes_;
  std::vector<std::thread> workers_;
};

// Polls `condition` every 50 ms until it holds or `limit` passes; true when it held.
inline bool eventually(std::chrono::milliseconds limit, const std::function<bool()>& condition) {
  auto deadline = Clock::now() + limit;
  while (Clock::now() < deadline) {
    if (condition()) return true;
    std::this_thread::sleep_for(std::chrono::milliseconds(50));
  }
  return condition();
}

inline double seconds_between(Clock::time_point from, Clock::time_point to) {
  return std::chrono::duration<double>(to - from).count();
}

}  // namespace faults
