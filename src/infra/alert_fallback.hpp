// What happens to an alert delivery (webhook body, Sentry envelope) that the database queue refused, i.e. the
// database is down: it is de-duplicated without the database (in process, then across the node's processes: same
// key and window as the cache entry),
// written to the local spool (alert_spool.hpp) and delivered directly on a thread of its own, with the jobs' 10 s
// timeout. The caller (a request worker) never waits on the network. At most one delivery per key and at most
// kMaxInFlight in all run at once; anything beyond stays in the spool as ready, for `queue:work` to deliver once
// the database is back. A delivered entry is marked sent, so the drain removes it without sending it again.
#pragma once

#include <list>
#include <mutex>
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
  static constexpr std::size_t kMaxInFlight = 4;

  AlertFallback(const core::Config& config, InProcessDedupe& dedupe, const NodeDedupe& node_dedupe, AlertSpool spool);
  // Waits for the deliveries in flight (they run in parallel, so at most about one 10 s timeout): a command that
  // reports its own failure and exits still delivers it, and a stopping server is held up at most that long.
  ~AlertFallback();
  AlertFallback(const AlertFallback&) = delete;
  AlertFallback& operator=(const AlertFallback&) = delete;

  // Takes a delivery the queue refused (`why`: the queue's error). Never throws, never blocks on the network.
  void take(const std::string& job_name, const std::string& payload, const AlertKey& key, const std::string& why);

 private:
  struct Sender {
    std::string flight_key;
    std::thread thread;
    bool done = false;  // guarded by mutex_
  };
  void deliver(Sender& sender, std::string spool_id, std::string job_name, std::string payload);
  void join_finished();  // mutex_ held

  const core::Config& config_;
  InProcessDedupe& dedupe_;
  const NodeDedupe& node_dedupe_;
  AlertSpool spool_;
  std::mutex mutex_;  // guards senders_ and their done flags
  std::list<Sender> senders_;  // a list: each thread holds a reference to its own element
};

}  // namespace infra
