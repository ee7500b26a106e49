// The stock ledger (issue 21): the one function through which products.stock changes. Each move is a guarded
// UPDATE (the stock never goes below zero, the same conditional update checkout has always used) plus one
// stock_movements row with the resulting stock, the reason, what caused it (order, counter sale, repair…), who and
// when — both in the caller's transaction, so a sale, a cancel or an adjustment and its ledger row commit or roll
// back together. For every product SUM(stock_movements.delta) = products.stock (migration 0141 opened each ledger
// with the stock of the day).
//
// Callers: checkout, order cancel (return), counter sale and its void, admin adjustments (form, quick stock, bulk),
// product creation; repair parts (used / returned) will call it the same way. Blocking SQL: worker threads only.
#pragma once

#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace soci {
class session;
}

namespace inventory {

// Why stock moved; stored as the key, shown with movement_reason_label().
enum class MoveReason {
  kCheckout,            // online order placed (negative)
  kOrderCancel,         // online order cancelled: stock returned (positive)
  kCounterSale,         // counter sale (negative)
  kSaleVoid,            // counter sale voided: stock returned (positive)
  kRepairPartUsed,      // part applied to a repair (negative)
  kRepairPartReturned,  // part removed from a repair / repair cancelled (positive)
  kAdjustment,          // admin correction (either sign, note says why)
  kProductCreated,      // initial stock typed on the new-product form
  kImport,              // stock written by an import
  kOpeningBalance,      // the stock each product had when the ledger started
};

std::string_view reason_key(MoveReason reason);
std::optional<MoveReason> parse_reason(std::string_view key);
std::string movement_reason_label(std::string_view key);  // Spanish; the key itself when unknown
const std::vector<MoveReason>& all_reasons();

struct StockMove {
  long long product_id = 0;
  long long delta = 0;              // signed units; 0 writes nothing
  MoveReason reason = MoveReason::kAdjustment;
  std::string reference_type;       // "order", "counter_sale", "repair", … or "" for none
  long long reference_id = 0;       // with reference_type
  std::optional<long long> user_id; // who; nullopt = the system
  std::string note;                 // free text (adjustment reason), "" for none; cut to 255 characters
  // Checkout only: the product must also still be on sale online (active, sellable, category active), checked in the
  // same UPDATE so a concurrent deactivation cannot slip between the caller's read and the decrement.
  bool require_on_sale = false;
};

// Applies the move in the caller's transaction: the stock after the move, or nullopt when nothing changed because
// the stock would go below zero or the product does not exist (or, with require_on_sale, is off sale). The caller
// then refuses and rolls back. A delta of 0 returns the current stock and writes no row.
std::optional<long long> move_stock(soci::session& sql, const StockMove& move);

}  // namespace inventory
