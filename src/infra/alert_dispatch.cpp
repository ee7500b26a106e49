// Alert delivery routing and the one-shot failure report for commands (see alert_dispatch.hpp).
#include "infra/alert_dispatch.hpp"

#include <memory>
#include <stdexcept>

#include "core/config.hpp"
#include "db/database.hpp"
#include "infra/exception_monitor.hpp"
#include "infra/queue.hpp"

namespace infra {

JobDispatcher alert_dispatcher(const core::Config& config, db::Database* database) {
  if (config.str("QUEUE_CONNECTION") == "sync") return {};
  // No database at all is the same as a database that is down: the monitor's fallback spools and delivers.
  if (!database) return [](const std::string&, const std::string&) { throw std::runtime_error("no database connection"); };
  return [database](const std::string& job_name, const std::string& payload) {
    Queue(*database, QueueConnection::kDatabase, nullptr).push(job_name, payload);
  };
}

void report_failure(const core::Config& config, const std::string& exception_class, const std::string& message,
                    const std::string& where) {
  try {
    std::unique_ptr<db::Database> database;
    try {
      // Reporting must never create a database (a missing SQLite file may be the very failure being reported).
      auto settings = db::settings_from_config(config, 1);
      settings.create_if_missing = false;
      database = std::make_unique<db::Database>(settings);
    } catch (const std::exception&) {
      database.reset();  // in-process de-duplication, spool and direct delivery: still better than silence
    }
    ExceptionMonitor monitor(config, database.get(), alert_dispatcher(config, database.get()));
    ErrorReport report;
    report.exception_class = exception_class;
    report.message = message;
    report.file = where;
    monitor.report(report);
  } catch (const std::exception&) {
  }
}

}  // namespace infra
