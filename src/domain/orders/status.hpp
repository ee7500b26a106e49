// Order statuses and the order status machine (docs/domain/orders.md "Statuses", "Status machine").
//
//   pendiente ─> confirmado ─> preparando ─> listo_retirar ─> entregado (final)
//      │  forward steps may be skipped, but entregado is reached only from
//      │  confirmado, preparando or listo_retirar (a pending order is never handed over unconfirmed)
//      └──────── every non-final state ──────────────────────> cancelado (final)
//
//   from           │ allowed to                                     │ who
//   ───────────────┼────────────────────────────────────────────────┼──────────────────────────────
//   (creation)     │ pendiente                                      │ checkout (store helper)
//   pendiente      │ confirmado, preparando, listo_retirar, cancelado │ admin
//   confirmado     │ preparando, listo_retirar, entregado, cancelado  │ admin
//   preparando     │ listo_retirar, entregado, cancelado              │ admin
//   listo_retirar  │ entregado, cancelado                             │ admin
//   entregado      │ — (final)                                        │
//   cancelado      │ — (final; stock was returned once, stock_restored_at set) │
//
// What holds in each state: every order row has stock_deducted_at set (checkout decremented stock in the same
// transaction); only cancelado may have stock_restored_at set, and it is set exactly once. Same → same is not a
// transition (the status-change use case answers "El pedido ya estaba en ese estado." and writes nothing).
//
// When adding a status here ^, also update: the table in status.cpp, the admin status tabs and badge classes
// (templates/pages/orders/, public/css/orders.css), the customer hints (src/domain/orders/).
#pragma once

#include <array>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace orders {

enum class OrderStatus {
  kPendiente,
  kConfirmado,
  kPreparando,
  kListoRetirar,
  kEntregado,
  kCancelado,
};

// Every status in workflow order (the order of the admin tabs and the status select).
inline constexpr std::array<OrderStatus, 6> kAllOrderStatuses = {
    OrderStatus::kPendiente,    OrderStatus::kConfirmado, OrderStatus::kPreparando,
    OrderStatus::kListoRetirar, OrderStatus::kEntregado,  OrderStatus::kCancelado};

// Storage key ("listo_retirar").
std::string_view status_key(OrderStatus status);
// Spanish label ("Listo para retirar").
std::string_view status_label(OrderStatus status);
// Parses a storage key exactly (no trimming, case-sensitive); nullopt for anything else.
std::optional<OrderStatus> parse_status(std::string_view key);

// True when the machine allows `from` → `to` (same status → false: it is a no-op, not a transition).
bool can_transition(OrderStatus from, OrderStatus to);
// The statuses reachable from `from`, in workflow order (empty for final states).
std::vector<OrderStatus> allowed_transitions(OrderStatus from);
// entregado and cancelado.
bool is_final(OrderStatus status);

// The Spanish refusal for a transition that can_transition() rejects (docs/domain/orders.md "Status machine"):
//   final     → "Un pedido en estado Entregado no puede cambiar de estado."
//   otherwise → "Cambio de estado inválido. Desde Pendiente solo podés pasar a: Confirmado, Preparando, …."
std::string transition_error_message(OrderStatus from);

}  // namespace orders
