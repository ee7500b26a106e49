// POST /admin/pedidos/{order}/whatsapp (classic form → back to the order with a flash) and
// POST /admin/pedidos/{order}/whatsapp-ajax (always JSON): "the admin sent the WhatsApp message" logs, with the
// 15-minute de-duplication of src/domain/notify (docs/domain/whatsapp.md "Logs and de-duplication").
#include <string>

#include "core/clock.hpp"
#include "core/errors.hpp"
#include "core/log.hpp"
#include "routes/orders/order_whatsapp_view.hpp"
#include "routes/orders/handlers.hpp"
#include "routes/orders/presenters.hpp"
#include "web/context.hpp"
#include "web/render.hpp"
#include "web/services.hpp"

namespace routes {

namespace {
constexpr const char* kNoPhone = "No hay un teléfono válido para enviar WhatsApp.";
constexpr const char* kCreated = "Envío de WhatsApp registrado.";
constexpr const char* kRecent = "Ya estaba registrado recientemente.";

orders_view::WhatsAppRecord record(web::Context& context, long long order_id) {
  return orders_view::record_whatsapp(context, order_id);
}
}  // namespace

http::Response admin_order_whatsapp_log(web::Context& context) {
  auto id = orders_view::order_id_param(context);
  if (!id) throw core::not_found();
  auto outcome = record(context, *id);
  if (!outcome.found) throw core::not_found();
  std::string target = "/admin/pedidos/" + std::to_string(*id);
  if (!outcome.has_phone) {
    web::FieldErrors errors;
    errors.add("pickup_phone", kNoPhone);
    context.flash_errors(errors);
    return http::Response::redirect(target, 302);
  }
  context.flash_next("success", outcome.created ? kCreated : kRecent);
  return http::Response::redirect(target, 302);
}

http::Response admin_order_whatsapp_log_ajax(web::Context& context) {
  auto id = orders_view::order_id_param(context);
  if (!id) throw core::not_found("Pedido no encontrado.", "bad order id");
  auto outcome = record(context, *id);
  if (!outcome.found) throw core::not_found("Pedido no encontrado.", "unknown order");
  if (!outcome.has_phone)
    return http::Response::json(
        422, "{\"ok\":false,\"message\":" + core::json_quote(kNoPhone) + ",\"error\":\"invalid_phone\"}");
  std::string label = outcome.sent_at.empty() ? "—" : core::format_local(outcome.sent_at);
  return http::Response::json(200, std::string("{\"ok\":true,\"created\":") + (outcome.created ? "true" : "false") +
                                       ",\"message\":" +
                                       core::json_quote(outcome.created ? "Log registrado." : kRecent) +
                                       ",\"notified_at_label\":" + core::json_quote(label) + "}");
}

}  // namespace routes
