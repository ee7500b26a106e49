// Sign-in, sign-up and sign-out (docs/domain/accounts.md "Sign-in", "Sign-up").
#include <algorithm>

#include "core/config.hpp"
#include "core/strings.hpp"
#include "core/validation.hpp"
#include "domain/accounts/account_service.hpp"
#include "infra/rate_limiter.hpp"
#include "routes/account/email_verification.hpp"
#include "routes/account/google_signin.hpp"
#include "routes/handlers.hpp"
#include "web/context.hpp"
#include "web/remember.hpp"
#include "web/render.hpp"

namespace routes {

namespace {
// Failed passwords per email+IP before the login form refuses for a minute (the reference's own limiter).
constexpr int kMaxFailedLogins = 5;
// The per-IP login limiter allows this many times the per-email limit (one office behind one IP).
constexpr int kIpLoginMultiplier = 5;

// Only a local path is a valid place to continue to after sign-in (never another site: web::is_local_path).
std::string safe_intended(web::Context& context, std::string fallback) {
  auto intended = context.session.pull("url.intended");
  return intended && web::is_local_path(*intended) ? *intended : fallback;
}

void show_field_error(web::Dict dict, const web::FieldErrors& errors, const char* field, const char* section) {
  if (errors.has(field)) dict.add(section).set("MESSAGE", errors.first(field));
}

http::Response too_many(web::Context& context, const std::string& field, const std::string& message) {
  web::FieldErrors errors;
  errors.add(field, message);
  return context.back_with_errors(errors, {}, "/login");
}
}  // namespace

http::Response show_login(web::Context& context) {
  web::View view("pages/auth/login.tpl", "Ingresar");
  view.suppress_global_alerts = true;
  auto dict = view.dict();
  dict.set("OLD_EMAIL", context.old("email"));
  dict.show_if(!context.errors.empty(), "HAS_ERRORS");
  show_field_error(dict, context.errors, "email", "ERROR_EMAIL");
  show_field_error(dict, context.errors, "password", "ERROR_PASSWORD");
  dict.show_if(google_signin_configured(context), "GOOGLE");
  if (auto success = context.flash.find("success"); success != context.flash.end())
    dict.add("SUCCESS").set("MESSAGE", success->second);
  return web::render(context, view);
}

http::Response login(web::Context& context) {
  const auto& config = context.services.config;
  auto& limiter = context.services.limiter;
  int per_minute = static_cast<int>(config.integer("RATE_LIMIT_AUTH_LOGIN_PER_MINUTE"));
  // The per-IP hit counts before the fields are even read, so junk that fails validation still spends the budget.
  auto by_ip = limiter.hit("auth-login-ip", context.client_ip, per_minute * kIpLoginMultiplier);
  auto refuse = [&context](int wait) {
    return too_many(context, "email",
                    "Demasiados intentos de inicio de sesión. Probá de nuevo en " + std::to_string(wait) + " segundos.");
  };
  if (!by_ip.allowed) return refuse(by_ip.retry_after_seconds);

  std::string email = core::trim(context.input.value("email"));
  std::string password = context.input.value("password");
  web::FieldErrors errors;
  if (email.empty()) errors.add("email", "Ingresá tu email.");
  else if (!core::is_valid_email(email)) errors.add("email", "Ingresá un email válido.");
  if (password.empty()) errors.add("password", "Ingresá tu contraseña.");
  if (!errors.empty()) return context.back_with_errors(errors, {}, "/login");

  // Per email (+ IP) once there is a valid email to key on.
  std::string normal = accounts::normalise_email(email);
  std::string key = normal + "|" + context.client_ip;
  auto by_email = limiter.hit("auth-login", key, per_minute);
  if (!by_email.allowed) return refuse(by_email.retry_after_seconds);
  // The attempt is counted before the password is checked (one atomic hit), so N parallel requests never verify
  // more than kMaxFailedLogins passwords in a window; a successful sign-in clears the count.
  auto attempts = limiter.hit("login-failures", key, kMaxFailedLogins, 60);
  if (!attempts.allowed) {
    return too_many(context, "email",
                    "Demasiados intentos. Probá de nuevo en " + std::to_string(attempts.retry_after_seconds) + " segundos.");
  }

  auto user = context.services.accounts.authenticate(normal, password);
  if (!user) {
    context.audit("auth.login.failed", {}, {}, {{"email", normal}});
    errors.add("email", "Las credenciales no coinciden con nuestros registros.");
    return context.back_with_errors(errors, {}, "/login");
  }
  limiter.clear("login-failures", key);
  std::string fallback = user->is_admin() ? "/admin/dashboard" : "/";
  std::string target = safe_intended(context, fallback);
  context.login(*user);
  context.audit("auth.login.succeeded", "App\\Models\\User", user->id);
  if (!context.input.value("remember").empty()) web::remember_user(context, *user);
  context.flash_next("success", "Sesión iniciada correctamente.");
  return http::Response::redirect(target, 302);
}

http::Response show_register(web::Context& context) {
  web::View view("pages/auth/register.tpl", "Crear cuenta");
  view.suppress_global_alerts = true;
  auto dict = view.dict();
  dict.set("OLD_NAME", context.old("name"));
  dict.set("OLD_LAST_NAME", context.old("last_name"));
  dict.set("OLD_PHONE", context.old("phone"));
  dict.set("OLD_EMAIL", context.old("email"));
  dict.show_if(!context.errors.empty(), "HAS_ERRORS");
  show_field_error(dict, context.errors, "name", "ERROR_NAME");
  show_field_error(dict, context.errors, "last_name", "ERROR_LAST_NAME");
  show_field_error(dict, context.errors, "phone", "ERROR_PHONE");
  show_field_error(dict, context.errors, "email", "ERROR_EMAIL");
  show_field_error(dict, context.errors, "password", "ERROR_PASSWORD");
  return web::render(context, view);
}

http::Response register_account(web::Context& context) {
  const auto& config = context.services.config;
  int per_minute = static_cast<int>(config.integer("RATE_LIMIT_AUTH_REGISTER_PER_MINUTE"));
  auto hit = context.services.limiter.hit("auth-register", context.client_ip, per_minute);
  if (!hit.allowed) {
    web::FieldErrors errors;
    errors.add("email", "Demasiados intentos de registro. Probá de nuevo en " + std::to_string(hit.retry_after_seconds) +
                            " segundos.");
    return context.back_with_errors(errors, {}, "/registro");
  }

  accounts::RegistrationInput input{context.input.value("name"),     context.input.value("last_name"),
                                    context.input.value("phone"),    context.input.value("email"),
                                    context.input.value("password"), context.input.value("password_confirmation")};
  auto result = context.services.accounts.register_customer(input);
  if (!result.user) return context.back_with_errors(result.errors, {}, "/registro");

  send_email_verification(context, result.user->id);
  std::string target = safe_intended(context, "/");
  context.login(*result.user);
  context.flash_next("success", "Cuenta creada correctamente.");
  return http::Response::redirect(target, 302);
}

http::Response logout(web::Context& context) {
  web::forget_remembered_user(context);
  context.audit("auth.logout", "App\\Models\\User", context.user->id);
  context.logout();
  context.flash_next("success", "Sesión cerrada.");
  return http::Response::redirect("/", 302);
}

}  // namespace routes
