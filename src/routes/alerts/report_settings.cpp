// GET/POST /admin/configuracion/reportes: the weekly KPI report's day, time, range, recipients and on/off, the last
// run and its result; POST /admin/configuracion/reportes/enviar ("Enviar ahora") queues the report at once with
// the saved range and recipients. docs/domain/alerts.md.
#include <chrono>

#include "core/clock.hpp"
#include "core/config.hpp"
#include "core/log.hpp"
#include "db/unit_of_work.hpp"
#include "domain/alerts/kpi_delivery.hpp"
#include "routes/alerts/handlers.hpp"
#include "core/validation.hpp"
#include "domain/settings/brand_assets.hpp"
#include "web/context.hpp"
#include "web/services.hpp"
#include "web/render.hpp"

namespace routes::alerts_area {

namespace {

constexpr const char* kPath = "/admin/configuracion/reportes";

std::string outcome_label(const std::string& outcome) {
  if (outcome == "queued") return "Enviado";
  if (outcome == "no_recipients") return "Sin destinatarios";
  return "Falló";
}

std::string source_label(const std::string& source) {
  if (source == "scheduled") return "programado";
  if (source == "manual") return "Enviar ahora";
  return "comando";
}

}  // namespace

http::Response report_settings_index(web::Context& context) {
  auto schedule = alerts::load_kpi_schedule(context.services.database);
  web::View view("pages/alerts/report_settings.tpl", "Admin - Reporte de indicadores");
  auto dict = view.dict();
  std::string day = context.old("weekday", std::to_string(schedule.weekday));
  for (int weekday = 1; weekday <= 7; ++weekday) {
    auto option = dict.add("DAY_OPTION");
    std::string value = std::to_string(weekday), name = alerts::weekday_name(weekday);
    name[0] = static_cast<char>(std::toupper(static_cast<unsigned char>(name[0])));
    option.set("VALUE", value).set("LABEL", name);
    if (value == day) option.show("SELECTED");
  }
  std::string range = context.old("range", std::to_string(schedule.range_days));
  for (const char* days : {"7", "30", "90"}) {
    auto option = dict.add("RANGE_OPTION");
    option.set("VALUE", days).set("LABEL", std::string("Últimos ") + days + " días");
    if (range == days) option.show("SELECTED");
  }
  std::string recipients;
  for (const auto& email : schedule.recipients) recipients += (recipients.empty() ? "" : ", ") + email;
  dict.set("TIME", context.old("time", schedule.time));
  dict.set("RECIPIENTS", context.old("recipients", recipients));
  dict.show_if(context.errors.empty() ? schedule.enabled : context.old("enabled") == "1", "ENABLED");
  for (const char* field : {"weekday", "time", "range", "recipients"}) {
    std::string section = std::string("ERROR_") + field;
    for (auto& c : section) c = static_cast<char>(std::toupper(static_cast<unsigned char>(c)));
    if (auto message = context.errors.first(field); !message.empty()) dict.add(section).set("MESSAGE", message);
  }
  if (auto run = alerts::last_kpi_run(context.services.database)) {
    auto last = dict.add("LAST_RUN");
    last.set("WHEN", core::format_local(run->created_at)).set("OUTCOME", outcome_label(run->outcome));
    last.set("OUTCOME_KEY", run->outcome).set("SOURCE", source_label(run->source)).set("DETAIL", run->detail);
    last.set("RANGE", run->range_days);
    last.set("BADGE", run->outcome == "queued" ? "badge-emerald" : "badge-rose");
  } else {
    dict.show("NO_RUN");
  }
  return web::render(context, view);
}

http::Response report_settings_update(web::Context& context) {
  alerts::KpiScheduleInput input{context.input.value("enabled"), context.input.value("weekday"),
                                 context.input.value("time"), context.input.value("range"),
                                 context.input.value("recipients")};
  auto check = alerts::check_kpi_schedule(input);
  if (!check.schedule) {
    web::FieldErrors errors;
    errors.add(check.field, check.message);
    return context.back_with_errors(errors, {}, kPath);
  }
  db::write(context.services.database,
            [&](db::Tx& tx) { alerts::save_kpi_schedule(tx, *check.schedule, context.user->id); });
  if (context.services.settings_cache) context.services.settings_cache->invalidate();
  context.flash_next("success", "Reporte guardado. El próximo se envía el " +
                                    alerts::weekday_name(check.schedule->weekday) + " a las " +
                                    check.schedule->time + ".");
  return http::Response::redirect(kPath, 302);
}

http::Response report_send_now(web::Context& context) {
  auto schedule = alerts::load_kpi_schedule(context.services.database);
  try {
    auto run = alerts::send_kpi_report(context.services.database, context.services.config, schedule.range_days, {},
                                       "manual", std::chrono::system_clock::now());
    context.flash_next("success", run.outcome == "queued" ? "Reporte en camino. " + run.detail + "."
                                                          : "No se envió: " + run.detail);
  } catch (const std::exception& error) {
    core::log::error("KPI report could not be sent from the settings page", {{"error", error.what()}});
    context.flash_next("success", "No se pudo enviar el reporte. El error quedó registrado abajo.");
  }
  return http::Response::redirect(kPath, 302);
}

}  // namespace routes::alerts_area
