// Counter area: quick sale, sales history, stock movements (the site map in src/routes/routes.cpp calls this).
// Every route here is Access::kAdmin.
#include "routes/routes.hpp"

#include "routes/counter/handlers.hpp"
#include "web/router.hpp"

namespace routes {

void register_counter_routes(web::Router& router) {
  using web::Access;
  namespace counter = routes::counter;

  // Quick sale (docs/domain/inventory.md "Counter sale"): POST is the integration contract (product_id[],
  // quantity[], payment_method, customer_name, _token → 302 /admin/ventas/{id}).
  router.add("GET", "/admin/venta-rapida", "admin.counter.create", Access::kAdmin, counter::sale_form);
  router.add("POST", "/admin/venta-rapida", "admin.counter.store", Access::kAdmin, counter::sale_post);

  // Sales history, one sale, its ticket, void
  router.add("GET", "/admin/ventas", "admin.sales.index", Access::kAdmin, counter::sales_index);
  router.add("GET", "/admin/ventas/{sale}", "admin.sales.show", Access::kAdmin, counter::sales_show);
  router.add("GET", "/admin/ventas/{sale}/ticket", "admin.sales.ticket", Access::kAdmin, counter::sales_ticket);
  router.add("POST", "/admin/ventas/{sale}/anular", "admin.sales.void", Access::kAdmin, counter::sales_void);

  // Stock ledger
  router.add("GET", "/admin/stock", "admin.stock.index", Access::kAdmin, counter::stock_index);
}

}  // namespace routes
