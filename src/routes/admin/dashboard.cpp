// The admin landing page. For now a short list of the sections that exist; the KPI dashboard of
// spec/ui-contract.md §15 is the admin back-office work.
#include "routes/handlers.hpp"
#include "web/context.hpp"
#include "web/render.hpp"

namespace routes {

http::Response admin_dashboard(web::Context& context) {
  web::View view("pages/admin/dashboard.tpl", "Admin - Panel");
  return web::render(context, view);
}

}  // namespace routes
