// The site map. Every route: method, path, name, who may call it, handler. Guards live here, not inside
// handlers, so this file answers "who can reach what" (a test walks it to check every /admin route is kAdmin).
#include "routes/routes.hpp"

#include "routes/handlers.hpp"
#include "web/router.hpp"

namespace routes {

using web::Access;

void register_routes(web::Router& router) {
  // Infrastructure (no session: load balancers and probes must not create state).
  router.add("GET", "/up", "health.up", Access::kAnyone, health_up, /*stateless=*/true);
  router.add("GET", "/health/live", "health.live", Access::kAnyone, health_live, /*stateless=*/true);
  router.add("GET", "/health/ready", "health.ready", Access::kAnyone, health_ready, /*stateless=*/true);

  // Public store (catalog pages arrive with the store).
  router.add("GET", "/", "home", Access::kAnyone, home);
  router.add("GET", "/tienda", "store.index", Access::kAnyone, home);

  // Authentication
  router.add("GET", "/login", "login", Access::kGuest, show_login);
  router.add("POST", "/login", "login.post", Access::kGuest, login);
  router.add("GET", "/registro", "register", Access::kGuest, show_register);
  router.add("POST", "/registro", "register.post", Access::kGuest, register_account);
  router.add("POST", "/logout", "logout", Access::kAuth, logout);

  // Customer account
  router.add("GET", "/mi-cuenta", "account.edit", Access::kAuth, show_account);
  router.add("PUT", "/mi-cuenta", "account.update", Access::kAuth, update_account);
  router.add("PUT", "/mi-cuenta/password", "account.password", Access::kAuth, update_password);
}

}  // namespace routes
