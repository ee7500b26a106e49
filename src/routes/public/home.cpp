// The landing page.
#include "routes/handlers.hpp"
#include "web/context.hpp"
#include "web/render.hpp"

namespace routes {

http::Response home(web::Context& context) {
  web::View view("pages/home.tpl", "Tienda");
  view.nav_store_active = true;
  return web::render(context, view);
}

}  // namespace routes
