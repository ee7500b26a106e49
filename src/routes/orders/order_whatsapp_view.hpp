// WhatsApp pieces of the admin order pages, built on src/domain/notify (phone rule, wa.me links, templates, logs).
#pragma once

#include <optional>
#include <string>

#include "domain/orders/order_queries.hpp"

namespace web {
class Context;
}

namespace routes::orders_view {

// The list card's quick link (§2.9): "Hola {name} 👋\nTu pedido #{id} está: {label}.\n\nCualquier cosa
// respondeme por acá." to the normalised phone; url "" when the order has no usable phone.
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
