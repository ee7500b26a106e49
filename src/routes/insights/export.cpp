// GET /admin/exportar/{pedidos|reparaciones|productos}?desde=YYYY-MM-DD&hasta=YYYY-MM-DD: a CSV download,
// separated by EXPORT_CSV_DELIMITER (`;` unless configured; see domain/insights/csv_export.hpp).
//
// Streaming: the rows are written one by one to a file under storage/app/exports (random name) as SOCI fetches
// them, and the response hands that file to the HTTP layer, which streams it from disk like any static file —
// neither the query result nor the CSV is ever held in memory. The server opens the file after the handler
// returns, so it cannot be deleted here; each export first removes exports older than kKeepSeconds (Linux keeps
// a file that is being sent readable after unlinking, so an old download in flight is not cut).
#include <chrono>
#include <filesystem>
#include <fstream>

#include "core/config.hpp"
#include "core/crypto.hpp"
#include "core/errors.hpp"
#include "core/log.hpp"
#include "domain/insights/calendar.hpp"
#include "domain/insights/csv_export.hpp"
#include "routes/insights/handlers.hpp"
#include "web/context.hpp"
#include "web/render.hpp"

namespace routes {

namespace {

constexpr int kKeepSeconds = 15 * 60;

void remove_old_exports(const std::filesystem::path& folder) {
  std::error_code ec;
  auto limit = std::filesystem::file_time_type::clock::now() - std::chrono::seconds(kKeepSeconds);
  for (const auto& entry : std::filesystem::directory_iterator(folder, ec)) {
    if (entry.path().extension() != ".csv") continue;
    std::error_code time_error;
    auto written = entry.last_write_time(time_error);
    if (!time_error && written < limit) std::filesystem::remove(entry.path(), time_error);
  }
}

}  // namespace

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

  auto folder = context.services.config.storage_path("app/exports");
  std::filesystem::create_directories(folder);
  remove_old_exports(folder);
  auto file = folder / (std::string(insights::export_name(*kind)) + "-" + core::random_token(24) + ".csv");
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
  http::Response response;
  response.status = 200;
  response.file_path = file.string();
  response.set_header("Content-Type", "text/csv; charset=utf-8");
  response.set_header("Content-Disposition", "attachment; filename=\"" + name + ".csv\"");
  response.set_header("Cache-Control", "no-store");
  response.set_header("X-Export-Rows", std::to_string(rows));
  return response;
}

}  // namespace routes
