// Ops alert channels (docs/domain/operations.md "Alert channels"):
//   ops_daily   storage/logs/ops-alerts-YYYY-MM-DD.log, one line per alert, OPS_ALERT_DAILY_DAYS files kept
//   ops_slack   Slack/Discord-compatible incoming webhook (OPS_ALERT_WEBHOOK_URL)
//   ops_alerts  the stack: every channel listed in OPS_ALERT_STACK (default ops_daily)
// Webhook and Sentry deliveries go through a JobDispatcher (the queue in the server and workers) so a slow or
// dead endpoint never blocks a request; `ops:alert-test` delivers immediately to prove a channel works. When the
// dispatcher throws (the database behind the queue is down) and a fallback is set, the delivery goes to the
// fallback instead (alert_fallback.hpp: local spool + direct delivery off the request path).
#pragma once

#include <chrono>
#include <functional>
#include <string>
#include <string_view>

#include "infra/alert_payloads.hpp"

namespace core {
class Config;
}

namespace infra {

inline constexpr const char* kWebhookJob = "ops.alert.webhook";  // payload: the webhook JSON body
inline constexpr const char* kSentryJob = "ops.alert.sentry";    // payload: the Sentry envelope

// Hands a job to the queue. An empty dispatcher means "deliver now, in this thread".
using JobDispatcher = std::function<void(const std::string& job_name, const std::string& payload)>;

// What an alert is de-duplicated by: the SHA-1 of the error's fingerprint and OPS_ALERTS_DEDUPE_MINUTES.
// An empty hash or a zero window means "no de-duplication".
struct AlertKey {
  std::string hash;
  std::chrono::seconds window{0};
};

class AlertFallback;

class AlertChannels final {
 public:
  AlertChannels(const core::Config& config, JobDispatcher dispatcher);
  // Where deliveries go when the dispatcher throws (not owned; may be null: the error then propagates).
  void set_fallback(AlertFallback* fallback) { fallback_ = fallback; }

  static bool is_known(std::string_view channel);
  // Writes a record to a channel. Immediate deliveries throw std::runtime_error when they fail.
  void write(const std::string& channel, const AlertRecord& record, const AlertKey& key = {}) const;
  // Sends a Sentry envelope (queued when a dispatcher exists). Throws on an invalid DSN.
  void send_to_sentry(const SentryEvent& event, const AlertKey& key = {}) const;

 private:
  void write_daily(const AlertRecord& record) const;
  void send_webhook(const AlertRecord& record, const AlertKey& key) const;
  void dispatch(const char* job_name, const std::string& payload, const AlertKey& key) const;
  bool level_allows_critical() const;

  const core::Config& config_;
  JobDispatcher dispatcher_;
  AlertFallback* fallback_ = nullptr;
};

// Queue job handlers: deliver, or throw so the queue retries with backoff.
void deliver_webhook_job(const core::Config& config, const std::string& payload);
void deliver_sentry_job(const core::Config& config, const std::string& payload);
// Either of the two by job name (kWebhookJob, kSentryJob); throws std::invalid_argument for another name.
void deliver_alert_job(const core::Config& config, const std::string& job_name, const std::string& payload);

}  // namespace infra
