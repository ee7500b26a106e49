// What happens to an alert delivery (webhook body, Sentry envelope) that the database queue refused, i.e. the
// database is down: it is de-duplicated in process (InProcessDedupe, same key and window as the cache entry),
// written to the local spool (alert_spool.hpp) and delivered directly by one background thread of this process,
// with the jobs' 10 s timeout. The caller (a request worker) never waits on the network: at most one delivery
// per key and at most kMaxInFlight in all are in flight; anything beyond stays in the spool as ready,
// for `queue:work` to deliver once the database is back. A delivered entry is marked sent, so the drain removes
// it without sending it again.
#pragma once

#include <condition_variable>
#include <deque>
#include <memory>
#include <mutex>
#include <set>
#include <string>
#include <thread>

#include "infra/alert_dedupe.hpp"
#include "infra/alert_spool.hpp"
#include "infra/alerts.hpp"

namespace core {
class Config;
}

namespace infra {

class AlertFallback final {
 public:
  static constexpr std::size_t kMaxInFlight = 4;  // queued for the sender thread or being delivered

  AlertFallback(const core::Config& config, InProcessDedupe& dedupe, AlertSpool spool);
  // Finishes the deliveries already handed over (each bounded by the 10 s timeout), so a command that reports
  // its own failure and exits still delivers it. Then stops the thread.
  ~AlertFallback();
  AlertFallback(const AlertFallback&) = delete;
  AlertFallback& operator=(const AlertFallback&) = delete;

  // Takes a delivery the queue refused (`why`: the queue's error). Never throws, never blocks on the network.
  void take(const std::string& job_name, const std::string& payload, const AlertKey& key, const std::string& why);

 private:
  struct Delivery {
    std::string spool_id;  // empty when the spool could not be written
    std::string job_name, payload, flight_key;
  };
  void run();

  const core::Config& config_;
  InProcessDedupe& dedupe_;
  AlertSpool spool_;
  std::mutex mutex_;  // guards queued_, in_flight_, stopping_, thread_ start
  std::condition_variable wake_;
  std::deque<Delivery> queued_;
  std::set<std::string> in_flight_;  // flight keys queued or being delivered
  bool stopping_ = false;
  std::thread thread_;  // started on first use: most processes never need it
};

}  // namespace infra
