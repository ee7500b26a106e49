// The two payment-method lists and their labels (see payment_methods.hpp): the only place they are written.
#include "domain/payments/payment_methods.hpp"

namespace payments {

namespace {
const PaymentMethod* find(const std::vector<PaymentMethod>& methods, std::string_view key) {
  for (const auto& method : methods)
    if (method.key == key) return &method;
  return nullptr;
}
}  // namespace

const std::vector<PaymentMethod>& order_payment_methods() {
  static const std::vector<PaymentMethod> kMethods = {
      {"local", "Pago en el local"}, {"mercado_pago", "Mercado Pago"}, {"transferencia", "Transferencia"}};
  return kMethods;
}

const std::vector<PaymentMethod>& repair_payment_methods() {
  static const std::vector<PaymentMethod> kMethods = {{"cash", "Efectivo"}, {"transfer", "Transferencia"},
                                                      {"debit", "Débito"},  {"credit", "Crédito"},
                                                      {"mp", "Mercado Pago"}, {"other", "Otro"}};
  return kMethods;
}

bool is_order_payment_method(std::string_view key) { return find(order_payment_methods(), key) != nullptr; }
bool is_repair_payment_method(std::string_view key) { return find(repair_payment_methods(), key) != nullptr; }

std::string order_payment_label(std::string_view key) {
  const PaymentMethod* method = find(order_payment_methods(), key);
  return method ? method->label : std::string(key);
}

std::string repair_payment_label(std::string_view key) {
  const PaymentMethod* method = find(repair_payment_methods(), key);
  return method ? method->label : std::string(key);
}

}  // namespace payments
