// Google sign-in routes (spec: the auth.google rows of the routes table). The `state` and the PKCE verifier live in
// this browser's session, are single use (pulled on the callback whatever the outcome) and expire after 10 minutes;
// the code is exchanged server-side. Identity resolution: domain/accounts/google_accounts.hpp.
#include "routes/account/google_signin.hpp"

#include "core/clock.hpp"
#include "core/config.hpp"
#include "core/crypto.hpp"
#include "core/log.hpp"
#include "core/parse.hpp"
#include "domain/accounts/account_service.hpp"
#include "domain/accounts/google_accounts.hpp"
#include "domain/accounts/google_oauth.hpp"
#include "web/context.hpp"
#include "web/remember.hpp"

namespace routes {

namespace {
constexpr const char* kStateKey = "google_oauth.state";
constexpr const char* kVerifierKey = "google_oauth.verifier";
constexpr const char* kStartedKey = "google_oauth.started";
constexpr std::int64_t kStateLifetimeSeconds = 10 * 60;

constexpr const char* kNotConfigured = "Login con Google no está configurado.";
constexpr const char* kFailed = "No se pudo iniciar sesión con Google. Intentá de nuevo.";
constexpr const char* kAdminRefused =
    "Las cuentas de administración ingresan con email y contraseña, no con Google.";
constexpr const char* kCompleteProfile = "Completá tu apellido y teléfono para poder comprar.";

http::Response back_to_login(web::Context& context, const char* message) {
  web::FieldErrors errors;
  errors.add("email", message);
  context.flash_errors(errors);
  return http::Response::redirect("/login", 302);
}

http::Response failed(web::Context& context, const std::string& why) {
  core::log::warning("google sign-in failed: " + why);
  context.audit("auth.google.failed", {}, {}, {{"reason", why}});
  return back_to_login(context, kFailed);
}

core::PasswordHashCost hash_cost(const core::Config& config) {
  return {static_cast<std::uint64_t>(config.integer("PASSWORD_HASH_OPSLIMIT")),
          static_cast<std::uint64_t>(config.integer("PASSWORD_HASH_MEMLIMIT_KIB"))};
}

const char* audit_event(accounts::GoogleOutcome outcome) {
  switch (outcome) {
    case accounts::GoogleOutcome::kLinked: return "auth.google.linked";
    case accounts::GoogleOutcome::kCreated: return "auth.google.created";
    default: return "auth.google.login";
  }
}
}  // namespace

bool google_signin_configured(const web::Context& context) {
  return accounts::google_client_from(context.services.config).has_value();
}

http::Response google_redirect(web::Context& context) {
  auto client = accounts::google_client_from(context.services.config);
  if (!client) return back_to_login(context, kNotConfigured);
  // A new attempt replaces any earlier one of this browser: only the latest state is accepted.
  std::string state = core::random_token(43);
  std::string verifier = core::random_token(64);  // RFC 7636: 43-128 unreserved characters
  context.session.put(kStateKey, state);
  context.session.put(kVerifierKey, verifier);
  context.session.put(kStartedKey, std::to_string(core::unix_now()));
  return http::Response::redirect(accounts::google_authorization_url(*client, state, verifier), 302);
}

http::Response google_callback(web::Context& context) {
  auto client = accounts::google_client_from(context.services.config);
  if (!client) return back_to_login(context, kNotConfigured);

  // Single use: taken out of the session before anything else, so a replayed callback finds nothing.
  auto expected_state = context.session.pull(kStateKey);
  auto verifier = context.session.pull(kVerifierKey);
  auto started = context.session.pull(kStartedKey);
  std::string state = context.query.value("state");
  if (!expected_state || !verifier || expected_state->empty() || state.empty() ||
      !core::constant_time_equals(state, *expected_state))
    return failed(context, "state missing or not this browser's");
  auto started_at = started ? core::parse_id(*started) : std::nullopt;
  if (!started_at || core::unix_now() - *started_at > kStateLifetimeSeconds)
    return failed(context, "state expired");
  if (!context.query.value("error").empty()) return failed(context, "provider error: " + context.query.value("error"));
  std::string code = context.query.value("code");
  if (code.empty()) return failed(context, "no code");

  accounts::GoogleProfile profile;
  try {
    profile = accounts::fetch_google_profile(*client, code, *verifier);
  } catch (const accounts::GoogleSignInError& error) {
    return failed(context, error.what());
  }

  const auto& config = context.services.config;
  accounts::GoogleAccounts accounts(context.services.accounts.users(), hash_cost(config),
                                    config.boolean("ADMIN_ALLOW_GOOGLE"));
  accounts::GoogleResolution resolution;
  try {
    resolution = accounts.resolve(profile);
  } catch (const std::exception& error) {
    // A concurrent sign-up took the e-mail or the Google id between the checks and the insert.
    return failed(context, std::string("account resolution: ") + error.what());
  }
  if (resolution.outcome == accounts::GoogleOutcome::kAdminRefused) {
    context.audit("auth.google.refused_admin", {}, {}, {{"email", profile.email}});
    return back_to_login(context, kAdminRefused);
  }
  if (!resolution.user) return failed(context, "an account has this e-mail but it cannot be linked");

  const accounts::User& user = *resolution.user;
  std::string fallback = user.is_admin() ? "/admin/dashboard" : "/";
  auto intended = context.session.pull("url.intended");
  std::string target = intended && web::is_local_path(*intended) ? *intended : fallback;
  // No password was checked: auth_time stays unset, so the admin re-authentication window still asks for one.
  // Context::login also drops admin_2fa_passed_at.
  context.login(user, /*password_checked=*/false);
  context.audit(audit_event(resolution.outcome), "App\\Models\\User", user.id);
  web::remember_user(context, user);  // the reference signs Google users in with "remember"
  if (!user.profile_complete()) {
    context.session.put("profile_return_to", target);
    context.flash_next("profile", kCompleteProfile);
    return http::Response::redirect("/mi-cuenta", 302);
  }
  context.flash_next("success", "Sesión iniciada con Google.");
  return http::Response::redirect(target, 302);
}

}  // namespace routes
