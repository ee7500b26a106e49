// The site map. Every route: method, path, name, who may call it, handler. Guards are declared with the route,
// never inside handlers, so the route files answer "who can reach what" (a test walks the router to check every
// /admin route is kAdmin). The platform's own routes are here; each business area registers its routes in
// src/routes/<area>/routes.cpp, called at the end.
#include "routes/routes.hpp"

#include "routes/account/email_verification.hpp"
#include "routes/account/google_signin.hpp"
#include "routes/handlers.hpp"
#include "routes/public/metrics.hpp"
#include "web/router.hpp"

namespace routes {

using web::Access;

void register_routes(web::Router& router) {
  // Infrastructure (no session: load balancers and probes must not create state).
  router.add("GET", "/up", "health.up", Access::kAnyone, health_up, /*stateless=*/true);
  router.add("GET", "/health/live", "health.live", Access::kAnyone, health_live, /*stateless=*/true);
  router.add("GET", "/health/ready", "health.ready", Access::kAnyone, health_ready, /*stateless=*/true);

  // Public files (the store's pages are in src/routes/store/routes.cpp).
  router.add("GET", "/storage/{path*}", "storage.local", Access::kAnyone, serve_storage, /*stateless=*/true);

  // Authentication
  router.add("GET", "/login", "login", Access::kGuest, show_login);
  router.add("POST", "/login", "login.post", Access::kGuest, login);
  router.add("GET", "/registro", "register", Access::kGuest, show_register);
  router.add("POST", "/registro", "register.post", Access::kGuest, register_account);
  router.add("POST", "/logout", "logout", Access::kAuth, logout);
  router.add("GET", "/recuperar-contrasena", "password.request", Access::kGuest, show_forgot_password);
  router.add("POST", "/recuperar-contrasena", "password.email", Access::kGuest, send_reset_link);
  router.add("GET", "/restablecer-contrasena/{token}", "password.reset", Access::kGuest, show_reset_password);
  router.add("POST", "/restablecer-contrasena/{token}", "password.update", Access::kGuest, reset_password);
  router.add("GET", "/auth/google", "auth.google.redirect", Access::kGuest, google_redirect);
  router.add("GET", "/auth/google/callback", "auth.google.callback", Access::kGuest, google_callback);

  // Repairs (public)
  router.add("GET", "/reparacion", "repairs.lookup", Access::kAnyone, show_repair_lookup);
  router.add("POST", "/reparacion", "repairs.lookup.post", Access::kAnyone, repair_lookup);

  // Customer account
  router.add("GET", "/mi-cuenta", "account.edit", Access::kAuth, show_account);
  router.add("PUT", "/mi-cuenta", "account.update", Access::kAuth, update_account);
  router.add("PUT", "/mi-cuenta/password", "account.password", Access::kAuth, update_password);
  router.add("POST", "/mi-cuenta/cerrar-otras-sesiones", "account.sessions", Access::kAuth, end_other_sessions);
  // E-mail verification: the notice and "Reenviar" (signed in), the mailed signed link (anyone: the signature
  // proves the mail was read).
  router.add("GET", "/verificar-email", "verification.notice", Access::kAuth, show_email_verification_notice);
  router.add("POST", "/verificar-email/reenviar", "verification.send", Access::kAuth, resend_email_verification);
  router.add("GET", "/verificar-email/{id}/{hash}", "verification.verify", Access::kAnyone, verify_email);

  // Admin: 2FA challenge (the admin gate without its 2FA step)
  router.add("GET", "/admin/two-factor/challenge", "admin.two_factor.challenge", Access::kAdminChallenge,
             show_two_factor_challenge);
  router.add("POST", "/admin/two-factor/challenge", "admin.two_factor.challenge.verify", Access::kAdminChallenge,
             verify_two_factor_challenge);

  // Admin panel (full admin gate)
  router.add("GET", "/admin", "admin", Access::kAdmin, admin_dashboard);
  router.add("GET", "/admin/dashboard", "admin.dashboard", Access::kAdmin, admin_dashboard);
  router.add("GET", "/admin/seguridad/2fa", "admin.two_factor.settings", Access::kAdmin, show_two_factor_settings);
  router.add("POST", "/admin/seguridad/2fa/regenerar", "admin.two_factor.regenerate", Access::kAdmin,
             regenerate_two_factor_secret);
  router.add("POST", "/admin/seguridad/2fa/activar", "admin.two_factor.enable", Access::kAdmin, enable_two_factor);
  router.add("POST", "/admin/seguridad/2fa/codigos-regenerar", "admin.two_factor.recovery.regenerate", Access::kAdmin,
             regenerate_recovery_codes);
  router.add("POST", "/admin/seguridad/2fa/codigos/ocultar", "admin.two_factor.recovery.clear", Access::kAdmin,
             clear_recovery_codes);
  router.add("POST", "/admin/seguridad/2fa/desactivar", "admin.two_factor.disable", Access::kAdmin, disable_two_factor);
  router.add("GET", "/admin/seguridad/2fa/codigos/txt", "admin.two_factor.recovery.download", Access::kAdmin,
             download_recovery_codes);
  router.add("GET", "/admin/seguridad/2fa/codigos/imprimir", "admin.two_factor.recovery.print", Access::kAdmin,
             print_recovery_codes);

  register_store_routes(router);
  register_repair_public_routes(router);
  register_orders_routes(router);
  register_repairs_routes(router);
  register_device_catalog_routes(router);
  register_whatsapp_routes(router);
  register_back_office_routes(router);
  register_insights_routes(router);
  register_counter_routes(router);
  register_alerts_routes(router);
  register_warranty_routes(router);
}

// Prometheus scrapes (METRICS_ENABLED; who may read them: web/metrics_gate.hpp). Registered by app once the
// metrics exist; stateless and exempt from maintenance mode like the probes above.
void register_metrics_route(web::Router& router, const web::Metrics* metrics) {
  router.add(
      "GET", "/metrics", "metrics", Access::kAnyone,
      [metrics](web::Context& context) { return metrics_exposition(context, metrics); }, /*stateless=*/true);
}

}  // namespace routes
