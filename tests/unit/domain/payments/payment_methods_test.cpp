#include "domain/payments/payment_methods.hpp"

#include <gtest/gtest.h>

namespace {

TEST(OrderPaymentMethods, CheckoutOffersThreeWaysToPayWithTheirLabels) {
  const auto& methods = payments::order_payment_methods();
  ASSERT_EQ(methods.size(), 3u);
  EXPECT_EQ(methods[0].key, "local");
  EXPECT_EQ(payments::order_payment_label("local"), "Pago en el local");
  EXPECT_EQ(payments::order_payment_label("mercado_pago"), "Mercado Pago");
  EXPECT_EQ(payments::order_payment_label("transferencia"), "Transferencia");
  EXPECT_TRUE(payments::is_order_payment_method("transferencia"));
  EXPECT_FALSE(payments::is_order_payment_method("cash"));  // a repair payment, not a checkout choice
  EXPECT_FALSE(payments::is_order_payment_method(""));
}

TEST(RepairPaymentMethods, TheCounterRecordsSixWaysWithSpanishLabels) {
  EXPECT_EQ(payments::repair_payment_methods().size(), 6u);
  EXPECT_EQ(payments::repair_payment_label("cash"), "Efectivo");
  EXPECT_EQ(payments::repair_payment_label("debit"), "Débito");
  EXPECT_EQ(payments::repair_payment_label("credit"), "Crédito");
  EXPECT_EQ(payments::repair_payment_label("mp"), "Mercado Pago");
  EXPECT_TRUE(payments::is_repair_payment_method("other"));
  EXPECT_FALSE(payments::is_repair_payment_method("local"));
}

TEST(PaymentLabels, AnUnknownKeyIsShownAsStored) {
  EXPECT_EQ(payments::order_payment_label("cheque"), "cheque");
  EXPECT_EQ(payments::repair_payment_label("cheque"), "cheque");
  EXPECT_EQ(payments::repair_payment_label(""), "");
}

}  // namespace
