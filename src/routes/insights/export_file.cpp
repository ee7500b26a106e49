// The exports folder and the download answer shared by every CSV export (see export_file.hpp).
#include "routes/insights/export_file.hpp"

#include <chrono>

#include "core/config.hpp"
#include "core/crypto.hpp"
#include "web/context.hpp"

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

std::filesystem::path new_export_file(const web::Context& context, std::string_view prefix) {
  auto folder = context.services.config.storage_path("app/exports");
  std::filesystem::create_directories(folder);
  remove_old_exports(folder);
  return folder / (std::string(prefix) + "-" + core::random_token(24) + ".csv");
}

http::Response csv_download(const std::filesystem::path& file, const std::string& download_name, std::int64_t rows) {
  http::Response response;
  response.status = 200;
  response.file_path = file.string();
  response.set_header("Content-Type", "text/csv; charset=utf-8");
  response.set_header("Content-Disposition", "attachment; filename=\"" + download_name + ".csv\"");
  response.set_header("Cache-Control", "no-store");
  response.set_header("X-Export-Rows", std::to_string(rows));
  return response;
}

}  // namespace routes
