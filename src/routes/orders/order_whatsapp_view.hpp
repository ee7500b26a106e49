// WhatsApp pieces of the admin order pages, built on src/domain/notify (phone rule, wa.me links, templates, logs).
#pragma once

#include <optional>
#include <string>
#include <vector>

#include "domain/orders/order_queries.hpp"

namespace web {
class Context;
}

namespace routes::orders_view {

// The order's WhatsApp message for its current status (template rendered, phone normalised with the AR rule).
struct OrderWhatsApp {
  std::optional<std::string> phone;  // nullopt: no usable phone
  std::string message;
  std::string url;                   // https://wa.me/…, "" without phone
};
OrderWhatsApp order_whatsapp(web::Context& context, long long order_id);

struct WhatsAppLogRow {
  std::string status_label, phone, message, sent_at, sent_by_name;  // sent_at UTC
};
std::vector<WhatsAppLogRow> whatsapp_logs(web::Context& context, long long order_id);

// Logs "sent" for the current status (15-minute de-duplication per status + phone).
struct WhatsAppRecord {
  bool found = false, has_phone = false, created = false;
  std::string sent_at;  // UTC
};
WhatsAppRecord record_whatsapp(web::Context& context, long long order_id);

// The list card's quick link (docs/domain/orders.md "Admin orders"): "Hola {name} 👋\nTu pedido #{id} está:
// {label}.\n\nCualquier cosa respondeme por acá." to the normalised phone; url "" when the order has no usable phone.
struct CardWhatsApp {
  std::string url;
  std::string state;  // "ok" (already notified for the current status) | "pending" | "no_phone"
};
CardWhatsApp card_whatsapp(const orders::Order& order);

// The JSON object "wa" of the status-change answer: {phone, message, url, log_ajax_url, state, notified_current,
// notified_at_label}. Reads the template and the latest log for the current status.
std::string whatsapp_json(web::Context& context, long long order_id);

// "d/m/Y H:i" of the latest log for the order's current status, or nullopt.
std::optional<std::string> notified_at(web::Context& context, long long order_id, const std::string& status_key);

}  // namespace routes::orders_view
