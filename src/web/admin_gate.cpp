// Admin gate steps (see admin_gate.hpp).
#include "web/admin_gate.hpp"

#include <algorithm>

#include "core/clock.hpp"
#include "core/config.hpp"
#include "core/strings.hpp"
#include "infra/rate_limiter.hpp"
#include "web/context.hpp"
#include "web/remember.hpp"
#include "web/render.hpp"

namespace web {

namespace {
std::int64_t session_time(const Context& context, std::string_view key) {
  try {
    return std::stoll(context.session.value(key));
  } catch (const std::exception&) {
    return 0;
  }
}

constexpr std::string_view kEnrolmentPath = "/admin/seguridad/2fa";

bool is_enrolment_path(std::string_view path) {
  return path == kEnrolmentPath ||
         (path.starts_with(kEnrolmentPath) && path.size() > kEnrolmentPath.size() && path[kEnrolmentPath.size()] == '/');
}

http::Response deny(Context& context, const std::string& reason, const std::string& message) {
  context.audit("admin.access.denied", "App\\Models\\User", context.user->id, {{"reason", reason}});
  return error_page(context.services, &context, 403, {.message = message});
}
}  // namespace

std::optional<http::Response> admin_gate(Context& context, bool challenge_route) {
  const auto& services = context.services;
  const auto& config = services.config;
  const accounts::User& user = *context.user;

  const auto& emails = services.admin_emails;
  if (!emails.empty() && std::find(emails.begin(), emails.end(), core::to_lower(user.email)) == emails.end())
    return deny(context, "email", "Tu usuario no está habilitado para ingresar al panel admin.");

  if (!config.list("ADMIN_ALLOWED_IPS").empty() && !core::ip_matches_any(services.admin_ips, context.client_ip))
    return deny(context, "ip", "La IP actual no está habilitada para el panel admin.");

  std::int64_t now = core::unix_now();
  if (auto minutes = config.integer("ADMIN_REQUIRE_REAUTH_MINUTES"); minutes > 0) {
    std::int64_t auth_time = session_time(context, "auth_time");
    if (auth_time <= 0 || now - auth_time > minutes * 60) {
      forget_remembered_user(context);  // otherwise "Recordarme" would sign the admin straight back in
      context.audit("admin.reauth.required", "App\\Models\\User", user.id);
      context.logout();
      FieldErrors errors;
      errors.add("email", "Por seguridad, volvé a iniciar sesión para entrar al panel admin.");
      context.flash_errors(errors);
      return http::Response::redirect("/login", 302);
    }
  }
  if (challenge_route) return std::nullopt;

  // ADMIN_2FA_REQUIRED: an admin without 2FA may only reach the enrolment page (and its actions) until it is on.
  if (!user.two_factor_enabled && config.boolean("ADMIN_2FA_REQUIRED") &&
      !is_enrolment_path(context.request.path)) {
    context.flash_next("success", "Para usar el panel admin primero activá la verificación en dos pasos (2FA).");
    return http::Response::redirect(std::string(kEnrolmentPath), 302);
  }

  if (user.two_factor_enabled) {
    std::int64_t passed = session_time(context, "admin_2fa_passed_at");
    auto minutes = config.integer("ADMIN_2FA_SESSION_MINUTES");
    if (passed <= 0 || (minutes > 0 && now - passed > minutes * 60)) {
      context.session.forget("admin_2fa_passed_at");
      if (context.method == "GET" && is_local_path(context.request.target))
        context.session.put("url.intended", context.request.target);
      FieldErrors errors;
      errors.add("code", "Ingresá tu código 2FA para continuar al panel admin.");
      context.flash_errors(errors);
      return http::Response::redirect("/admin/two-factor/challenge", 302);
    }
  }

  auto hit = services.limiter.hit("admin-requests", std::to_string(user.id) + "|" + context.client_ip,
                                  static_cast<int>(config.integer("RATE_LIMIT_ADMIN_REQUESTS_PER_MINUTE")));
  if (!hit.allowed)
    return http::Response::text(429, "Demasiadas solicitudes al panel admin. Intentá nuevamente en " +
                                         std::to_string(hit.retry_after_seconds) + " segundos.");
  return std::nullopt;
}

}  // namespace web
