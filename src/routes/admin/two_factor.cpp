// Admin 2FA: the challenge and the settings page with enrolment, recovery codes and disabling
// (docs/domain/accounts.md "Admin 2FA"). Changing 2FA always asks for the current password.
#include <algorithm>

#include "core/clock.hpp"
#include "core/config.hpp"
#include "core/crypto.hpp"
#include "core/errors.hpp"
#include "core/strings.hpp"
#include "core/totp.hpp"
#include "db/unit_of_work.hpp"
#include "domain/accounts/account_service.hpp"
#include "domain/accounts/two_factor.hpp"
#include "http/form.hpp"
#include "infra/rate_limiter.hpp"
#include "routes/handlers.hpp"
#include "web/context.hpp"
#include "web/qr_svg.hpp"
#include "web/render.hpp"

namespace routes {

namespace {
constexpr const char* kSettings = "/admin/seguridad/2fa";
constexpr const char* kPendingSecret = "admin_2fa_pending_secret";
constexpr const char* kExport = "admin_2fa_recovery_export";

const accounts::TwoFactorService& two_factor(web::Context& context) { return *context.services.two_factor; }

http::Response back_with(web::Context& context, const std::string& field, const std::string& message) {
  web::FieldErrors errors;
  errors.add(field, message);
  return context.back_with_errors(errors, {}, kSettings);
}

// The admin-2fa limiter (per user + IP). Returns the refusal when over the limit.
std::optional<http::Response> throttle(web::Context& context, const std::string& fallback) {
  auto hit = context.services.limiter.hit("admin-2fa", "2fa|" + std::to_string(context.user->id) + "|" + context.client_ip,
                                          static_cast<int>(context.services.config.integer("RATE_LIMIT_ADMIN_2FA_PER_MINUTE")));
  if (hit.allowed) return std::nullopt;
  web::FieldErrors errors;
  errors.add("code", "Demasiados intentos de código 2FA. Reintentá en " + std::to_string(hit.retry_after_seconds) + " segundos.");
  return context.back_with_errors(errors, {}, fallback);
}

// Recovery codes just generated, kept in the session for ADMIN_2FA_RECOVERY_EXPORT_TTL_MINUTES so they can be
// downloaded or printed once. Stored as url-encoded token / created_at / codes (comma separated).
struct RecoveryExport {
  std::string token;
  std::int64_t created_at = 0;
  std::vector<std::string> codes;
};

void store_export(web::Context& context, const std::vector<std::string>& codes) {
  std::string joined;
  for (const auto& code : codes) joined += (joined.empty() ? "" : ",") + code;
  context.session.put(kExport, http::build_urlencoded({{"token", core::random_token(48)},
                                                       {"created_at", std::to_string(core::unix_now())},
                                                       {"codes", joined}}));
}

std::optional<RecoveryExport> current_export(web::Context& context) {
  auto stored = context.session.get(kExport);
  if (!stored) return std::nullopt;
  http::FormData fields;
  http::parse_urlencoded(*stored, fields);
  RecoveryExport payload;
  payload.token = fields.value("token");
  try {
    payload.created_at = std::stoll(fields.value("created_at"));
  } catch (const std::exception&) {
    payload.created_at = 0;
  }
  payload.codes = core::split_csv(fields.value("codes"));
  auto ttl = std::max<std::int64_t>(1, context.services.config.integer("ADMIN_2FA_RECOVERY_EXPORT_TTL_MINUTES"));
  if (payload.token.empty() || payload.created_at <= 0 || payload.codes.empty() ||
      core::unix_now() - payload.created_at > ttl * 60) {
    context.session.forget(kExport);
    return std::nullopt;
  }
  return payload;
}

// Password + second factor, shared by "regenerate codes" and "disable". Returns the errors to show, if any.
std::optional<web::FieldErrors> check_password(web::Context& context) {
  web::FieldErrors errors;
  std::string password = context.input.value("current_password");
  if (password.empty()) errors.add("current_password", "Ingresá tu contraseña actual.");
  else if (!core::verify_password(password, context.user->password_hash))
    errors.add("current_password", "La contraseña actual no es correcta.");
  if (errors.empty()) return std::nullopt;
  return errors;
}

std::string local_time(const std::string& utc) { return utc.empty() ? "—" : core::format_local(utc); }
}  // namespace

http::Response show_two_factor_challenge(web::Context& context) {
  auto state = two_factor(context).state(context.user->id);
  if (!state.enabled || !context.session.value("admin_2fa_passed_at").empty())
    return http::Response::redirect("/admin/dashboard", 302);
  web::View view("pages/admin/two_factor_challenge.tpl", "Verificación 2FA Admin");
  view.suppress_global_alerts = true;
  auto dict = view.dict();
  if (context.errors.has("code")) dict.add("ERROR_CODE").set("MESSAGE", context.errors.first("code"));
  if (auto it = context.flash.find("success"); it != context.flash.end()) dict.add("SUCCESS").set("MESSAGE", it->second);
  return web::render(context, view);
}

http::Response verify_two_factor_challenge(web::Context& context) {
  if (auto refused = throttle(context, "/admin/two-factor/challenge")) return *refused;
  std::string code = core::trim(context.input.value("code"));
  web::FieldErrors errors;
  if (code.empty()) errors.add("code", "Ingresá tu código 2FA o código de recuperación.");
  else if (code.size() > 64) errors.add("code", "El código ingresado es demasiado largo.");
  if (!errors.empty()) return context.back_with_errors(errors, {}, "/admin/two-factor/challenge");

  // One unit of work: the used step or recovery code and the audit entry (passed or failed) commit together.
  auto result = db::write(context.services.database, [&](db::Tx& tx) {
    auto factor = two_factor(context).verify(tx, context.user->id, code, core::unix_now());
    if (factor == accounts::SecondFactor::kRejected)
      context.audit(tx, "admin.2fa.failed", "App\\Models\\User", context.user->id);
    else
      context.audit(tx, "admin.2fa.passed", "App\\Models\\User", context.user->id,
                    {{"factor", factor == accounts::SecondFactor::kTotp ? "totp" : "recovery_code"}});
    return factor;
  });
  if (result == accounts::SecondFactor::kRejected) {
    errors.add("code", "Código 2FA o código de recuperación inválido. Intentá nuevamente.");
    return context.back_with_errors(errors, {}, "/admin/two-factor/challenge");
  }
  // A new session id once the second factor is proven (fixation between the two steps gains nothing).
  context.session.regenerate();
  context.session.put("admin_2fa_passed_at", std::to_string(core::unix_now()));
  // Back where the admin was heading, if that is a local path (web::is_local_path: never "//host" or "/\host").
  auto intended = context.session.pull("url.intended").value_or("");
  if (!web::is_local_path(intended)) intended = "/admin/dashboard";
  if (result == accounts::SecondFactor::kTotp) {
    context.flash_next("success", "Verificación 2FA completada.");
  } else {
    int remaining = two_factor(context).state(context.user->id).remaining_codes;
    context.flash_next("success", "Verificación completada con código de recuperación. Restantes: " + std::to_string(remaining) + ".");
  }
  return http::Response::redirect(intended, 302);
}

http::Response show_two_factor_settings(web::Context& context) {
  const auto& config = context.services.config;
  auto state = two_factor(context).state(context.user->id);
  web::View view("pages/admin/two_factor.tpl", "Admin - Seguridad 2FA");
  auto dict = view.dict();
  dict.set("EMAIL", context.user->email);
  dict.set("TTL_MINUTES", config.integer("ADMIN_2FA_RECOVERY_EXPORT_TTL_MINUTES"));
  if (state.enabled) {
    auto enabled = dict.add("ENABLED");
    enabled.set("ENABLED_AT", local_time(state.enabled_at));
    enabled.add("RECOVERY_INFO").set("REMAINING", state.remaining_codes).set("GENERATED_AT", local_time(state.codes_generated_at));
  } else {
    auto disabled = dict.add("DISABLED");
    if (auto secret = context.session.get(kPendingSecret)) {
      std::string uri = core::otpauth_uri(config.str("APP_NAME"), context.user->email, *secret);
      disabled.add("PENDING").set("SECRET", *secret).set("OTPAUTH_URI", uri).set("QR_SVG", web::qr_svg(uri));
    } else {
      disabled.show("NO_PENDING");
    }
  }
  if (auto payload = current_export(context)) {
    auto section = dict.add("EXPORT");
    section.set("TOKEN", payload->token);
    for (const auto& code : payload->codes) section.add("CODE").set("VALUE", code);
  }
  return web::render(context, view);
}

http::Response regenerate_two_factor_secret(web::Context& context) {
  if (two_factor(context).state(context.user->id).enabled)
    return back_with(context, "current_password", "2FA ya está activado. Si querés cambiarlo, desactivá y volvé a activar.");
  context.session.put(kPendingSecret, accounts::TwoFactorService::new_secret());
  context.flash_next("success", "Se generó un nuevo secreto. Escanealo con tu app autenticadora.");
  return http::Response::redirect(kSettings, 302);
}

http::Response enable_two_factor(web::Context& context) {
  if (auto refused = throttle(context, kSettings)) return *refused;
  if (two_factor(context).state(context.user->id).enabled)
    return back_with(context, "code", "2FA ya está activado para este usuario admin.");
  web::FieldErrors errors = check_password(context).value_or(web::FieldErrors{});
  std::string code = core::trim(context.input.value("code"));
  if (code.empty()) errors.add("code", "Ingresá el código de 6 dígitos.");
  else if (code.size() != 6 || !std::all_of(code.begin(), code.end(), [](char c) { return c >= '0' && c <= '9'; }))
    errors.add("code", "El código debe tener 6 dígitos numéricos.");
  if (!errors.empty()) return context.back_with_errors(errors, {}, kSettings);
  auto secret = context.session.get(kPendingSecret);
  if (!secret) return back_with(context, "code", "Primero generá un secreto para activar 2FA.");
  auto codes = db::write(context.services.database, [&](db::Tx& tx) {
    auto enabled = two_factor(context).enable(tx, context.user->id, *secret, code, core::unix_now());
    if (enabled) context.audit(tx, "admin.2fa.enabled", "App\\Models\\User", context.user->id);
    return enabled;
  });
  if (!codes) return back_with(context, "code", "Código 2FA inválido. Verificá la hora del teléfono y volvé a intentar.");
  context.session.forget(kPendingSecret);
  context.session.put("admin_2fa_passed_at", std::to_string(core::unix_now()));
  store_export(context, *codes);
  context.flash_next("success", "2FA activado correctamente para tu cuenta admin.");
  return http::Response::redirect(kSettings, 302);
}

http::Response regenerate_recovery_codes(web::Context& context) {
  if (auto refused = throttle(context, kSettings)) return *refused;
  if (!two_factor(context).state(context.user->id).enabled)
    return back_with(context, "code", "Activá 2FA antes de generar códigos de recuperación.");
  if (auto errors = check_password(context)) return context.back_with_errors(*errors, {}, kSettings);
  std::string code = context.input.value("code");
  if (code.size() > 64) return back_with(context, "code", "El código ingresado es demasiado largo.");
  // One unit of work: the code used to confirm, the new codes and the audit entry commit together.
  std::vector<std::string> fresh;
  auto factor = db::write(context.services.database, [&](db::Tx& tx) {
    auto used = two_factor(context).verify(tx, context.user->id, code, core::unix_now());
    if (used == accounts::SecondFactor::kRejected) return used;
    fresh = two_factor(context).regenerate_codes(tx, context.user->id);
    context.audit(tx, "admin.2fa.recovery_regenerated", "App\\Models\\User", context.user->id);
    return used;
  });
  if (factor == accounts::SecondFactor::kRejected) return back_with(context, "code", "Código 2FA o código de recuperación inválido.");
  store_export(context, fresh);
  context.flash_next("success", factor == accounts::SecondFactor::kTotp
                                    ? "Códigos de recuperación regenerados correctamente."
                                    : "Códigos de recuperación regenerados. El código usado quedó invalidado.");
  return http::Response::redirect(kSettings, 302);
}

http::Response clear_recovery_codes(web::Context& context) {
  context.session.forget(kExport);
  context.flash_next("success", "Se ocultaron los códigos de recuperación visibles.");
  return http::Response::redirect(kSettings, 302);
}

http::Response disable_two_factor(web::Context& context) {
  if (auto refused = throttle(context, kSettings)) return *refused;
  if (!two_factor(context).state(context.user->id).enabled)
    return back_with(context, "code", "2FA no está activo en esta cuenta admin.");
  if (auto errors = check_password(context)) return context.back_with_errors(*errors, {}, kSettings);
  // One unit of work: the code used, the disabling and the audit entry commit together.
  auto factor = db::write(context.services.database, [&](db::Tx& tx) {
    auto used = two_factor(context).verify(tx, context.user->id, context.input.value("code"), core::unix_now());
    if (used == accounts::SecondFactor::kRejected) return used;
    two_factor(context).disable(tx, context.user->id);
    context.audit(tx, "admin.2fa.disabled", "App\\Models\\User", context.user->id);
    return used;
  });
  if (factor == accounts::SecondFactor::kRejected)
    return back_with(context, "code", "Código 2FA o código de recuperación inválido. No se pudo desactivar.");
  for (const char* key : {"admin_2fa_passed_at", kPendingSecret, kExport}) context.session.forget(key);
  context.flash_next("success", "2FA desactivado correctamente.");
  return http::Response::redirect(kSettings, 302);
}

http::Response download_recovery_codes(web::Context& context) {
  auto payload = current_export(context);
  if (!payload || !core::constant_time_equals(context.query.value("token"), payload->token))
    throw core::not_found();
  std::string generated = core::format_local(core::to_sql_utc(std::chrono::system_clock::from_time_t(payload->created_at)),
                                             "%d/%m/%Y %H:%M:%S");
  std::string body = "NicoReparaciones - Códigos de recuperación 2FA (Admin)\nCuenta: " + context.user->email +
                     "\nGenerado: " + generated +
                     "\n\nIMPORTANTE:\n- Cada código se puede usar una sola vez.\n- Guardalos offline en un lugar seguro.\n\nCódigos:\n";
  for (const auto& code : payload->codes) body += "- " + code + "\n";
  auto response = http::Response::text(200, body);
  std::string stamp = core::format_local(core::utc_now_sql(), "%Y%m%d-%H%M%S");
  response.set_header("Content-Disposition", "attachment; filename=\"recovery-codes-admin-" + stamp + ".txt\"");
  response.set_header("Cache-Control", "no-store, no-cache, must-revalidate, max-age=0");
  response.set_header("Pragma", "no-cache");
  return response;
}

http::Response print_recovery_codes(web::Context& context) {
  auto payload = current_export(context);
  if (!payload || !core::constant_time_equals(context.query.value("token"), payload->token))
    throw core::not_found();
  web::View view("pages/admin/recovery_codes_print.tpl", "Códigos de recuperación 2FA");
  auto dict = view.dict();
  dict.set("EMAIL", context.user->email);
  dict.set("GENERATED_AT", core::format_local(core::to_sql_utc(std::chrono::system_clock::from_time_t(payload->created_at)),
                                              "%d/%m/%Y %H:%M:%S"));
  web::add_assets(dict, context.services);
  for (const auto& code : payload->codes) dict.add("CODE").set("VALUE", code);
  auto response = http::Response::html(200, context.services.templates.expand(view.template_name(), view.raw()));
  response.set_header("Cache-Control", "no-store");
  return response;
}

}  // namespace routes
