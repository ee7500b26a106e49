// Direct delivery of alerts while the database queue is down (see alert_fallback.hpp): de-duplication, spool
// entry, one background sender thread.
#include "infra/alert_fallback.hpp"

#include "core/config.hpp"
#include "core/log.hpp"

namespace infra {

AlertFallback::AlertFallback(const core::Config& config, InProcessDedupe& dedupe, AlertSpool spool)
    : config_(config), dedupe_(dedupe), spool_(std::move(spool)) {}

AlertFallback::~AlertFallback() {
  {
    std::lock_guard lock(mutex_);
    stopping_ = true;
  }
  wake_.notify_all();
  if (thread_.joinable()) thread_.join();
}

void AlertFallback::take(const std::string& job_name, const std::string& payload, const AlertKey& key,
                         const std::string& why) {
  try {
    std::string flight_key = job_name + "|" + key.hash;
    // The window de-duplication of the cache, in process: one delivery per key and window during the outage.
    if (!key.hash.empty() && !dedupe_.claim("fallback:" + flight_key, key.window)) return;

    std::unique_lock lock(mutex_);
    bool direct = !stopping_ && !in_flight_.contains(flight_key) && in_flight_.size() < kMaxInFlight;
    if (direct) in_flight_.insert(flight_key);  // reserved now, so a concurrent report of this key spools only
    lock.unlock();

    std::string spool_id;
    try {
      spool_id = spool_.write(job_name, payload, direct ? SpoolState::kPending : SpoolState::kReady);
    } catch (const std::exception& e) {
      core::log::error("alert could not be written to the local spool",
                       {{"job", job_name}, {"folder", spool_.folder().string()}, {"error", e.what()}});
    }
    core::log::warning(direct ? "alert not queued (database unavailable): delivering it directly"
                              : "alert not queued (database unavailable): left in the local spool",
                       {{"job", job_name}, {"spool_id", spool_id}, {"error", why}});
    if (!direct) return;

    lock.lock();
    queued_.push_back({spool_id, job_name, payload, flight_key});
    if (!thread_.joinable()) thread_ = std::thread([this] { run(); });
    lock.unlock();
    wake_.notify_one();
  } catch (const std::exception& e) {
    core::log::error("alert fallback failed", {{"job", job_name}, {"error", e.what()}});
  }
}

void AlertFallback::run() {
  std::unique_lock lock(mutex_);
  for (;;) {
    wake_.wait(lock, [this] { return stopping_ || !queued_.empty(); });
    if (queued_.empty()) return;  // stopping, and everything handed over was delivered or given up
    Delivery delivery = std::move(queued_.front());
    queued_.pop_front();
    lock.unlock();

    bool delivered = false;
    try {
      deliver_alert_job(config_, delivery.job_name, delivery.payload);
      delivered = true;
    } catch (const std::exception& e) {
      core::log::warning("direct alert delivery failed; the queue worker will retry it from the spool",
                         {{"job", delivery.job_name}, {"spool_id", delivery.spool_id}, {"error", e.what()}});
    }
    if (!delivery.spool_id.empty())
      spool_.move(delivery.spool_id, SpoolState::kPending, delivered ? SpoolState::kSent : SpoolState::kReady);

    lock.lock();
    in_flight_.erase(delivery.flight_key);
  }
}

}  // namespace infra
