// Shared presentation of orders (see presenters.hpp).
#include "routes/orders/presenters.hpp"

#include <algorithm>
#include <array>
#include <cctype>
#include <chrono>

#include "core/clock.hpp"
#include "core/parse.hpp"
#include "web/context.hpp"

namespace routes::orders_view {

using orders::OrderStatus;

std::string badge_class(const orders::Order& order) {
  if (!order.status) return "badge-zinc";
  switch (*order.status) {
    case OrderStatus::kPendiente: return "badge-amber";
    case OrderStatus::kConfirmado: return "badge-sky";
    case OrderStatus::kPreparando: return "badge-indigo";
    case OrderStatus::kListoRetirar: return "badge-emerald";
    case OrderStatus::kEntregado: return "badge-zinc";
    case OrderStatus::kCancelado: return "badge-rose";
  }
  return "badge-zinc";
}

std::string status_label(const orders::Order& order) {
  return order.status ? std::string(orders::status_label(*order.status)) : order.status_key;
}

std::string customer_hint(const orders::Order& order) {
  if (!order.status) return order.status_key;
  switch (*order.status) {
    case OrderStatus::kPendiente: return "Recibimos tu pedido. En breve lo confirmamos.";
    case OrderStatus::kConfirmado: return "Pedido confirmado. Lo estamos preparando.";
    case OrderStatus::kPreparando: return "Estamos preparando tu pedido.";
    case OrderStatus::kListoRetirar: return "Listo. Podés pasar a retirarlo por el local.";
    case OrderStatus::kEntregado: return "Pedido entregado. Gracias.";
    case OrderStatus::kCancelado: return "Este pedido fue cancelado.";
  }
  return {};
}

void fill_stepper(web::Dict dict, const orders::Order& order) {
  if (!order.status || *order.status == OrderStatus::kCancelado) return;
  constexpr std::array<std::pair<OrderStatus, const char*>, 5> kSteps = {{{OrderStatus::kPendiente, "Pendiente"},
                                                                           {OrderStatus::kConfirmado, "Confirmado"},
                                                                           {OrderStatus::kPreparando, "Preparando"},
                                                                           {OrderStatus::kListoRetirar, "Listo"},
                                                                           {OrderStatus::kEntregado, "Entregado"}}};
  std::size_t current = 0;
  for (std::size_t i = 0; i < kSteps.size(); ++i)
    if (kSteps[i].first == *order.status) current = i;
  auto stepper = dict.add("STEPPER");
  for (std::size_t i = 0; i < kSteps.size(); ++i) {
    auto step = stepper.add("STEP");
    step.set("NAME", kSteps[i].second);
    step.set("NUMBER", static_cast<long long>(i + 1));
    if (i < current) step.show("DONE");
    if (i == current) step.show("CURRENT");
  }
}

std::string relative_age(const std::string& sql_utc) {
  core::SystemTime then;
  if (!core::parse_sql_utc(sql_utc, then)) return {};
  auto seconds = std::chrono::duration_cast<std::chrono::seconds>(std::chrono::system_clock::now() - then).count();
  if (seconds < 60) return "hace unos segundos";
  auto plural = [](long long n, const char* one, const char* many) {
    return "hace " + std::to_string(n) + " " + (n == 1 ? one : many);
  };
  if (seconds < 3600) return plural(seconds / 60, "minuto", "minutos");
  if (seconds < 86400) return plural(seconds / 3600, "hora", "horas");
  if (seconds < 86400 * 30) return plural(seconds / 86400, "día", "días");
  if (seconds < 86400 * 365) return plural(seconds / (86400 * 30), "mes", "meses");
  return plural(seconds / (86400 * 365), "año", "años");
}

bool is_urgent(const orders::Order& order) {
  if (!order.status || (*order.status != OrderStatus::kPendiente && *order.status != OrderStatus::kConfirmado))
    return false;
  core::SystemTime created;
  if (!core::parse_sql_utc(order.created_at, created)) return false;
  return std::chrono::system_clock::now() - created > std::chrono::hours(24);
}

std::string transitions_json() {
  std::string json = "{";
  for (auto from : orders::kAllOrderStatuses) {
    if (json.size() > 1) json += ",";
    json += "\"" + std::string(orders::status_key(from)) + "\":[";
    bool first = true;
    for (auto to : orders::allowed_transitions(from)) {
      json += (first ? "\"" : ",\"") + std::string(orders::status_key(to)) + "\"";
      first = false;
    }
    json += "]";
  }
  return json + "}";
}

void fill_status_options(web::Dict dict, const orders::Order& order, const std::string& section) {
  for (auto status : orders::kAllOrderStatuses) {
    auto option = dict.add(section);
    option.set("KEY", orders::status_key(status));
    option.set("LABEL", orders::status_label(status));
    bool current = order.status && *order.status == status;
    if (current) option.show("SELECTED");
    if (!current && (!order.status || !orders::can_transition(*order.status, status))) option.show("DISABLED");
    if (current) option.show("CURRENT");
  }
}

std::optional<long long> order_id_param(const web::Context& context) {
  auto found = context.params.find("order");
  if (found == context.params.end()) return std::nullopt;
  return core::parse_id(found->second);
}

}  // namespace routes::orders_view
