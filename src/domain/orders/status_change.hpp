// The one way an order changes status after checkout (docs/domain/orders.md "Status change and stock restore").
//
// change_order_status runs in the caller's write transaction (docs/ARCHITECTURE.md, "Transactions"):
//   (a) reads the order; unknown id → kNotFound;
//   (b) same status → kUnchanged ("El pedido ya estaba en ese estado."): no history, no audit, nothing written;
//   (c) a transition status.hpp refuses → kRefused with the refusal of docs/domain/orders.md "Status machine";
//   (d) UPDATE orders … WHERE id = ? AND status = <what (a) read>: when another admin (or node) changed the order
//       in between, 0 rows match → kConflict ("…Recargá la página…") and nothing is written. Entering cancelado the
//       same UPDATE also sets stock_restored_at, guarded by "stock_restored_at IS NULL", and only when that UPDATE
//       matched are the items' quantities added back to product stock — so two cancels racing each other return
//       the stock exactly once (the loser gets kUnchanged on SQLite, whose writers are serialised, or kConflict on
//       MariaDB, whose UPDATE re-reads the committed row);
//   (e) inserts the order_status_histories row (from, to, changed_by, comment or NULL).
// The handler appends the audit entry (it has the request's IP, route and user agent) to the same transaction, so
// status, stock, history and audit commit together. Blocking (SQL): worker threads only. SQL errors throw (the
// caller's transaction rolls back).
#pragma once

#include <optional>
#include <string>

#include "domain/orders/status.hpp"

namespace db {
class Tx;
}

namespace orders {

enum class StatusChangeOutcome { kChanged, kUnchanged, kRefused, kConflict, kNotFound };

inline constexpr const char* kUnchangedMessage = "El pedido ya estaba en ese estado.";
inline constexpr const char* kChangedMessage = "Estado actualizado.";
inline constexpr const char* kConflictMessage =
    "El pedido cambió mientras lo editabas. Recargá la página e intentá de nuevo.";

struct StatusChange {
  StatusChangeOutcome outcome = StatusChangeOutcome::kNotFound;
  OrderStatus from = OrderStatus::kPendiente;  // the status read in (a) (meaningless for kNotFound)
  OrderStatus to = OrderStatus::kPendiente;
  std::string message;                         // Spanish, ready for a flash or a JSON "message"
  bool stock_restored = false;                 // this call returned the items to stock
};

// `changed_by`: the admin's user id (nullopt: system). `comment`: stored as NULL when blank.
// `expected_from`: the status the admin was looking at; when given and different from the stored one → kConflict.
StatusChange change_order_status(db::Tx& tx, long long order_id, OrderStatus to, std::optional<long long> changed_by,
                                 const std::string& comment, std::optional<OrderStatus> expected_from = std::nullopt);

}  // namespace orders
