// Counter sales (issue 21, /admin/venta-rapida): a walk-in buys at the shop counter. Recording a sale is one
// transaction in the caller's db::Tx: the one-time form token is claimed, the sale and its items are written with
// the current prices and costs, and each product's stock leaves through the stock ledger's guarded update — two
// tills selling the last unit end with exactly one sale; the other is refused and writes nothing. Voiding returns the
// stock once (a guarded status change) and keeps the sale for the record.
// Blocking SQL: worker threads only.
#pragma once

#include <optional>
#include <stdexcept>
#include <string>
#include <string_view>
#include <vector>

#include "core/validation.hpp"

namespace db {
class Tx;
}

namespace sales {

struct PaymentChoice {
  std::string key;    // stored: efectivo | transferencia | debito | credito
  std::string label;  // Spanish
};
const std::vector<PaymentChoice>& counter_payment_methods();
// The stored key for what a form posted ("efectivo", also the repair keys "cash", "transfer", "debit", "credit"),
// or nullopt.
std::optional<std::string> parse_payment_method(std::string_view posted);
std::string payment_label(std::string_view key);

inline constexpr const char* kWalkInCustomer = "Consumidor final";

struct SaleLineInput {
  std::string product_id, quantity;  // as posted (product_id[], quantity[])
};

struct SaleForm {
  std::vector<SaleLineInput> lines;
  std::string payment_method, customer_name, customer_phone, discount, discount_reason;
  std::string sale_token;  // one-time token of the form ("" = none: no double-submit protection)
};

struct SaleLine {
  long long product_id = 0;
  long long quantity = 0;
};

// What validation keeps: merged lines (one per product, quantities summed, sorted by id: a fixed lock order), the
// payment key, the discount in centavos.
struct ValidSale {
  std::vector<SaleLine> lines;
  std::string payment_method, customer_name, customer_phone, discount_reason, sale_token;
  long long discount = 0;
};

// Field rules (no database): at least one line, ids and quantities (1..999), payment method, customer (≤ 255),
// phone (a valid number when given), discount (amount ≥ 0, reason required when > 0). Errors keyed by field.
core::FieldErrors validate_sale(const SaleForm& form, ValidSale& out);

// A refusal with a Spanish message for the seller (stock ran out, product gone, discount above the total):
// nothing was written, the caller rolls back.
class SaleRefused : public std::runtime_error {
 public:
  using std::runtime_error::runtime_error;
};

struct RecordedSale {
  long long sale_id = 0;
  bool already_recorded = false;  // the token had been used: sale_id is the first submit's sale
};

// Records the sale in the caller's transaction; throws SaleRefused.
RecordedSale record_counter_sale(db::Tx& tx, const ValidSale& sale, std::optional<long long> seller_id);

enum class VoidOutcome { kVoided, kAlreadyVoided, kNotFound };

// Marks the sale voided (reason, who, when) and returns its items' stock through the ledger, once: a second void,
// even concurrent, finds the sale already voided and changes nothing.
VoidOutcome void_counter_sale(db::Tx& tx, long long sale_id, const std::string& reason,
                              std::optional<long long> user_id);

std::string new_sale_token();

}  // namespace sales
