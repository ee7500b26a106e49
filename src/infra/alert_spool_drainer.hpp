// The queue worker's side of the alert spool (alert_spool.hpp): alerts that reached only the local spool while
// the database was down are moved into the database queue when `queue:work` starts, and then every 30 s while
// it runs, so they are delivered (with the queue's retries) as soon as the database answers again. The node-wide
// de-duplication claims of ended windows are cleaned up on the same beat.
#pragma once

#include <chrono>
#include <condition_variable>
#include <mutex>
#include <thread>

#include "infra/alert_dedupe.hpp"
#include "infra/alert_spool.hpp"

namespace core {
class Config;
}
namespace db {
class Database;
}

namespace infra {

class AlertSpoolDrainer final {
 public:
  // Drains once before returning (so `queue:work --stop-when-empty` sees the spooled alerts), then in the
  // background every `interval`.
  AlertSpoolDrainer(const core::Config& config, db::Database& database,
                    std::chrono::seconds interval = std::chrono::seconds(30));
  ~AlertSpoolDrainer();
  AlertSpoolDrainer(const AlertSpoolDrainer&) = delete;
  AlertSpoolDrainer& operator=(const AlertSpoolDrainer&) = delete;

  SpoolDrainResult drain_now() const;

 private:
  AlertSpool spool_;
  NodeDedupe claims_;  // swept here too: ended windows leave small files behind
  JobDispatcher push_;
  std::chrono::seconds interval_;
  std::mutex mutex_;  // guards stopping_
  std::condition_variable wake_;
  bool stopping_ = false;
  std::thread thread_;
};

}  // namespace infra
