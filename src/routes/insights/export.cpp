// GET /admin/exportar/{pedidos|reparaciones|productos}?desde=YYYY-MM-DD&hasta=YYYY-MM-DD: a CSV download,
// separated by EXPORT_CSV_DELIMITER (`;` unless configured; see domain/insights/csv_export.hpp).
//
// Streaming and clean-up of old files: routes/insights/export_file.hpp.
#include <fstream>

#include "core/config.hpp"
#include "core/errors.hpp"
#include "core/log.hpp"
#include "domain/insights/calendar.hpp"
#include "domain/insights/csv_export.hpp"
#include "routes/insights/export_file.hpp"
#include "routes/insights/handlers.hpp"
#include "web/context.hpp"
#include "web/render.hpp"

namespace routes {

http::Response export_csv(web::Context& context) {
  auto type = context.params.find("type");
  auto kind = insights::parse_export_kind(type == context.params.end() ? "" : type->second);
  if (!kind) throw core::not_found();

  std::string from = context.query.value("desde"), to = context.query.value("hasta");
  std::string from_utc, to_utc;
  if (!from.empty()) {
    auto start = insights::local_day_start_utc(from);
    if (!start) throw core::bad_request("La fecha \"desde\" no es válida.", "bad export start date");
    from_utc = *start;
  }
  if (!to.empty()) {
    auto end = insights::local_day_end_utc(to);
    if (!end) throw core::bad_request("La fecha \"hasta\" no es válida.", "bad export end date");
    to_utc = *end;
  }

  auto file = new_export_file(context, insights::export_name(*kind));
  std::int64_t rows = 0;
  {
    std::ofstream out(file, std::ios::binary | std::ios::trunc);
    if (!out) throw std::runtime_error("cannot create " + file.string());
    rows = insights::write_export(context.services.database, *kind, from_utc, to_utc, out,
                                  insights::csv_delimiter(context.services.config.str("EXPORT_CSV_DELIMITER")));
  }
  core::log::info("csv export", {{"type", insights::export_name(*kind)}, {"rows", std::to_string(rows)}});

  std::string name = std::string(insights::export_name(*kind));
  if (!from.empty() || !to.empty()) name += "_" + (from.empty() ? std::string("inicio") : from) + "_" +
                                            (to.empty() ? std::string("hoy") : to);
  return csv_download(file, name, rows);
}

}  // namespace routes
