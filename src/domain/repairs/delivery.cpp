// Collect the balance and deliver in one transaction (see delivery.hpp).
#include "domain/repairs/delivery.hpp"

#include <algorithm>

#include "core/money.hpp"
#include "db/unit_of_work.hpp"
#include "domain/payments/payment_methods.hpp"

namespace repairs {

namespace {
constexpr const char* kSelectMoney = "SELECT status, final_price, paid_amount FROM repairs WHERE id = :id";
// Guarded by the paid amount read above: a concurrent edit of the payment makes it match no row.
constexpr const char* kRecordPayment =
    "UPDATE repairs SET paid_amount = :new_paid, payment_method = :method WHERE id = :id AND COALESCE(paid_amount, 0) = :old_paid";

CollectOutcome outcome_of(StatusChangeOutcome outcome) {
  switch (outcome) {
    case StatusChangeOutcome::kChanged: return CollectOutcome::kDelivered;
    case StatusChangeOutcome::kUnchanged: return CollectOutcome::kUnchanged;
    case StatusChangeOutcome::kRefused: return CollectOutcome::kRefused;
    case StatusChangeOutcome::kConflict: return CollectOutcome::kConflict;
    case StatusChangeOutcome::kNotFound: return CollectOutcome::kNotFound;
  }
  return CollectOutcome::kConflict;
}
}  // namespace

CollectAndDeliver collect_and_deliver(db::Tx& tx, long long repair_id, long long admin_id,
                                      const std::string& payment_method, std::int64_t expected_balance_cents,
                                      std::optional<RepairStatus> expected_from) {
  soci::session& sql = tx.sql();
  CollectAndDeliver result;
  std::string status_key_value;
  long long final_price = 0, paid = 0;
  soci::indicator final_ind = soci::i_null, paid_ind = soci::i_null;
  sql << kSelectMoney, soci::use(repair_id), soci::into(status_key_value), soci::into(final_price, final_ind),
      soci::into(paid, paid_ind);
  if (!sql.got_data()) {
    result.message = kRepairNotFoundMessage;
    return result;
  }
  if (paid_ind != soci::i_ok) paid = 0;
  result.from = parse_status(status_key_value).value_or(RepairStatus::kCancelled);

  // A second click (or a second tab) finds it delivered: report it, record nothing twice.
  if (result.from == RepairStatus::kDelivered) {
    result.outcome = CollectOutcome::kUnchanged;
    result.message = kAlreadyDeliveredMessage;
    return result;
  }
  std::int64_t balance = final_ind == soci::i_ok ? std::max<std::int64_t>(0, final_price - paid) : 0;
  if (balance != expected_balance_cents) {
    result.outcome = CollectOutcome::kBalanceChanged;
    result.message = kBalanceChangedMessage;
    return result;
  }

  std::string comment = "Cobrado " + core::format_ars(balance) + " (" +
                        payments::repair_payment_label(payment_method) + ") y entregado.";
  auto change = change_repair_status(tx, repair_id, RepairStatus::kDelivered, admin_id, comment, expected_from);
  result.outcome = outcome_of(change.outcome);
  result.message = change.message;
  if (change.outcome != StatusChangeOutcome::kChanged) return result;

  long long new_paid = paid + balance;
  soci::statement record = (sql.prepare << kRecordPayment, soci::use(new_paid), soci::use(payment_method),
                            soci::use(repair_id), soci::use(paid));
  record.execute(true);
  // The status row is already ours in this transaction; a payment edited in between rolls everything back.
  if (record.get_affected_rows() != 1) throw PaymentChangedDuringDelivery();
  result.collected_cents = balance;
  result.message = "Cobrado " + core::format_ars(balance) + ". Reparación entregada.";
  return result;
}

}  // namespace repairs
