// Periodic drain of the alert spool into the database queue, for `queue:work` (see alert_spool_drainer.hpp).
#include "infra/alert_spool_drainer.hpp"

#include "core/clock.hpp"
#include "core/config.hpp"
#include "infra/alert_dispatch.hpp"

namespace infra {

AlertSpoolDrainer::AlertSpoolDrainer(const core::Config& config, db::Database& database, std::chrono::seconds interval)
    : spool_(alert_spool_folder(config)),
      claims_(alert_dedupe_folder(config)),
      push_(alert_dispatcher(config, &database)),
      interval_(interval) {
  if (!push_) return;  // QUEUE_CONNECTION=sync: nothing is queued, nothing to drain into
  drain_now();
  thread_ = std::thread([this] {
    std::unique_lock lock(mutex_);
    while (!wake_.wait_for(lock, interval_, [this] { return stopping_; })) {
      lock.unlock();
      drain_now();
      lock.lock();
    }
  });
}

AlertSpoolDrainer::~AlertSpoolDrainer() {
  {
    std::lock_guard lock(mutex_);
    stopping_ = true;
  }
  wake_.notify_all();
  if (thread_.joinable()) thread_.join();
}

SpoolDrainResult AlertSpoolDrainer::drain_now() const {
  claims_.sweep(core::unix_now(), std::chrono::hours(1));
  return drain_alert_spool(spool_, push_);
}

}  // namespace infra
