// KPI report schedule (business settings), runs (kpi_report_runs) and sending (see kpi_delivery.hpp).
#include "domain/alerts/kpi_delivery.hpp"

#include "core/config.hpp"
#include "core/log.hpp"
#include "core/strings.hpp"
#include "core/validation.hpp"
#include "db/database.hpp"
#include "db/row_values.hpp"
#include "db/unit_of_work.hpp"
#include "domain/alerts/digest_delivery.hpp"
#include "domain/alerts/kpi_mail.hpp"
#include "domain/alerts/kpi_report.hpp"
#include "domain/alerts/prepared_mail.hpp"
#include "domain/insights/csv_export.hpp"
#include "domain/mail/templated_mail.hpp"
#include "domain/settings/business_settings.hpp"

namespace alerts {

namespace {

bool valid_time(const std::string& text) {
  if (text.size() != 5 || text[2] != ':') return false;
  for (std::size_t i : {0u, 1u, 3u, 4u})
    if (text[i] < '0' || text[i] > '9') return false;
  return std::stoi(text.substr(0, 2)) < 24 && std::stoi(text.substr(3, 2)) < 60;
}

std::vector<std::string> email_list(const std::string& text) {
  std::vector<std::string> emails;
  for (auto part : core::split_csv(core::replace_all(text, ";", ","), ','))
    if (!core::trim(part).empty()) emails.push_back(core::trim(part));
  return emails;
}

void record_run(db::Database& database, const KpiRun& run) {
  db::write(database, [&](db::Tx& tx) {
    long long range = run.range_days;
    tx.sql() << "INSERT INTO kpi_report_runs (range_days, source, outcome, detail, created_at) "
                "VALUES (:r, :s, :o, :d, :c)",
        soci::use(range), soci::use(run.source), soci::use(run.outcome), soci::use(run.detail),
        soci::use(run.created_at);
  });
}

}  // namespace

std::string weekday_name(int weekday) {
  static const char* kNames[] = {"lunes", "martes", "miércoles", "jueves", "viernes", "sábado", "domingo"};
  return weekday >= 1 && weekday <= 7 ? kNames[weekday - 1] : "?";
}

KpiSchedule load_kpi_schedule(db::Database& database) {
  auto stored = settings::BusinessSettings::load(database);
  KpiSchedule schedule;
  schedule.enabled = stored.get("kpi_report_enabled", "1") == "1";
  std::string day = stored.get("kpi_report_day", "1");
  if (day.size() == 1 && day[0] >= '1' && day[0] <= '7') schedule.weekday = day[0] - '0';
  std::string time = stored.get("kpi_report_time", "08:30");
  if (valid_time(time)) schedule.time = time;
  schedule.range_days = parse_kpi_range(stored.get("kpi_report_range", "7")).value_or(7);
  schedule.recipients = email_list(stored.get("kpi_report_recipients", ""));
  return schedule;
}

KpiScheduleCheck check_kpi_schedule(const KpiScheduleInput& input) {
  KpiScheduleCheck check;
  KpiSchedule schedule;
  schedule.enabled = input.enabled == "1";
  std::string day = core::trim(input.weekday);
  if (day.size() != 1 || day[0] < '1' || day[0] > '7') {
    check.field = "weekday";
    check.message = "Elegí un día de la semana.";
    return check;
  }
  schedule.weekday = day[0] - '0';
  std::string time = core::trim(input.time);
  if (!valid_time(time)) {
    check.field = "time";
    check.message = "Ingresá la hora como HH:MM (por ejemplo 08:30).";
    return check;
  }
  schedule.time = time;
  auto range = parse_kpi_range(core::trim(input.range));
  if (!range) {
    check.field = "range";
    check.message = "Elegí un período de 7, 30 o 90 días.";
    return check;
  }
  schedule.range_days = *range;
  schedule.recipients = email_list(input.recipients);
  for (const auto& email : schedule.recipients) {
    if (!core::is_valid_email(email) || email.size() > 255) {
      check.field = "recipients";
      check.message = "«" + email + "» no es un e-mail válido. Separá los destinatarios con comas.";
      return check;
    }
  }
  if (schedule.recipients.size() > 20) {
    check.field = "recipients";
    check.message = "Podés poner hasta 20 destinatarios.";
    return check;
  }
  check.schedule = schedule;
  return check;
}

void save_kpi_schedule(db::Tx& tx, const KpiSchedule& schedule, long long admin_id) {
  std::string recipients;
  for (const auto& email : schedule.recipients) recipients += (recipients.empty() ? "" : ", ") + email;
  settings::BusinessSettings::put(tx, "kpi_report_enabled", schedule.enabled ? "1" : "0", admin_id);
  settings::BusinessSettings::put(tx, "kpi_report_day", std::to_string(schedule.weekday), admin_id);
  settings::BusinessSettings::put(tx, "kpi_report_time", schedule.time, admin_id);
  settings::BusinessSettings::put(tx, "kpi_report_range", std::to_string(schedule.range_days), admin_id);
  settings::BusinessSettings::put(tx, "kpi_report_recipients", recipients, admin_id);
}

std::optional<KpiRun> last_kpi_run(db::Database& database) {
  auto sql = database.lease();
  soci::rowset<soci::row> rows =
      (sql->prepare << "SELECT created_at, source, outcome, detail, range_days FROM kpi_report_runs "
                       "ORDER BY id DESC LIMIT 1");
  std::optional<KpiRun> run;
  for (const auto& row : rows)
    run = KpiRun{db::row_str(row, 0).substr(0, 19), db::row_str(row, 1), db::row_str(row, 2), db::row_str(row, 3),
                 static_cast<int>(db::row_int(row, 4))};
  return run;
}

KpiRun send_kpi_report(db::Database& database, const core::Config& config, int range_days,
                       std::vector<std::string> to, const std::string& source, core::SystemTime now) {
  KpiRun run;
  run.created_at = core::to_sql_utc(now);
  run.source = source;
  run.range_days = range_days;
  try {
    std::vector<mail::Address> recipients;
    if (to.empty()) to = load_kpi_schedule(database).recipients;
    for (const auto& email : to) recipients.push_back({email, ""});
    // The digest's default: every admin with an e-mail (OPS_DIGEST_RECIPIENTS does not apply here).
    if (recipients.empty()) recipients = admin_addresses(database);
    if (recipients.empty()) {
      run.outcome = "no_recipients";
      run.detail = "Sin destinatarios: no hay administradores con e-mail.";
      record_run(database, run);
      return run;
    }
    auto report = compute_kpi_report(database, range_days, now);
    std::string shop = mail::shop_name(database, config);
    std::string url = config.str("APP_URL");
    while (!url.empty() && url.back() == '/') url.pop_back();
    char delimiter = insights::csv_delimiter(config.str("EXPORT_CSV_DELIMITER"));
    std::string list;
    for (const auto& address : recipients) list += (list.empty() ? "" : ", ") + address.email;
    run.outcome = "queued";
    run.detail = "Enviado a " + list;
    long long range = range_days;
    db::write(database, [&](db::Tx& tx) {
      tx.sql() << "INSERT INTO kpi_report_runs (range_days, source, outcome, detail, created_at) "
                  "VALUES (:r, :s, :o, :d, :c)",
          soci::use(range), soci::use(run.source), soci::use(run.outcome), soci::use(run.detail),
          soci::use(run.created_at);
      for (const auto& address : recipients)
        queue_prepared_mail(tx, config, kpi_message(report, shop, url, address, delimiter));
    });
    return run;
  } catch (const std::exception& error) {
    run.outcome = "failed";
    run.detail = std::string("Error: ") + error.what();
    try {
      record_run(database, run);
    } catch (const std::exception& again) {
      core::log::error("KPI report run not recorded", {{"error", again.what()}});
    }
    throw;
  }
}

}  // namespace alerts
