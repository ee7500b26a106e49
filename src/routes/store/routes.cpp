// Public store: catalog pages, search, product page, manifest, cart and checkout: the routes of this area (the
// site map in src/routes/routes.cpp calls this). Throttles (cart-write, checkout-confirm) are applied by the
// handlers, which answer with a redirect + message (docs/domain/limits.md) rather than a bare 429.
#include "routes/routes.hpp"

#include "routes/store/favicon.hpp"
#include "routes/store/handlers.hpp"
#include "web/router.hpp"

namespace routes {

using web::Access;

void register_store_routes(web::Router& router) {
  // Catalog
  router.add("GET", "/", "home", Access::kAnyone, store_index);
  router.add("GET", "/tienda", "store.index", Access::kAnyone, store_index);
  router.add("GET", "/tienda/categoria/{slug}", "store.category", Access::kAnyone, store_category);
  router.add("GET", "/producto/{slug}", "store.product", Access::kAnyone, store_product);
  router.add("GET", "/manifest.webmanifest", "site.manifest", Access::kAnyone, site_manifest, /*stateless=*/true);
  router.add("GET", "/favicon.ico", "site.favicon", Access::kAnyone, favicon, /*stateless=*/true);

  // Cart (guests too; throttle cart-write)
  router.add("GET", "/carrito", "cart.index", Access::kAnyone, show_cart);
  router.add("POST", "/carrito/agregar/{product}", "cart.add", Access::kAnyone, cart_add);
  router.add("POST", "/carrito/actualizar/{product}", "cart.update", Access::kAnyone, cart_update);
  router.add("POST", "/carrito/eliminar/{product}", "cart.remove", Access::kAnyone, cart_remove);
  router.add("POST", "/carrito/vaciar", "cart.clear", Access::kAnyone, cart_clear);

  // Checkout (signed in; throttle checkout-confirm) and the thank-you page
  router.add("GET", "/checkout", "checkout", Access::kAuth, show_checkout);
  router.add("POST", "/checkout/confirmar", "checkout.confirm", Access::kAuth, confirm_checkout);
  router.add("GET", "/pedido/{order}", "orders.thankyou", Access::kAuth, order_thankyou);
}

}  // namespace routes
