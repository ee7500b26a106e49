// GET /storage/{path}: uploaded files from storage/app/public, for installs without nginx in front (local,
// development, or APP_ALLOW_STORAGE_LOCAL_ROUTE=true); production serves them from the web server.
#include "core/config.hpp"
#include "core/errors.hpp"
#include "routes/handlers.hpp"
#include "web/context.hpp"
#include "web/render.hpp"
#include "web/static_files.hpp"
#include "web/uploads.hpp"

namespace routes {

http::Response serve_storage(web::Context& context) {
  const auto& config = context.services.config;
  const std::string& env = config.str("APP_ENV");
  bool allowed = env == "local" || env == "development" || config.boolean("APP_ALLOW_STORAGE_LOCAL_ROUTE");
  if (!allowed) throw core::not_found();
  const std::string& relative = context.params.at("path");
  if (relative.find("..") != std::string::npos) throw core::bad_request({}, "storage path with ..");
  auto file = web::resolve_public_file(config.storage_path("app/public"), relative);
  if (!file) throw core::not_found();
  auto response = web::static_file_response(*file, false, context.request);
  // Uploaded content is served as data only: never sniffed, never run as a page.
  response.set_header("Content-Security-Policy", "default-src 'none'; img-src 'self'; sandbox");
  return response;
}

}  // namespace routes
