// GET /admin/garantias: the warranty registry with its filters, the totals of the filtered period (cost,
// recovered, loss) and the suppliers that cost the most; GET /admin/garantias/exportar: the same incidents as CSV.
#include <chrono>
#include <cstdio>
#include <fstream>

#include "core/config.hpp"
#include "core/errors.hpp"
#include "core/log.hpp"
#include "core/money.hpp"
#include "core/clock.hpp"
#include "domain/insights/calendar.hpp"
#include "domain/insights/csv_export.hpp"
#include "domain/warranty/incident_export.hpp"
#include "domain/warranty/suppliers.hpp"
#include "http/form.hpp"
#include "routes/back_office/common.hpp"
#include "routes/insights/export_file.hpp"
#include "routes/warranty/filters.hpp"
#include "routes/warranty/handlers.hpp"
#include "routes/warranty/view_helpers.hpp"
#include "web/context.hpp"
#include "web/render.hpp"

namespace routes::warranty_admin {

namespace {

using back_office::add_options;

// The current query string without `drop`, plus `extra`.
std::string with_query(const web::Context& context, const std::string& path, std::initializer_list<const char*> drop,
                       const std::vector<std::pair<std::string, std::string>>& extra = {}) {
  std::vector<std::pair<std::string, std::string>> pairs;
  for (const auto& field : context.query.fields()) {
    bool dropped = false;
    for (const char* name : drop) dropped = dropped || field.first == name;
    if (!dropped && !field.second.empty()) pairs.push_back(field);
  }
  for (const auto& pair : extra) pairs.push_back(pair);
  return pairs.empty() ? path : path + "?" + http::build_urlencoded(pairs);
}

// "Del 01/12/2026 al 07/12/2026", "Desde el …", "Hasta el …" or "Todo el historial".
std::string period_label(const ListQuery& query) {
  bool from = !query.filter.from_utc.empty(), to = !query.filter.to_utc.empty();
  if (from && to) return "Del " + local_day_label(query.from) + " al " + local_day_label(query.to);
  if (from) return "Desde el " + local_day_label(query.from);
  if (to) return "Hasta el " + local_day_label(query.to);
  return "Todo el historial";
}

// Quick periods in the shop's calendar: this month, last month, the last 30 days, everything.
void add_periods(web::Dict dict, const web::Context& context, const ListQuery& query) {
  auto now = std::chrono::system_clock::now();
  std::string today = insights::local_date(now);
  int year = std::stoi(today.substr(0, 4)), month = std::stoi(today.substr(5, 2));
  int previous_year = month == 1 ? year - 1 : year, previous_month = month == 1 ? 12 : month - 1;
  char buffer[32];
  std::snprintf(buffer, sizeof buffer, "%04d-%02d-01", previous_year, previous_month);
  std::string previous_start = buffer;
  std::string month_start = today.substr(0, 8) + "01";
  // The last day of last month is the day before the 1st of this one.
  auto month_start_utc = insights::local_day_start_utc(month_start);
  core::SystemTime month_start_time;
  std::string previous_end = previous_start;
  if (month_start_utc && core::parse_sql_utc(*month_start_utc, month_start_time))
    previous_end = insights::local_date(month_start_time + std::chrono::hours(12), 1);
  struct Period {
    const char* label;
    std::string from, to;
  };
  const Period periods[] = {{"Este mes", month_start, today},
                            {"Mes anterior", previous_start, previous_end},
                            {"Últimos 30 días", insights::local_date(now, 29), today},
                            {"Todo", "", ""}};
  for (const auto& period : periods) {
    auto link = dict.add("PERIOD");
    std::vector<std::pair<std::string, std::string>> extra;
    if (!period.from.empty()) extra = {{"desde", period.from}, {"hasta", period.to}};
    link.set("LABEL", period.label).set("URL", with_query(context, "/admin/garantias", {"desde", "hasta", "page"}, extra));
    if (period.from == query.from && period.to == query.to) link.show("ACTIVE");
  }
}

void fill_row(web::Dict row, const warranty::Incident& incident) {
  row.set("ID", incident.id).set("DATE", core::format_local(incident.created_at));
  row.set("SOURCE_TYPE", std::string(warranty::source_type_key(incident.source_type)));
  row.set("SOURCE_TYPE_LABEL", std::string(warranty::source_type_label(incident.source_type)));
  std::string url = source_url(incident);
  if (url.empty()) row.add("SOURCE_TEXT").set("LABEL", incident.source_label);
  else row.add("SOURCE_LINK").set("URL", url).set("LABEL", incident.source_label);
  row.set("REASON", incident.reason).set("SUPPLIER", incident.supplier.empty() ? "—" : incident.supplier);
  row.set("QUANTITY", incident.quantity).set("UNIT_COST", core::format_ars(incident.unit_cost));
  row.set("COST", core::format_ars(incident.total_cost()));
  row.set("RECOVERED", core::format_ars(incident.recovered_amount)).set("LOSS", core::format_ars(incident.loss));
  row.set("STATUS_CLASS", status_class(incident.open)).set("STATUS_LABEL", status_label(incident.open));
  if (incident.open) row.show("OPEN");
  else row.show("CLOSED");
}

}  // namespace

http::Response index(web::Context& context) {
  ListQuery query = parse_list_query(context);
  auto page = warranty::list_incidents(context.services.database, query.filter);
  auto suppliers = warranty::list_suppliers(context.services.database);

  web::View view("pages/warranty/index.tpl", "Admin — Garantías");
  auto dict = view.dict();
  dict.set("Q", query.q).set("FROM", query.from).set("TO", query.to);
  add_options(dict, "STATUS_OPTION", {{"", "Todas"}, {"open", "Abiertas"}, {"closed", "Cerradas"}}, query.filter.status);
  add_options(dict, "SOURCE_OPTION",
              {{"", "Todos los orígenes"}, {"repair", "Reparación"}, {"product", "Producto"},
               {"counter_sale", "Venta en mostrador"}},
              query.filter.source_type ? std::string(warranty::source_type_key(*query.filter.source_type)) : "");
  std::vector<std::pair<std::string, std::string>> supplier_options{{"", "Todos los proveedores"}};
  for (const auto& supplier : suppliers) supplier_options.emplace_back(std::to_string(supplier.id), supplier.name);
  add_options(dict, "SUPPLIER_OPTION", supplier_options,
              query.filter.supplier_id ? std::to_string(*query.filter.supplier_id) : "");
  if (query.filtered) dict.show("CLEAR_FILTERS");
  if (!query.date_error.empty()) dict.add("DATE_ERROR").set("MESSAGE", query.date_error);
  add_periods(dict, context, query);

  dict.set("PERIOD_LABEL", period_label(query));
  dict.set("TOTAL_INCIDENTS", page.totals.incidents).set("TOTAL_OPEN", page.totals.open);
  dict.set("TOTAL_COST", core::format_ars(page.totals.cost));
  dict.set("TOTAL_RECOVERED", core::format_ars(page.totals.recovered));
  dict.set("TOTAL_LOSS", core::format_ars(page.totals.loss));
  dict.set("EXPORT_URL", with_query(context, "/admin/garantias/exportar", {"page"}));

  if (page.top_suppliers.empty()) dict.show("NO_TOP_SUPPLIERS");
  int rank = 0;
  for (const auto& supplier : page.top_suppliers) {
    auto row = dict.add("TOP_SUPPLIER");
    row.set("RANK", ++rank).set("NAME", supplier.name);
    row.set("INCIDENTS", std::to_string(supplier.incidents) + (supplier.incidents == 1 ? " incidencia" : " incidencias"));
    row.set("LOSS", core::format_ars(supplier.loss));
    if (supplier.supplier_id)
      row.add("FILTER").set("URL", with_query(context, "/admin/garantias", {"supplier_id", "page"},
                                              {{"supplier_id", std::to_string(*supplier.supplier_id)}}));
  }

  if (page.rows.empty()) dict.show("EMPTY");
  for (const auto& incident : page.rows) fill_row(dict.add("INCIDENT"), incident);
  back_office::add_pagination(dict, context, "/admin/garantias", page.page, page.pages);
  return web::render(context, view);
}

http::Response export_csv(web::Context& context) {
  ListQuery query = parse_list_query(context);
  if (!query.date_error.empty()) throw core::bad_request(query.date_error, "bad warranty export date");
  auto file = new_export_file(context, "garantias");
  std::int64_t rows = 0;
  {
    std::ofstream out(file, std::ios::binary | std::ios::trunc);
    if (!out) throw std::runtime_error("cannot create " + file.string());
    rows = warranty::write_incidents_csv(context.services.database, query.filter, out,
                                         insights::csv_delimiter(context.services.config.str("EXPORT_CSV_DELIMITER")));
  }
  core::log::info("csv export", {{"type", "garantias"}, {"rows", std::to_string(rows)}});
  std::string name = "garantias";
  if (!query.from.empty() || !query.to.empty())
    name += "_" + (query.from.empty() ? std::string("inicio") : query.from) + "_" +
            (query.to.empty() ? std::string("hoy") : query.to);
  return csv_download(file, name, rows);
}

}  // namespace routes::warranty_admin
