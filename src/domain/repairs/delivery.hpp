// "Cobrar y entregar": delivering a repair that still owes money, with the payment recorded in the same step.
// The admin page warns "Debe $ X" and offers this instead of a plain "Marcar entregada" that would let the
// customer walk out with the balance unrecorded.
//
//   read status, final price, paid ──> not found ───────────────────────────────> kNotFound
//        │ already delivered (a double submit) ──> change_repair_status ──────> kUnchanged, nothing written
//        │ balance ≠ the balance the page showed (someone edited it) ─────────> kBalanceChanged, nothing written
//        v
//   change_repair_status(→ delivered, expected_from) ──> anything but kChanged ─> that outcome, nothing written
//        v
//   UPDATE repairs SET paid_amount = paid + balance, payment_method = method WHERE id AND paid_amount = paid
//        ──> kDelivered (history row "Cobrado $ X (Efectivo) y entregado.")
//        │ 0 rows (the payment was edited between the read and now) ──> throws PaymentChangedDuringDelivery, so
//        the caller's transaction rolls the status change back; the handler answers like kBalanceChanged.
//
// Runs in the caller's transaction (the handler appends the audit entry to it), so payment, status, history and
// audit commit together or not at all. Blocking (SQL): worker threads only.
#pragma once

#include <cstdint>
#include <optional>
#include <stdexcept>
#include <string>

#include "domain/repairs/status.hpp"
#include "domain/repairs/status_change.hpp"

namespace db {
class Tx;
}

namespace repairs {

enum class CollectOutcome { kDelivered, kUnchanged, kBalanceChanged, kRefused, kConflict, kNotFound };

struct CollectAndDeliver {
  CollectOutcome outcome = CollectOutcome::kNotFound;
  RepairStatus from = RepairStatus::kReceived;  // the status the repair had
  std::int64_t collected_cents = 0;             // the balance recorded as paid (kDelivered only)
  std::string message;                          // Spanish flash
};

inline constexpr const char* kBalanceChangedMessage =
    "El saldo de la reparación cambió mientras cobrabas. Revisá el monto y volvé a intentar.";
inline constexpr const char* kAlreadyDeliveredMessage = "La reparación ya estaba entregada.";

class PaymentChangedDuringDelivery final : public std::runtime_error {
 public:
  PaymentChangedDuringDelivery() : std::runtime_error("repair payment changed during collect_and_deliver") {}
};

// See the diagram above. `expected_balance_cents` is the "Debe" the admin saw; `payment_method` a repair payment
// key (payments::is_repair_payment_method, checked by the caller); `expected_from` the status the page showed.
CollectAndDeliver collect_and_deliver(db::Tx& tx, long long repair_id, long long admin_id,
                                      const std::string& payment_method, std::int64_t expected_balance_cents,
                                      std::optional<RepairStatus> expected_from);

}  // namespace repairs
