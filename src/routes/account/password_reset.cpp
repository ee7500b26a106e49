// "¿Olvidaste tu contraseña?": the request form (/recuperar-contrasena) and the link's form
// (/restablecer-contrasena/{token}). Tokens and rules: src/domain/accounts/password_reset.hpp; the mail:
// src/domain/mail/password_reset.hpp.
//
// - The request answers the same neutral message whether or not the e-mail has an account, and both limiters
//   (per IP and per e-mail, the e-mail one counted for unknown addresses too) run before the lookup, so neither
//   the answer nor the limiter tells which addresses exist.
// - A reset claims the token, sets the password, ends every session and remember-me token of the user, retires
//   the user's other links and appends the audit entry in one unit of work; the browser then signs in anew.
#include "core/clock.hpp"
#include "core/config.hpp"
#include "core/crypto.hpp"
#include "core/strings.hpp"
#include "core/validation.hpp"
#include "db/unit_of_work.hpp"
#include "domain/accounts/account_service.hpp"
#include "domain/accounts/password_reset.hpp"
#include "domain/mail/password_reset.hpp"
#include "infra/rate_limiter.hpp"
#include "routes/handlers.hpp"
#include "web/context.hpp"
#include "web/render.hpp"

namespace routes {

namespace {
constexpr const char* kNeutralAnswer =
    "Si el email está registrado, te enviamos un enlace para restablecer la contraseña.";
// Requests per IP per minute (a shop behind one IP still has room) and per e-mail per hour (no mail bombing).
constexpr int kRequestsPerIpPerMinute = 10;
constexpr int kRequestsPerEmailPerHour = 3;

std::string reset_path(const std::string& token) { return "/restablecer-contrasena/" + token; }

http::Response refuse_request(web::Context& context, int wait_seconds) {
  web::FieldErrors errors;
  errors.add("email", "Demasiados pedidos de restablecimiento. Probá de nuevo en " + std::to_string(wait_seconds) +
                          " segundos.");
  return context.back_with_errors(errors, {}, "/recuperar-contrasena");
}

// The page of a link that cannot be used (unknown, expired, already used): what happened and a way to ask again.
http::Response dead_link(web::Context& context, accounts::ResetTokenState state) {
  web::View view("pages/auth/reset_password.tpl", "Restablecer contraseña");
  view.suppress_global_alerts = true;
  view.dict().add("DEAD_LINK").set("MESSAGE", accounts::reset_token_problem(state));
  return web::render(context, view, state == accounts::ResetTokenState::kUnknown ? 404 : 410);
}

accounts::ResetTokenLookup look_up(web::Context& context, const std::string& token) {
  return db::read(context.services.database,
                  [&](soci::session& sql) { return accounts::find_reset_token(sql, token, core::unix_now()); });
}
}  // namespace

http::Response show_forgot_password(web::Context& context) {
  web::View view("pages/auth/forgot_password.tpl", "Recuperar contraseña");
  view.suppress_global_alerts = true;
  auto dict = view.dict();
  dict.set("OLD_EMAIL", context.old("email"));
  if (context.errors.has("email")) dict.add("ERROR_EMAIL").set("MESSAGE", context.errors.first("email"));
  if (auto success = context.flash.find("success"); success != context.flash.end())
    dict.add("SUCCESS").set("MESSAGE", success->second);
  return web::render(context, view);
}

http::Response send_reset_link(web::Context& context) {
  auto& limiter = context.services.limiter;
  // Counted before the field is read, so junk input spends the budget too.
  auto by_ip = limiter.hit("password-reset-ip", context.client_ip, kRequestsPerIpPerMinute);
  if (!by_ip.allowed) return refuse_request(context, by_ip.retry_after_seconds);

  std::string email = core::trim(context.input.value("email"));
  web::FieldErrors errors;
  if (email.empty()) errors.add("email", "Ingresá tu email.");
  else if (core::exceeds_length(email, 255) || !core::is_valid_email(email)) errors.add("email", "Ingresá un email válido.");
  if (!errors.empty()) return context.back_with_errors(errors, {}, "/recuperar-contrasena");

  std::string normal = accounts::normalise_email(email);
  // Keyed on the address alone (not +IP): many IPs cannot flood one inbox. Unknown addresses count the same.
  auto by_email = limiter.hit("password-reset-email", normal, kRequestsPerEmailPerHour, 3600);
  if (!by_email.allowed) return refuse_request(context, by_email.retry_after_seconds);

  const auto& config = context.services.config;
  auto user = context.services.accounts.users().find_by_email(normal);
  if (user) {
    std::string token = db::write(context.services.database, [&](db::Tx& tx) {
      std::string issued = accounts::issue_reset_token(tx, user->id, core::unix_now());
      mail::queue_password_reset(tx, config, user->id, issued);
      context.audit(tx, "auth.password_reset.requested", "App\\Models\\User", user->id);
      return issued;
    });
    mail::send_password_reset_if_sync(config, context.services.database, user->id, token);
  }
  context.flash_next("success", kNeutralAnswer);
  return http::Response::redirect("/recuperar-contrasena", 302);
}

http::Response show_reset_password(web::Context& context) {
  const std::string& token = context.params.at("token");
  auto lookup = look_up(context, token);
  if (lookup.state != accounts::ResetTokenState::kValid) return dead_link(context, lookup.state);

  web::View view("pages/auth/reset_password.tpl", "Restablecer contraseña");
  view.suppress_global_alerts = true;
  auto dict = view.dict();
  auto form = dict.add("FORM");
  form.set("ACTION", reset_path(token));
  if (context.errors.has("password")) form.add("ERROR_PASSWORD").set("MESSAGE", context.errors.first("password"));
  return web::render(context, view);
}

http::Response reset_password(web::Context& context) {
  const std::string token = context.params.at("token");
  auto lookup = look_up(context, token);
  if (lookup.state != accounts::ResetTokenState::kValid) return dead_link(context, lookup.state);
  auto user = context.services.accounts.find(lookup.user_id);
  if (!user) return dead_link(context, accounts::ResetTokenState::kUnknown);

  std::string password = context.input.value("password");
  auto errors = accounts::validate_new_password(password, context.input.value("password_confirmation"), user->email);
  if (!errors.empty())
    return context.back_with_errors(errors, {"password", "password_confirmation"}, reset_path(token));

  const auto& config = context.services.config;
  core::PasswordHashCost cost{static_cast<std::uint64_t>(config.integer("PASSWORD_HASH_OPSLIMIT")),
                              static_cast<std::uint64_t>(config.integer("PASSWORD_HASH_MEMLIMIT_KIB"))};
  std::string hash = core::hash_password(password, cost);  // Argon2: outside the transaction
  const auto& users = context.services.accounts.users();
  bool changed = db::write(context.services.database, [&](db::Tx& tx) {
    auto now = core::unix_now();
    auto claimed = accounts::claim_reset_token(tx, token, now);
    if (!claimed) return false;  // used or expired since the lookup: nothing written
    users.update_password(tx, *claimed, hash);
    users.end_all_sessions(tx, *claimed);
    accounts::retire_reset_tokens(tx, *claimed, now);
    context.audit(tx, "auth.password_reset", "App\\Models\\User", *claimed);
    return true;
  });
  if (!changed) return dead_link(context, look_up(context, token).state);

  context.flash_next("success", "Listo: cambiamos tu contraseña y cerramos tus sesiones abiertas. Ya podés ingresar.");
  return http::Response::redirect("/login", 302);
}

}  // namespace routes
