// Direct delivery of alerts while the database queue is down (see alert_fallback.hpp): de-duplication, spool
// entry, one short-lived sender thread per delivery.
#include "infra/alert_fallback.hpp"

#include <algorithm>

#include "core/config.hpp"
#include "core/log.hpp"

namespace infra {

AlertFallback::AlertFallback(const core::Config& config, InProcessDedupe& dedupe, const NodeDedupe& node_dedupe,
                             AlertSpool spool)
    : config_(config), dedupe_(dedupe), node_dedupe_(node_dedupe), spool_(std::move(spool)) {}

AlertFallback::~AlertFallback() {
  // No take() runs any more (the owner is being destroyed); the senders only touch their own element under mutex_.
  for (auto& sender : senders_) {
    if (sender.thread.joinable()) sender.thread.join();
  }
}

void AlertFallback::join_finished() {
  for (auto it = senders_.begin(); it != senders_.end();) {
    if (!it->done) {
      ++it;
      continue;
    }
    if (it->thread.joinable()) it->thread.join();  // already returned: does not wait
    it = senders_.erase(it);
  }
}

void AlertFallback::take(const std::string& job_name, const std::string& payload, const AlertKey& key,
                         const std::string& why) {
  try {
    std::string flight_key = job_name + "|" + key.hash;
    // The window de-duplication of the cache, without it: one delivery per key and window during the outage.
    std::string claim = "fallback:" + flight_key;
    if (!key.hash.empty() && (!dedupe_.claim(claim, key.window) || !node_dedupe_.claim(claim, key.window))) return;

    Sender* sender = nullptr;
    {
      std::lock_guard lock(mutex_);
      join_finished();
      bool busy = std::any_of(senders_.begin(), senders_.end(),
                              [&](const Sender& s) { return s.flight_key == flight_key; });
      if (!busy && senders_.size() < kMaxInFlight) {
        senders_.push_back(Sender{flight_key, {}, false});  // reserved now: a concurrent report of this key spools only
        sender = &senders_.back();
      }
    }

    std::string spool_id;
    try {
      spool_id = spool_.write(job_name, payload, sender ? SpoolState::kPending : SpoolState::kReady);
    } catch (const std::exception& e) {
      core::log::error("alert could not be written to the local spool",
                       {{"job", job_name}, {"folder", spool_.folder().string()}, {"error", e.what()}});
    }
    core::log::warning(sender ? "alert not queued (database unavailable): delivering it directly"
                              : "alert not queued (database unavailable): left in the local spool",
                       {{"job", job_name}, {"spool_id", spool_id}, {"error", why.substr(0, 300)}});
    if (!sender) return;

    std::lock_guard lock(mutex_);
    try {
      sender->thread = std::thread([this, sender, spool_id, job_name, payload] {
        deliver(*sender, spool_id, job_name, payload);
      });
    } catch (const std::exception&) {
      sender->done = true;  // no thread: the spool entry (pending) is picked up by the drain after its grace
      throw;
    }
  } catch (const std::exception& e) {
    core::log::error("alert fallback failed", {{"job", job_name}, {"error", e.what()}});
  }
}

void AlertFallback::deliver(Sender& sender, std::string spool_id, std::string job_name, std::string payload) {
  bool delivered = false;
  try {
    deliver_alert_job(config_, job_name, payload);
    delivered = true;
  } catch (const std::exception& e) {
    core::log::warning("direct alert delivery failed; the queue worker will retry it from the spool",
                       {{"job", job_name}, {"spool_id", spool_id}, {"error", e.what()}});
  }
  if (!spool_id.empty())
    spool_.move(spool_id, SpoolState::kPending, delivered ? SpoolState::kSent : SpoolState::kReady);
  std::lock_guard lock(mutex_);
  sender.done = true;
}

}  // namespace infra
