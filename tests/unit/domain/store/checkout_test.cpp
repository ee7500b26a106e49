#include "domain/store/checkout.hpp"

#include <gtest/gtest.h>

namespace {
store::CheckoutForm valid_form() {
  store::CheckoutForm form;
  form.payment_method = "local";
  form.checkout_token = "tok";
  return form;
}
}  // namespace

TEST(StoreCheckoutForm, AValidFormHasNoErrors) {
  EXPECT_TRUE(store::validate_checkout_form(valid_form()).empty());
  auto form = valid_form();
  form.payment_method = "transferencia";
  form.pickup_delegate_name = "Juan Pérez";
  form.pickup_delegate_phone = "+54 (341) 555-0000";
  form.notes = "Paso a la tarde";
  EXPECT_TRUE(store::validate_checkout_form(form).empty());
}

TEST(StoreCheckoutForm, EachRuleNamesItsField) {
  auto form = valid_form();
  form.payment_method = "bitcoin";
  EXPECT_TRUE(store::validate_checkout_form(form).has("payment_method"));
  form = valid_form();
  form.payment_method = "";
  EXPECT_EQ(store::validate_checkout_form(form).first("payment_method"), "Elegí un método de pago.");
  form = valid_form();
  form.pickup_delegate_name = "Juan";
  EXPECT_EQ(store::validate_checkout_form(form).first("pickup_delegate_phone"), "Ingresá el teléfono de quien retira.");
  form = valid_form();
  form.pickup_delegate_phone = "3415550000";
  EXPECT_EQ(store::validate_checkout_form(form).first("pickup_delegate_name"), "Ingresá el nombre de quien retira.");
  form.pickup_delegate_name = "Juan";
  form.pickup_delegate_phone = "----++++";
  EXPECT_TRUE(store::validate_checkout_form(form).has("pickup_delegate_phone"));
  form = valid_form();
  form.pickup_delegate_name = std::string(256, 'a');
  form.pickup_delegate_phone = "3415550000";
  EXPECT_TRUE(store::validate_checkout_form(form).has("pickup_delegate_name"));
  form = valid_form();
  form.notes = std::string(2001, 'n');
  EXPECT_TRUE(store::validate_checkout_form(form).has("notes"));
  form = valid_form();
  form.checkout_token = "";
  EXPECT_EQ(store::validate_checkout_form(form).first("checkout_token"),
            "La confirmación de la compra venció. Revisá y confirmá de nuevo.");
  form.checkout_token = std::string(65, 't');
  EXPECT_TRUE(store::validate_checkout_form(form).has("checkout_token"));
}

TEST(StoreCheckoutForm, PaymentMethodMustBeACheckoutChoiceAndTokensAreRandom) {
  store::CheckoutForm form;
  form.payment_method = "otro";
  EXPECT_TRUE(store::validate_checkout_form(form).has("payment_method"));
  auto a = store::new_checkout_token(), b = store::new_checkout_token();
  EXPECT_EQ(a.size(), 43u);
  EXPECT_NE(a, b);
}
