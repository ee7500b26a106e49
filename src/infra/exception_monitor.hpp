// The exception monitor (docs/domain/operations.md "Error monitoring"): called for every unhandled error in requests,
// commands, jobs and scheduled tasks. Order: monitoring enabled? → ignored status? → Sentry (not de-duplicated) →
// alerts enabled? → de-duplication in the database cache (so it holds across processes and nodes) → critical record on
// OPS_ALERTS_CHANNEL. It never throws: a broken alert path must not turn one error into two.
#pragma once

#include <cstdint>
#include <optional>
#include <string>

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
  // `database` may be null (no de-duplication possible: the alert goes through, as the reference does).
  ExceptionMonitor(const core::Config& config, db::Database* database, JobDispatcher dispatcher);
  // True when an alert record was written.
  bool report(const ErrorReport& error) const;

 private:
  const core::Config& config_;
  db::Database* database_;
  AlertChannels channels_;
};

// "N3foo3BarE" → "foo::Bar".
std::string demangle(const char* mangled);

}  // namespace infra
