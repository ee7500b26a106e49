// Order statuses, labels and transitions (see status.hpp for the drawing and the table).
#include "domain/orders/status.hpp"

namespace orders {

namespace {
struct StatusInfo {
  OrderStatus status;
  std::string_view key;
  std::string_view label;
};

constexpr std::array<StatusInfo, 6> kStatusInfo = {{
    {OrderStatus::kPendiente, "pendiente", "Pendiente"},
    {OrderStatus::kConfirmado, "confirmado", "Confirmado"},
    {OrderStatus::kPreparando, "preparando", "Preparando"},
    {OrderStatus::kListoRetirar, "listo_retirar", "Listo para retirar"},
    {OrderStatus::kEntregado, "entregado", "Entregado"},
    {OrderStatus::kCancelado, "cancelado", "Cancelado"},
}};

const StatusInfo& info(OrderStatus status) {
  for (const auto& entry : kStatusInfo)
    if (entry.status == status) return entry;
  return kStatusInfo.front();  // unreachable: every enumerator is in the table
}
}  // namespace

std::string_view status_key(OrderStatus status) { return info(status).key; }

std::string_view status_label(OrderStatus status) { return info(status).label; }

std::optional<OrderStatus> parse_status(std::string_view key) {
  for (const auto& entry : kStatusInfo)
    if (entry.key == key) return entry.status;
  return std::nullopt;
}

bool can_transition(OrderStatus from, OrderStatus to) {
  using S = OrderStatus;
  switch (from) {
    case S::kPendiente:
      return to == S::kConfirmado || to == S::kPreparando || to == S::kListoRetirar || to == S::kCancelado;
    case S::kConfirmado:
      return to == S::kPreparando || to == S::kListoRetirar || to == S::kEntregado || to == S::kCancelado;
    case S::kPreparando:
      return to == S::kListoRetirar || to == S::kEntregado || to == S::kCancelado;
    case S::kListoRetirar:
      return to == S::kEntregado || to == S::kCancelado;
    case S::kEntregado:
    case S::kCancelado:
      return false;
  }
  return false;
}

std::vector<OrderStatus> allowed_transitions(OrderStatus from) {
  std::vector<OrderStatus> result;
  for (auto to : kAllOrderStatuses)
    if (can_transition(from, to)) result.push_back(to);
  return result;
}

bool is_final(OrderStatus status) { return status == OrderStatus::kEntregado || status == OrderStatus::kCancelado; }

std::string transition_error_message(OrderStatus from) {
  if (is_final(from)) return "Un pedido en estado " + std::string(status_label(from)) + " no puede cambiar de estado.";
  std::string message = "Cambio de estado inválido. Desde " + std::string(status_label(from)) + " solo podés pasar a: ";
  bool first = true;
  for (auto to : allowed_transitions(from)) {
    if (!first) message += ", ";
    message += status_label(to);
    first = false;
  }
  message += ".";
  return message;
}

}  // namespace orders
