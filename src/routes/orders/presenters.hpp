// What the order pages share: badge classes, customer hints, the progress stepper, relative ages, the
// transitions map for the admin scripts, and loading an order by route parameter.
#pragma once

#include <optional>
#include <string>

#include "domain/orders/order_queries.hpp"
#include "web/views.hpp"

namespace web {
class Context;
}

namespace routes::orders_view {

// badge-amber (pendiente), badge-sky, badge-indigo, badge-emerald, badge-zinc (entregado), badge-rose (cancelado).
std::string badge_class(const orders::Order& order);
// "Pendiente" … or the stored key for a status this version does not know.
std::string status_label(const orders::Order& order);
// Customer hint (the /mis-pedidos wording; docs/domain/orders.md "Statuses").
std::string customer_hint(const orders::Order& order);
// Adds STEPPER with five STEP rows (Pendiente … Entregado), DONE/CURRENT flags; nothing when cancelled.
void fill_stepper(web::Dict dict, const orders::Order& order);
// "hace 3 horas" from a UTC SQL timestamp.
std::string relative_age(const std::string& sql_utc);
// pendiente/confirmado for more than 24 hours.
bool is_urgent(const orders::Order& order);
// {"pendiente":["confirmado",…],…} for data-admin-order-transitions.
std::string transitions_json();
// Adds one STATUS_OPTION per status (KEY, LABEL, DISABLED when not reachable, SELECTED for the current one).
void fill_status_options(web::Dict dict, const orders::Order& order, const std::string& section = "STATUS_OPTION");
// The {order} parameter as an id; nullopt when it is not a positive number.
std::optional<long long> order_id_param(const web::Context& context);

}  // namespace routes::orders_view
