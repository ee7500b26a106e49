// WhatsApp pieces of the admin order pages (see order_whatsapp_view.hpp): src/domain/notify renders the
// templates, normalises phones (AR rule) and keeps the de-duplicated logs; this file adapts it to the pages.
#include "core/phone.hpp"
#include "routes/orders/order_whatsapp_view.hpp"

#include "core/clock.hpp"
#include "core/config.hpp"
#include "core/log.hpp"
#include "db/database.hpp"
#include "db/unit_of_work.hpp"
#include "domain/notify/phone.hpp"
#include "domain/notify/whatsapp.hpp"
#include "domain/orders/order_queries.hpp"
#include "routes/orders/presenters.hpp"
#include "web/context.hpp"
#include "web/services.hpp"

namespace routes::orders_view {

OrderWhatsApp order_whatsapp(web::Context& context, long long order_id) {
  auto message = notify::order_whatsapp(context.services.database, order_id, context.services.config.str("APP_URL"));
  return {message.phone, message.message, message.url};
}

std::vector<WhatsAppLogRow> whatsapp_logs(web::Context& context, long long order_id) {
  std::vector<WhatsAppLogRow> rows;
  for (const auto& log : notify::order_whatsapp_logs(context.services.database, order_id))
    rows.push_back({log.status_label, log.phone, log.message, log.sent_at, log.sent_by_name});
  return rows;
}

WhatsAppRecord record_whatsapp(web::Context& context, long long order_id) {
  auto outcome = db::write(context.services.database, [&](db::Tx& tx) {
    return notify::record_order_whatsapp(tx, order_id, context.user->id, context.services.config.str("APP_URL"));
  });
  return {outcome.found, outcome.has_phone, outcome.created, outcome.sent_at};
}

CardWhatsApp card_whatsapp(const orders::Order& order) {
  CardWhatsApp result;
  auto phone = core::phone::whatsapp_digits(order.contact_phone());
  if (!phone) {
    result.state = "no_phone";
    return result;
  }
  std::string message = "Hola " + order.customer_name() + " 👋\nTu pedido #" + std::to_string(order.id) +
                        " está: " + status_label(order) + ".\n\nCualquier cosa respondeme por acá.";
  result.url = notify::wa_me_url(*phone, message);
  result.state = order.wa_notified_current ? "ok" : "pending";
  return result;
}

std::optional<std::string> notified_at(web::Context& context, long long order_id, const std::string& status_key) {
  auto latest = notify::order_notified_at(context.services.database, order_id, status_key);
  if (!latest || latest->empty()) return std::nullopt;
  return core::format_local(latest->substr(0, 19));
}

std::string whatsapp_json(web::Context& context, long long order_id) {
  auto order = orders::find_order(context.services.database, order_id);
  auto message = order_whatsapp(context, order_id);
  auto at = order ? notified_at(context, order_id, order->status_key) : std::nullopt;
  std::string state = !message.phone ? "no_phone" : at ? "ok" : "pending";
  using core::json_quote;
  return "{\"phone\":" + (message.phone ? json_quote(*message.phone) : std::string("null")) +
         ",\"message\":" + json_quote(message.message) + ",\"url\":" + json_quote(message.url) +
         ",\"log_ajax_url\":" + json_quote("/admin/pedidos/" + std::to_string(order_id) + "/whatsapp-ajax") +
         ",\"state\":" + json_quote(state) + ",\"notified_current\":" + (at ? "true" : "false") +
         ",\"notified_at_label\":" + json_quote(at.value_or("—")) + "}";
}

}  // namespace routes::orders_view
