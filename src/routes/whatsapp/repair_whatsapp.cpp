// Repair WhatsApp send-and-log (docs/domain/whatsapp.md): the admin opened the wa.me link; these record it.
//   POST /admin/reparaciones/{repair}/whatsapp       classic form → back with a flash (or the no-phone error)
//   POST /admin/reparaciones/{repair}/whatsapp-ajax  JSON {ok, created, message, notified_at_label} or 422
// De-duplication (10 minutes per repair + status) lives in domain/notify.
#include <optional>
#include <string>

#include "core/clock.hpp"
#include "core/config.hpp"
#include "core/errors.hpp"
#include "core/log.hpp"
#include "db/unit_of_work.hpp"
#include "domain/notify/whatsapp.hpp"
#include "routes/repair_public/signed_request.hpp"
#include "routes/whatsapp/handlers.hpp"
#include "web/context.hpp"
#include "web/render.hpp"

namespace routes {

namespace {

constexpr const char* kNoPhone = "No se pudo armar el WhatsApp: revisá el teléfono del cliente.";

notify::LogOutcome record(web::Context& context, long long repair_id) {
  return db::write(context.services.database, [&](db::Tx& tx) {
    return notify::record_repair_whatsapp(tx, repair_id, context.user->id, context.services.config.str("APP_URL"),
                                          context.services.app_key);
  });
}

}  // namespace

http::Response log_repair_whatsapp(web::Context& context) {
  auto repair_id = repair_param(context);
  if (!repair_id) throw core::not_found();
  std::string back = "/admin/reparaciones/" + std::to_string(*repair_id);
  auto outcome = record(context, *repair_id);
  if (!outcome.found) throw core::not_found();
  if (!outcome.has_phone) {
    web::FieldErrors errors;
    errors.add("customer_phone", kNoPhone);
    return context.back_with_errors(errors, {}, back);
  }
  context.flash_next("success", outcome.created ? "Envío de WhatsApp registrado en el historial."
                                                : "Ya estaba registrado un envío reciente para este mismo estado.");
  return http::Response::redirect(context.previous_url(back), 302);
}

http::Response log_repair_whatsapp_ajax(web::Context& context) {
  auto repair_id = repair_param(context);
  if (!repair_id) return http::Response::json(404, R"({"ok":false,"error":"not_found"})");
  auto outcome = record(context, *repair_id);
  if (!outcome.found) return http::Response::json(404, R"({"ok":false,"error":"not_found"})");
  if (!outcome.has_phone) {
    return http::Response::json(
        422, std::string(R"({"ok":false,"error":"invalid_phone","message":)") + core::json_quote(kNoPhone) + "}");
  }
  std::string message = outcome.created ? "Envío registrado." : "Ya estaba registrado recientemente.";
  std::string label = outcome.sent_at.empty() ? "—" : core::format_local(outcome.sent_at);
  return http::Response::json(200, std::string(R"({"ok":true,"created":)") + (outcome.created ? "true" : "false") +
                                       R"(,"message":)" + core::json_quote(message) + R"(,"notified_at_label":)" +
                                       core::json_quote(label) + "}");
}

}  // namespace routes
