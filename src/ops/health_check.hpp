// `nico ops:health-check`: the production-readiness report (docs/domain/operations.md "Health check"; labels,
// order and texts kept from the reference, with `php artisan` replaced by `nico`) plus the checks the reference
// lacked: pending migrations, disk space, newest backup age, failed jobs, worker and scheduler heartbeats, SMTP
// reachability.
// Every check is isolated: an exception becomes a FAIL row with a sanitised message, never a crash.
#pragma once

#include <string>
#include <vector>

namespace core {
class Config;
}
namespace db {
class Database;
}

namespace ops {

enum class CheckStatus { kOk, kWarn, kFail };

struct CheckRow {
  CheckStatus status;
  std::string check;    // label ("APP_KEY", "Database connection", …)
  std::string details;  // one line
};

struct HealthReport {
  std::vector<CheckRow> rows;
  int count(CheckStatus status) const;
  // 1 when any FAIL, or any WARN with `strict`; else 0.
  int exit_code(bool strict) const;
};

struct HealthCheckOptions {
  bool assume_production = false;  // judge the configuration as if APP_ENV=production
};

// Runs every check against `config` (opening its own database connection). Never throws.
HealthReport run_health_check(const core::Config& config, const HealthCheckOptions& options);
// Only the rows about a database (connection, core tables, jobs table, migrations), against `database` — used on
// a freshly restored copy by `ops:restore`. Never throws.
HealthReport run_database_health_check(const core::Config& config, db::Database& database);

// "Health Check Report" + the bordered table + "Summary: X OK, Y WARN, Z FAIL".
std::string render_table(const HealthReport& report);
// {"rows":[{"status":"OK","check":"…","details":"…"},…],"summary":{"ok":n,"warn":n,"fail":n}}
std::string render_json(const HealthReport& report);

// Trim, CR/LF → space, empty → "Unexpected error.", cut to 220 characters + "..." (docs/domain/operations.md).
std::string sanitise_error(const std::string& message);

}  // namespace ops
