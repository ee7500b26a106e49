// The ways a customer pays, with the Spanish label shown for each. Two lists, because the shop records two
// different things: how a store order will be paid (chosen at checkout) and how a repair was paid (recorded at
// the counter). The keys are stored in the database (orders.payment_method, repairs.payment_method); the labels
// appear on pages, tickets, mails and CSV exports.
#pragma once

#include <string>
#include <string_view>
#include <vector>

namespace payments {

struct PaymentMethod {
  std::string key;    // stored value, e.g. "mercado_pago"
  std::string label;  // Spanish, e.g. "Mercado Pago"
};

// Checkout choices, in the order the form shows them: local, mercado_pago, transferencia.
const std::vector<PaymentMethod>& order_payment_methods();
// Repair payments, in the order the intake and detail forms show them: cash, transfer, debit, credit, mp, other.
const std::vector<PaymentMethod>& repair_payment_methods();

bool is_order_payment_method(std::string_view key);
bool is_repair_payment_method(std::string_view key);
// The label for `key`, or `key` itself when it is not in the list (a value from an older version stays readable).
std::string order_payment_label(std::string_view key);
std::string repair_payment_label(std::string_view key);

}  // namespace payments
