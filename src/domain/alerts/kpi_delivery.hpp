// The weekly KPI report's schedule, recipients and runs (docs/domain/alerts.md). The schedule lives in the
// business settings (edited in /admin/configuracion/reportes), so the shop changes it without touching the server:
//
//   setting                  default   meaning
//   ───────────────────────  ────────  ──────────────────────────────────────────────────────────────────────────
//   kpi_report_enabled       1         0 = the scheduler does not send it ("Enviar ahora" still does)
//   kpi_report_day           1         ISO weekday, 1 Monday … 7 Sunday
//   kpi_report_time          08:30     local time (APP_TIMEZONE)
//   kpi_report_range         7         7, 30 or 90 days
//   kpi_report_recipients    ""        comma-separated e-mails; empty = every admin with an e-mail
//
// Every send (scheduled, "Enviar ahora", `reports:kpi --send`) leaves a row in kpi_report_runs: the last one is shown
// on the settings page and by the health check. Mails go through the queue (the run row and the jobs commit
// together). Blocking (SQL): worker threads and commands only.
#pragma once

#include <optional>
#include <string>
#include <vector>

#include "core/clock.hpp"
#include "domain/mail/message.hpp"

namespace core {
class Config;
}
namespace db {
class Database;
class Tx;
}

namespace alerts {

struct KpiSchedule {
  bool enabled = true;
  int weekday = 1;
  std::string time = "08:30";
  int range_days = 7;
  std::vector<std::string> recipients;  // empty = admins
};

KpiSchedule load_kpi_schedule(db::Database& database);

// Checks and normalises form input; returns the Spanish error of the first bad field (field name → message), or
// the schedule to store.
struct KpiScheduleInput {
  std::string enabled, weekday, time, range, recipients;
};
struct KpiScheduleCheck {
  std::optional<KpiSchedule> schedule;
  std::string field;    // first bad field ("weekday", "time", "range", "recipients")
  std::string message;  // "Elegí un día de la semana."
};
KpiScheduleCheck check_kpi_schedule(const KpiScheduleInput& input);
void save_kpi_schedule(db::Tx& tx, const KpiSchedule& schedule, long long admin_id);

struct KpiRun {
  std::string created_at;  // UTC SQL
  std::string source;      // scheduled | manual | command
  std::string outcome;     // queued | no_recipients | failed
  std::string detail;
  int range_days = 7;
};
std::optional<KpiRun> last_kpi_run(db::Database& database);

// Computes the report over `range_days` and queues it to `to` (empty: the schedule's recipients, else every admin).
// Records the run (a failure is recorded too, then rethrown). Returns the run.
KpiRun send_kpi_report(db::Database& database, const core::Config& config, int range_days,
                       std::vector<std::string> to, const std::string& source, core::SystemTime now);

// "lunes" for 1.
std::string weekday_name(int weekday);

}  // namespace alerts
