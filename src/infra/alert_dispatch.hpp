// How alert deliveries (webhook, Sentry) leave a process: pushed to the database queue, where a worker delivers
// them with retries, or delivered at once when QUEUE_CONNECTION=sync. Without a database (or with one that is
// down) the push throws and the exception monitor's fallback takes over (alert_fallback.hpp).
#pragma once

#include "infra/alerts.hpp"

namespace core {
class Config;
}
namespace db {
class Database;
}

namespace infra {

JobDispatcher alert_dispatcher(const core::Config& config, db::Database* database);

// Reports one failure to the exception monitor from a command context (opens its own database connection for
// de-duplication and the queue; works without one). Never throws.
void report_failure(const core::Config& config, const std::string& exception_class, const std::string& message,
                    const std::string& where);

}  // namespace infra
