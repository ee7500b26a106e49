// WhatsApp pieces of the admin order pages (see order_whatsapp_view.hpp).
#include "routes/orders/order_whatsapp_view.hpp"

#include "core/clock.hpp"
#include "core/config.hpp"
#include "core/log.hpp"
#include "db/database.hpp"
#include "domain/orders/order_queries.hpp"

// src/domain/notify (helper `customer`) renders the templates, normalises phones and keeps the logs. Until it is
// on main, the order pages offer no WhatsApp actions (every order reads as "no phone"); the functions below then
// switch to it.
#include "routes/orders/presenters.hpp"
#include "web/context.hpp"
#include "web/services.hpp"

namespace routes::orders_view {

OrderWhatsApp order_whatsapp(web::Context&, long long) { return {}; }
std::vector<WhatsAppLogRow> whatsapp_logs(web::Context&, long long) { return {}; }
WhatsAppRecord record_whatsapp(web::Context& context, long long order_id) {
  WhatsAppRecord record;
  record.found = orders::find_order(context.services.database, order_id).has_value();
  return record;
}
CardWhatsApp card_whatsapp(const orders::Order&) { return {"", "no_phone"}; }

std::optional<std::string> notified_at(web::Context& context, long long order_id, const std::string& status_key) {
  std::string latest;
  soci::indicator indicator = soci::i_null;
  auto sql = context.services.database.lease();
  *sql << "SELECT MAX(sent_at) FROM order_whatsapp_logs WHERE order_id = :id AND notified_status = :status",
      soci::use(order_id), soci::use(status_key), soci::into(latest, indicator);
  if (indicator != soci::i_ok || latest.empty()) return std::nullopt;
  return core::format_local(latest.substr(0, 19));
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
