// Order status changes: conditional UPDATE, stock return on cancel, history row (see status_change.hpp).
#include "domain/orders/status_change.hpp"

#include <utility>
#include <vector>

#include "core/clock.hpp"
#include "core/strings.hpp"
#include "db/unit_of_work.hpp"
#include "domain/inventory/stock_ledger.hpp"

namespace orders {

namespace {
constexpr const char* kSelectOrder = "SELECT status, stock_restored_at FROM orders WHERE id = :id";
// Guarded by the status read a moment ago: a concurrent change makes it match nothing.
constexpr const char* kUpdateStatus =
    "UPDATE orders SET status = :to, updated_at = :now WHERE id = :id AND status = :from";
// Entering cancelado with stock still out: the same guard plus "not restored yet", in one statement.
constexpr const char* kUpdateStatusRestoring =
    "UPDATE orders SET status = :to, updated_at = :now, stock_restored_at = :restored "
    "WHERE id = :id AND status = :from AND stock_restored_at IS NULL";
constexpr const char* kSelectItems = "SELECT product_id, quantity FROM order_items WHERE order_id = :id";
constexpr const char* kInsertHistory =
    "INSERT INTO order_status_histories (order_id, from_status, to_status, changed_by, changed_at, comment) "
    "VALUES (:order, :from, :to, :by, :at, :comment)";
}  // namespace

StatusChange change_order_status(db::Tx& tx, long long order_id, OrderStatus to, std::optional<long long> changed_by,
                                 const std::string& comment, std::optional<OrderStatus> expected_from) {
  StatusChange result;
  result.to = to;
  soci::session* sql = &tx.sql();

  std::string current_key, restored_at;
  soci::indicator restored_ind = soci::i_null;
  *sql << kSelectOrder, soci::use(order_id), soci::into(current_key), soci::into(restored_at, restored_ind);
  if (!sql->got_data()) return result;  // kNotFound

  auto current = parse_status(current_key);
  if (!current) {
    result.outcome = StatusChangeOutcome::kRefused;
    result.message = "El pedido tiene un estado desconocido (" + current_key + ").";
    return result;
  }
  result.from = *current;
  if (expected_from && *expected_from != *current) {
    result.outcome = StatusChangeOutcome::kConflict;
    result.message = kConflictMessage;
    return result;
  }
  if (*current == to) {
    result.outcome = StatusChangeOutcome::kUnchanged;
    result.message = kUnchangedMessage;
    return result;
  }
  if (!can_transition(*current, to)) {
    result.outcome = StatusChangeOutcome::kRefused;
    result.message = transition_error_message(*current);
    return result;
  }

  std::string now = core::utc_now_sql();
  std::string to_key(status_key(to)), from_key(status_key(*current));
  bool restore = to == OrderStatus::kCancelado && restored_ind != soci::i_ok;
  soci::statement update = restore ? (sql->prepare << kUpdateStatusRestoring, soci::use(to_key), soci::use(now),
                                      soci::use(now), soci::use(order_id), soci::use(from_key))
                                   : (sql->prepare << kUpdateStatus, soci::use(to_key), soci::use(now),
                                      soci::use(order_id), soci::use(from_key));
  update.execute(true);
  if (update.get_affected_rows() != 1) {
    result.outcome = StatusChangeOutcome::kConflict;
    result.message = kConflictMessage;
    return result;  // nothing written
  }

  if (restore) {
    std::vector<std::pair<long long, long long>> items;  // product id, quantity
    {
      long long product_id = 0, quantity = 0;
      soci::statement select =
          (sql->prepare << kSelectItems, soci::use(order_id), soci::into(product_id), soci::into(quantity));
      select.execute();
      while (select.fetch()) items.emplace_back(product_id, quantity);
    }
    // Through the ledger; a product deleted since the sale matches no row (nothing to return it to, no movement).
    for (const auto& [product_id, quantity] : items) {
      inventory::StockMove move;
      move.product_id = product_id;
      move.delta = quantity;
      move.reason = inventory::MoveReason::kOrderCancel;
      move.reference_type = "order";
      move.reference_id = order_id;
      move.user_id = changed_by;
      inventory::move_stock(*sql, move);
    }
    result.stock_restored = true;
  }

  std::string trimmed = core::trim(comment);
  long long by = changed_by.value_or(0);
  soci::indicator by_ind = changed_by ? soci::i_ok : soci::i_null;
  soci::indicator comment_ind = trimmed.empty() ? soci::i_null : soci::i_ok;
  *sql << kInsertHistory, soci::use(order_id), soci::use(from_key), soci::use(to_key), soci::use(by, by_ind),
      soci::use(now), soci::use(trimmed, comment_ind);

  result.outcome = StatusChangeOutcome::kChanged;
  result.message = kChangedMessage;
  return result;
}

}  // namespace orders
