// GET /storage/{path}: uploaded files from storage/app/public, for installs without nginx in front (local,
// development, or APP_ALLOW_STORAGE_LOCAL_ROUTE=true); production serves them from the web server.
#include "core/config.hpp"
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
  if (!allowed) return web::error_page(context.services, &context, 404);
  const std::string& relative = context.params.at("path");
  if (relative.find("..") != std::string::npos) return web::error_page(context.services, &context, 400);
  auto file = web::resolve_public_file(config.storage_path("app/public"), relative);
  if (!file) return web::error_page(context.services, &context, 404);
  auto response = web::static_file_response(*file, false);
  // Uploaded content is served as data only: never sniffed, never run as a page.
  response.set_header("Content-Security-Policy", "default-src 'none'; img-src 'self'; sandbox");
  return response;
}

}  // namespace routes
