// The exception monitor (docs/domain/operations.md "Error monitoring"): called for every unhandled error in requests,
// commands, jobs and scheduled tasks. Order: monitoring enabled? → ignored status? → Sentry (not de-duplicated) →
// alerts enabled? → de-duplication (in this process, then in the database cache so it holds across processes and
// nodes) → critical record on OPS_ALERTS_CHANNEL. It never throws: a broken alert path must not turn one error
// into two.
//
// With the database down (docs/ARCHITECTURE.md, "Alerts: the fallback path"): the cache cannot de-duplicate,
// so the in-process de-duplication alone decides (same key, same window); the queue cannot take the webhook or
// Sentry delivery, so it goes to the AlertFallback (local spool + direct delivery on a background thread), where
// Sentry events are de-duplicated too (one per key and window during the outage, instead of one per error).
#pragma once

#include <cstdint>
#include <memory>
#include <optional>
#include <string>

#include "infra/alert_dedupe.hpp"
#include "infra/alerts.hpp"

namespace db {
class Database;
}

namespace infra {

struct ErrorReport {
  std::string exception_class;  // demangled C++ type, or a label such as "ScheduledTaskFailed"
  std::string message;
  std::string file;             // where: source file, route name or command name
  int line = 0;
  std::string url, method, ip;  // request context ("" outside requests)
  std::string path;             // request path without leading slash ("/" for the root), "" outside requests
  std::optional<std::int64_t> user_id;
  int http_status = 0;          // set when the error carries an HTTP status
};

class ExceptionMonitor final {
 public:
  // `database` may be null (de-duplication in process only). A non-empty `dispatcher` (the queue) gets the
  // fallback: what it refuses is spooled and delivered directly.
  ExceptionMonitor(const core::Config& config, db::Database* database, JobDispatcher dispatcher);
  ~ExceptionMonitor();  // finishes the direct deliveries in hand (bounded by their 10 s timeout)
  ExceptionMonitor(const ExceptionMonitor&) = delete;
  ExceptionMonitor& operator=(const ExceptionMonitor&) = delete;
  // True when an alert record was written.
  bool report(const ErrorReport& error) const;

 private:
  const core::Config& config_;
  db::Database* database_;
  mutable InProcessDedupe dedupe_;
  NodeDedupe node_dedupe_;
  std::unique_ptr<AlertFallback> fallback_;  // null without a dispatcher
  AlertChannels channels_;
};

// "N3foo3BarE" → "foo::Bar".
std::string demangle(const char* mangled);

// The message as the de-duplication key sees it: without SOCI's bound values (`... while executing "SQL" with
// :key="…", :now=1796…`) and with every run of digits as one '#' (timestamps, ids, ports vary per request).
// Without this an outage that fails every request the same way would be a new alert per request.
std::string fingerprint_message(const std::string& message);

}  // namespace infra
