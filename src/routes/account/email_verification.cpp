// E-mail verification pages and the checkout gate (see email_verification.hpp). Links and the column:
// src/domain/accounts/email_verification.hpp; the mail: src/domain/mail/email_verification.hpp.
//
// - The link works signed in or not (the signature proves the mail reached its owner); it verifies the account it
//   names, whoever is signed in on this browser, and then sends the visitor where they can go on: back to the
//   checkout that asked for it, to /mi-cuenta, or to /login for a guest.
// - "Reenviar" answers the same kind of message whatever happens (sent, already verified, too many): both limiters
//   (per IP and per user) count before anything else, so the button cannot be used to flood an inbox.
#include "routes/account/email_verification.hpp"

#include <string>

#include "core/clock.hpp"
#include "core/config.hpp"
#include "core/plural.hpp"
#include "core/signed_link.hpp"
#include "db/unit_of_work.hpp"
#include "domain/accounts/email_verification.hpp"
#include "domain/mail/email_verification.hpp"
#include "infra/rate_limiter.hpp"
#include "web/context.hpp"
#include "web/render.hpp"

namespace routes {

namespace {
// Per IP per minute (a shop behind one IP still has room) and per account per hour (no mail bombing).
constexpr int kResendsPerIpPerMinute = 10;
constexpr int kResendsPerUserPerHour = 3;
// Where to go once verified (set by the checkout gate; only our own paths are ever stored).
constexpr const char* kReturnToKey = "verify_return_to";
constexpr const char* kNoticePath = "/verificar-email";
constexpr const char* kNoRealEmail =
    "Tu cuenta todavía no tiene un email propio. Cargalo en Mi cuenta y te mandamos un enlace para verificarlo.";

accounts::EmailVerificationMode mode(const web::Context& context) {
  return accounts::parse_email_verification_mode(context.services.config.str("AUTH_EMAIL_VERIFICATION"));
}

std::string wait_text(int seconds) {
  if (seconds < 60) return core::count_label(seconds < 1 ? 1 : seconds, "segundo", "segundos");
  return core::count_label((seconds + 59) / 60, "minuto", "minutos");
}

// The answers of "Reenviar", shown on the page the button was on.
void show_resend_answers(web::Context& context, web::Dict dict) {
  if (auto sent = context.flash.find("verification"); sent != context.flash.end())
    dict.add("VERIFICATION_SENT").set("MESSAGE", sent->second);
  if (auto refused = context.flash.find("verification_error"); refused != context.flash.end())
    dict.add("VERIFICATION_REFUSED").set("MESSAGE", refused->second);
}

// A link that cannot be used: what happened and how to get a new one (the button when signed in).
http::Response dead_link(web::Context& context, accounts::VerificationLinkState state) {
  web::View view("pages/account/verify_email.tpl", "Verificar email");
  view.suppress_global_alerts = true;
  auto dead = view.dict().add("DEAD_LINK");
  dead.set("MESSAGE", accounts::verification_link_problem(state));
  dead.show(context.user ? "RESEND" : "SIGN_IN_HINT");
  return web::render(context, view, state == accounts::VerificationLinkState::kInvalid ? 403 : 410);
}

bool is_own_path(const std::string& path) { return !path.empty() && path.front() == '/' && path.rfind("//", 0) != 0; }
}  // namespace

void send_email_verification(web::Context& context, std::int64_t user_id) {
  const auto& config = context.services.config;
  db::write(context.services.database, [&](db::Tx& tx) { mail::queue_email_verification(tx, config, user_id); });
  mail::send_email_verification_if_sync(config, context.services.database, user_id);
}

bool signed_in_email_verified(web::Context& context) {
  if (!context.user) return false;
  std::int64_t id = context.user->id;
  return db::read(context.services.database, [&](soci::session& sql) { return accounts::email_verified(sql, id); });
}

std::optional<http::Response> require_verified_email(web::Context& context, const char* return_to) {
  if (mode(context) != accounts::EmailVerificationMode::kRequired) return std::nullopt;
  if (signed_in_email_verified(context)) return std::nullopt;
  context.session.put(kReturnToKey, return_to);
  return http::Response::redirect(kNoticePath, 302);
}

http::Response show_email_verification_notice(web::Context& context) {
  web::View view("pages/account/verify_email.tpl", "Verificá tu email");
  view.suppress_global_alerts = true;
  auto dict = view.dict();
  show_resend_answers(context, dict);
  if (signed_in_email_verified(context)) {
    std::string next = context.session.value(kReturnToKey);
    dict.add("VERIFIED").set("NEXT", is_own_path(next) ? next : "/mi-cuenta");
    return web::render(context, view);
  }
  auto notice = dict.add("NOTICE");
  notice.show_if(!context.session.value(kReturnToKey).empty(), "FOR_CHECKOUT");
  if (accounts::is_placeholder_email(context.user->email)) {
    notice.show("NO_REAL_EMAIL");
  } else {
    auto sent = notice.add("LINK_SENT");
    sent.set("EMAIL", context.user->email);
    sent.set("HOURS", accounts::kVerificationLinkHours);
  }
  return web::render(context, view);
}

http::Response resend_email_verification(web::Context& context) {
  std::string back = context.input.value("from") == "mi-cuenta" ? "/mi-cuenta" : kNoticePath;
  auto refuse = [&](int wait_seconds) {
    context.flash_next("verification_error",
                       "Ya te enviamos varios enlaces hace poco. Probá de nuevo en " + wait_text(wait_seconds) + ".");
    return http::Response::redirect(back, 302);
  };
  auto& limiter = context.services.limiter;
  auto by_ip = limiter.hit("email-verification-ip", context.client_ip, kResendsPerIpPerMinute);
  if (!by_ip.allowed) return refuse(by_ip.retry_after_seconds);
  auto by_user = limiter.hit("email-verification-user", std::to_string(context.user->id), kResendsPerUserPerHour, 3600);
  if (!by_user.allowed) return refuse(by_user.retry_after_seconds);

  if (signed_in_email_verified(context)) {
    context.flash_next("verification", "Tu email ya está verificado. No hace falta otro enlace.");
    return http::Response::redirect(back, 302);
  }
  if (accounts::is_placeholder_email(context.user->email)) {
    context.flash_next("verification_error", kNoRealEmail);
    return http::Response::redirect("/mi-cuenta", 302);
  }
  send_email_verification(context, context.user->id);
  context.audit("auth.email_verification.requested", "App\\Models\\User", context.user->id);
  context.flash_next("verification", "Te enviamos un enlace nuevo a " + context.user->email +
                                         ". Revisá tu bandeja de entrada y la carpeta de correo no deseado.");
  return http::Response::redirect(back, 302);
}

http::Response verify_email(web::Context& context) {
  const std::string& target = context.request.target;
  const std::string& app_key = context.services.app_key;
  // Tampered and expired links are answered without touching the database.
  auto signature = core::check_signed_url(target, app_key, core::unix_now());
  if (signature == core::SignedUrlCheck::kInvalid) return dead_link(context, accounts::VerificationLinkState::kInvalid);
  if (signature == core::SignedUrlCheck::kExpired) return dead_link(context, accounts::VerificationLinkState::kExpired);

  auto result = db::write(context.services.database, [&](db::Tx& tx) {
    auto verified = accounts::verify_email_link(tx, target, app_key, core::unix_now());
    if (verified.state == accounts::VerificationLinkState::kVerified)
      context.audit(tx, "auth.email_verified", "App\\Models\\User", verified.user_id);
    return verified;
  });
  if (result.state != accounts::VerificationLinkState::kVerified &&
      result.state != accounts::VerificationLinkState::kAlreadyVerified)
    return dead_link(context, result.state);

  std::string done = result.state == accounts::VerificationLinkState::kVerified ? "¡Listo! Verificamos tu email."
                                                                                : "Tu email ya estaba verificado.";
  if (!context.user) {
    context.flash_next("success", done + " Ya podés ingresar.");
    return http::Response::redirect("/login", 302);
  }
  if (context.user->id != result.user_id) {  // someone else's link opened on this browser: theirs is verified
    context.flash_next("success", done);
    return http::Response::redirect("/", 302);
  }
  if (auto next = context.session.pull(kReturnToKey); next && is_own_path(*next)) {
    context.flash_next("success", done + " Ya podés continuar con tu compra.");
    return http::Response::redirect(*next, 302);
  }
  context.flash_next("success", done);
  return http::Response::redirect("/mi-cuenta", 302);
}

}  // namespace routes
