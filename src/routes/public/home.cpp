// The landing page and the load-balancer probe.
#include "routes/handlers.hpp"
#include "web/context.hpp"
#include "web/render.hpp"

namespace routes {

http::Response health_up(web::Context&) {
  auto response = http::Response::text(200, "OK");
  response.set_header("Cache-Control", "no-store");
  return response;
}

http::Response home(web::Context& context) {
  web::View view("pages/home.tpl", "Tienda");
  view.nav_store_active = true;
  return web::render(context, view);
}

}  // namespace routes
