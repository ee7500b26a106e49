// The customer's own account page: profile data and password (docs/domain/accounts.md "Profile"), and the "Verificá
// tu email" banner while the address is unverified (routes/account/email_verification.hpp).
#include "core/config.hpp"
#include "core/phone.hpp"
#include "db/unit_of_work.hpp"
#include "domain/accounts/account_service.hpp"
#include "domain/accounts/email_verification.hpp"
#include "http/cookies.hpp"
#include "routes/account/email_verification.hpp"
#include "routes/handlers.hpp"
#include "web/context.hpp"
#include "web/cookie_policy.hpp"
#include "web/remember.hpp"
#include "web/render.hpp"

namespace routes {

namespace {
void show_error(web::Dict dict, const web::FieldErrors& errors, const char* field, const char* section) {
  if (errors.has(field)) dict.add(section).set("MESSAGE", errors.first(field));
}

// After every session of the user was ended: this browser gets a new session id (its old row is gone, and a
// cookie stolen before stops working) and, when it was remembered, a fresh remember-me token.
void keep_this_browser_signed_in(web::Context& context) {
  context.session.regenerate();
  auto cookies = http::parse_cookies(context.request.header("cookie"));
  if (cookies.count(web::cookie_name(context.services.config, web::kRememberCookie)))
    web::remember_user(context, *context.user);
}

std::string missing_profile_text(const accounts::User& user) {
  if (user.last_name.empty() && user.phone.empty()) return "apellido y teléfono";
  return user.last_name.empty() ? "apellido" : "telefono";
}
}  // namespace

http::Response show_account(web::Context& context) {
  const accounts::User& user = *context.user;
  web::View view("pages/account/edit.tpl", "Mi cuenta");
  view.suppress_global_alerts = true;
  auto dict = view.dict();
  dict.set("NAME", context.old("name", user.name));
  dict.set("LAST_NAME", context.old("last_name", user.last_name));
  dict.set("PHONE", context.old("phone", core::phone::display(user.phone)));
  dict.set("EMAIL", context.old("email", user.email));
  // The banner names the stored address (not the form's old input) and offers "Reenviar" while it is unverified.
  if (!signed_in_email_verified(context)) {
    auto banner = dict.add("EMAIL_UNVERIFIED");
    bool required = accounts::parse_email_verification_mode(context.services.config.str("AUTH_EMAIL_VERIFICATION")) ==
                    accounts::EmailVerificationMode::kRequired;
    auto text = banner.add(accounts::is_placeholder_email(user.email) ? "NO_REAL_EMAIL" : "LINK_SENT");
    text.set("EMAIL", user.email);
    text.show_if(required, "REQUIRED");
  }
  if (auto it = context.flash.find("verification"); it != context.flash.end())
    dict.add("VERIFICATION_SENT").set("MESSAGE", it->second);
  if (auto it = context.flash.find("verification_error"); it != context.flash.end())
    dict.add("VERIFICATION_REFUSED").set("MESSAGE", it->second);

  const auto& errors = context.errors;
  if (auto it = context.flash.find("success"); it != context.flash.end()) dict.add("PROFILE_SUCCESS").set("MESSAGE", it->second);
  if (!user.profile_complete()) dict.add("PROFILE_MISSING").set("MISSING_TEXT", missing_profile_text(user));
  if (auto it = context.flash.find("profile"); it != context.flash.end()) dict.add("PROFILE_ERROR").set("MESSAGE", it->second);
  bool profile_errors = errors.has("name") || errors.has("last_name") || errors.has("phone") || errors.has("email");
  dict.show_if(profile_errors, "PROFILE_HAS_ERRORS");
  show_error(dict, errors, "name", "ERROR_NAME");
  show_error(dict, errors, "last_name", "ERROR_LAST_NAME");
  show_error(dict, errors, "phone", "ERROR_PHONE");
  show_error(dict, errors, "email", "ERROR_EMAIL");

  if (auto it = context.flash.find("password_success"); it != context.flash.end())
    dict.add("PASSWORD_SUCCESS").set("MESSAGE", it->second);
  bool password_errors = errors.has("current_password") || errors.has("password") || errors.has("password_confirmation");
  dict.show_if(password_errors, "PASSWORD_HAS_ERRORS");
  show_error(dict, errors, "current_password", "ERROR_CURRENT_PASSWORD");
  show_error(dict, errors, "password", "ERROR_PASSWORD");
  show_error(dict, errors, "password_confirmation", "ERROR_PASSWORD_CONFIRMATION");
  dict.show(user.google_id.empty() ? "CURRENT_PASSWORD_FIELD" : "GOOGLE_NOTE");
  return web::render(context, view);
}

http::Response update_account(web::Context& context) {
  accounts::ProfileInput input{context.input.value("name"), context.input.value("last_name"),
                               context.input.value("phone"), context.input.value("email")};
  std::string email_before = context.user->email;
  auto errors = context.services.accounts.update_profile(*context.user, input);
  if (!errors.empty()) return context.back_with_errors(errors, {}, "/mi-cuenta");
  // A new address is unverified (AccountService cleared the mark): its link goes to the new address.
  bool email_changed = context.user->email != email_before;
  if (email_changed) send_email_verification(context, context.user->id);
  std::string saved = email_changed ? "Datos actualizados. Te enviamos un enlace para verificar tu nuevo email."
                                    : "Datos actualizados.";

  if (auto return_to = context.session.pull("profile_return_to");
      return_to && !return_to->empty() && return_to->front() == '/' && return_to->rfind("//", 0) != 0) {
    context.flash_next("success", saved + " Ya podés continuar.");
    return http::Response::redirect(*return_to, 302);
  }
  context.flash_next("success", saved);
  return http::Response::redirect("/mi-cuenta", 302);
}

http::Response update_password(web::Context& context) {
  accounts::PasswordChangeInput input{context.input.value("current_password"), context.input.value("password"),
                                      context.input.value("password_confirmation")};
  auto errors = context.services.accounts.change_password(*context.user, input);
  if (!errors.empty()) {
    auto response = context.back_with_errors(errors, {}, "/mi-cuenta", "#security");
    return response;
  }
  // Every other session and remember-me token ended with the change (AccountService); this one continues.
  keep_this_browser_signed_in(context);
  context.flash_next("password_success", "Contraseña actualizada. Cerramos la sesión en los otros dispositivos.");
  return http::Response::redirect("/mi-cuenta#security", 302);
}

http::Response end_other_sessions(web::Context& context) {
  const auto& users = context.services.accounts.users();
  db::write(users.database(), [&](db::Tx& tx) {
    users.end_all_sessions(tx, context.user->id);
    context.audit(tx, "auth.other_sessions_ended", "App\\Models\\User", context.user->id);
  });
  keep_this_browser_signed_in(context);
  context.flash_next("password_success", "Listo: cerramos la sesión en los otros dispositivos.");
  return http::Response::redirect("/mi-cuenta#security", 302);
}

}  // namespace routes
