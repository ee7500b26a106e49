// Checkout: GET /checkout (sync, profile gate, issues the one-time checkout token), POST /checkout/confirmar
// (throttled by checkout-confirm; docs/domain/orders.md "Checkout" order of checks, with the token claimed in the
// database by store::place_order) and the thank-you page GET /pedido/{order} (owner only; anyone else gets the
// 404 of a missing id).
#include <array>
#include <charconv>
#include <string>

#include "core/clock.hpp"
#include "core/crypto.hpp"
#include "core/errors.hpp"
#include "core/money.hpp"
#include "core/plural.hpp"
#include "core/phone.hpp"
#include "core/strings.hpp"
#include "db/unit_of_work.hpp"
#include "domain/mail/order_confirmation.hpp"
#include "domain/notify/phone.hpp"
#include "domain/orders/status.hpp"
#include "domain/payments/payment_methods.hpp"
#include "domain/settings/business_settings.hpp"
#include "domain/store/cart.hpp"
#include "domain/store/checkout.hpp"
#include "domain/store/receipt.hpp"
#include "http/form.hpp"
#include "routes/account/email_verification.hpp"
#include "routes/store/cart_session.hpp"
#include "routes/store/handlers.hpp"
#include "web/context.hpp"
#include "web/render.hpp"
#include "web/settings_snapshot.hpp"

namespace routes {

namespace {

using store_web::kCheckoutTokenKey;

http::Response redirect_to_thankyou(web::Context& context, long long order_id, std::string message) {
  context.flash_next("success", std::move(message));
  return http::Response::redirect("/pedido/" + std::to_string(order_id), 302);
}

// A replay of a completed token. When the session still holds that very token, the cart on screen is the
// one that became the order (a parallel submit that lost the race): empty it like the winner did.
http::Response already_confirmed(web::Context& context, long long order_id, const std::string& token) {
  if (core::constant_time_equals(context.session.value(kCheckoutTokenKey), token))
    store_web::save_cart(context.session, store::Cart{});
  return redirect_to_thankyou(context, order_id, "El pedido ya estaba confirmado.");
}

http::Response profile_gate(web::Context& context, std::string message) {
  context.session.put("profile_return_to", "/checkout");
  context.flash_next("profile", message);
  core::FieldErrors errors;
  errors.add("profile", std::move(message));
  context.flash_errors(errors);
  return http::Response::redirect("/mi-cuenta", 302);
}

http::Response redirect_with_error(web::Context& context, const std::string& target, std::string field,
                                   std::string message) {
  core::FieldErrors errors;
  errors.add(std::move(field), std::move(message));
  context.flash_errors(errors);
  return http::Response::redirect(target, 302);
}

// Customer hints and badge colours of the thank-you page (docs/domain/orders.md "Statuses"), by order status; the
// labels come from the orders status machine.
struct StatusLook {
  orders::OrderStatus status;
  const char* hint;
  const char* badge;
};
constexpr std::array<StatusLook, 6> kStatusLooks = {{
    {orders::OrderStatus::kPendiente, "Recibimos tu pedido. En breve lo confirmamos.", "badge-amber"},
    {orders::OrderStatus::kConfirmado, "Pedido confirmado. Lo estamos preparando.", "badge-sky"},
    {orders::OrderStatus::kPreparando, "Estamos preparando tu pedido.", "badge-indigo"},
    {orders::OrderStatus::kListoRetirar, "¡Listo! Podés pasar a retirarlo por el local.", "badge-emerald"},
    {orders::OrderStatus::kEntregado, "Pedido entregado. ¡Gracias!", "badge-zinc"},
    {orders::OrderStatus::kCancelado, "Este pedido fue cancelado.", "badge-rose"},
}};
constexpr std::array<const char*, 5> kStepNames = {"Pendiente", "Confirmado", "Preparando", "Listo", "Entregado"};

}  // namespace

http::Response show_checkout(web::Context& context) {
  // 1. Re-sync the cart; important changes send the buyer back to review it.
  auto [cart, products, sync] = store_web::sync_session_cart(context);
  if (sync.important()) {
    context.flash_next("success", sync.message() + " Revisá el carrito y volvé a finalizar.");
    return http::Response::redirect("/carrito", 302);
  }
  // 2. Nothing to buy.
  if (cart.empty()) {
    context.flash_next("success", "Tu carrito está vacío. Agregá algunos productos antes de finalizar el pedido.");
    return http::Response::redirect("/tienda", 302);
  }
  // 3. Profile gate.
  const accounts::User& user = *context.user;
  if (!user.profile_complete())
    return profile_gate(context, "Completá tu apellido y teléfono para poder finalizar la compra.");
  // 3b. AUTH_EMAIL_VERIFICATION=required: a verified e-mail first (the cart stays in the session meanwhile).
  if (auto gate = require_verified_email(context, "/checkout")) return std::move(*gate);
  // 4. The one-time token of this checkout page (kept until the cart changes or an order is placed).
  std::string token = context.session.value(kCheckoutTokenKey);
  if (token.empty()) {
    token = store::new_checkout_token();
    context.session.put(kCheckoutTokenKey, token);
  }

  web::View view("pages/store/checkout.tpl", "Finalizar compra");
  auto dict = view.dict();
  dict.set("CHECKOUT_TOKEN", token);
  std::string payment = context.old("payment_method", "local");
  for (const auto& method : payments::order_payment_methods())
    if (payment == method.key) dict.show("CHECKED_" + method.key);
  dict.set("BUYER_NAME", core::trim(user.name + " " + user.last_name));
  dict.set("BUYER_PHONE", core::phone::display(user.phone));
  dict.set("BUYER_EMAIL", user.email);
  dict.set("DELEGATE_NAME", context.old("pickup_delegate_name"));
  dict.set("DELEGATE_PHONE", context.old("pickup_delegate_phone"));
  if (!context.old("pickup_delegate_name").empty() || !context.old("pickup_delegate_phone").empty())
    dict.show("DELEGATE_OPEN");
  dict.set("NOTES", context.old("notes"));
  if (!context.errors.empty()) {
    auto box = dict.add("PAGE_ERRORS");
    for (const auto& [field, message] : context.errors.items()) box.add("ERROR").set("MESSAGE", message);
  }
  for (const auto& line : cart.lines) {
    auto item = dict.add("ITEM");
    item.set("NAME", products.at(line.product_id).name);
    item.set("QUANTITY", line.quantity);
    item.set("PRICE", core::format_ars(line.price_cents));
    item.set("SUBTOTAL", core::format_ars(line.price_cents * line.quantity));
  }
  dict.set("ITEMS_COUNT", cart.quantity());
  dict.set("ITEMS_LABEL", core::count_label(cart.quantity(), "ítem", "ítems"));
  dict.set("TOTAL", core::format_ars(cart.total_cents()));
  return web::render(context, view);
}

http::Response confirm_checkout(web::Context& context) {
  if (auto refusal = store_web::throttle_checkout_confirm(context)) return std::move(*refusal);
  const accounts::User& user = *context.user;
  store::CheckoutForm form;
  form.payment_method = core::trim(context.input.value("payment_method"));
  form.notes = core::trim(context.input.value("notes"));
  form.pickup_delegate_name = core::trim(context.input.value("pickup_delegate_name"));
  form.pickup_delegate_phone = core::trim(context.input.value("pickup_delegate_phone"));
  form.checkout_token = core::trim(context.input.value("checkout_token"));

  // 1. A token that already produced an order: the same order again (double click, refresh, retry).
  if (auto order_id = store::order_for_checkout_token(context.services.database, user.id, form.checkout_token))
    return already_confirmed(context, *order_id, form.checkout_token);
  // 2. Nothing to buy.
  store::Cart cart = store_web::load_cart(context.session);
  if (cart.empty()) {
    context.flash_next("success", "Tu carrito está vacío.");
    return http::Response::redirect("/tienda", 302);
  }
  // 3. Profile gate.
  if (!user.profile_complete())
    return profile_gate(context, "Completá tu apellido y teléfono para poder confirmar pedidos.");
  if (auto gate = require_verified_email(context, "/checkout")) return std::move(*gate);
  // 4. The form.
  auto errors = store::validate_checkout_form(form);
  if (!errors.empty()) return context.back_with_errors(errors, {"checkout_token"}, "/checkout");
  // 5. The token must be the one this session's checkout page carried (not another session's, not a stale one).
  std::string expected = context.session.value(kCheckoutTokenKey);
  if (expected.empty() || !core::constant_time_equals(expected, form.checkout_token))
    return redirect_with_error(context, "/checkout", "cart", "La confirmación de la compra venció. Revisá y confirmá de nuevo.");

  // 6-7. One unit of work: claim the token, re-read prices and stock, write the order, decrement stock, and write
  // the confirmation mail job (outbox): all of it commits, or a refusal rolls all of it back. Idempotent: run again
  // after a lost connection, a committed first run is found through its claimed token (kAlreadyPlaced, no 2nd job).
  store::Buyer buyer{user.id, user.name, user.last_name, user.phone};
  store::PlaceOrderResult result;
  try {
    result = db::write(context.services.database, [&](db::Tx& tx) {
      auto placed = store::place_order(tx, buyer, form, cart);
      if (placed.status == store::PlaceOrderStatus::kCreated)
        mail::queue_order_confirmation(tx, context.services.config, placed.order_id);
      return placed;
    }, db::Retry::kIdempotent);
  } catch (const store::CheckoutRefused& refusal) {
    result = {store::PlaceOrderStatus::kRefused, 0, refusal.message()};
  }
  switch (result.status) {
    case store::PlaceOrderStatus::kAlreadyPlaced:
      return already_confirmed(context, result.order_id, form.checkout_token);
    case store::PlaceOrderStatus::kRefused:
      context.session.forget(kCheckoutTokenKey);
      return redirect_with_error(context, "/carrito", "cart", result.message);
    case store::PlaceOrderStatus::kCreated:
      break;
  }
  // 8. Placed: the cart is spent, the token is done.
  mail::send_order_confirmation_if_sync(context.services.config, context.services.database, result.order_id);
  store_web::save_cart(context.session, store::Cart{});
  return redirect_to_thankyou(context, result.order_id, "¡Pedido confirmado!");
}

http::Response order_thankyou(web::Context& context) {
  long long order_id = store_web::product_id_param(context, "order");
  auto order = order_id > 0 ? store::load_order_receipt(context.services.database, order_id) : std::nullopt;
  // Someone else's order is the same 404 as a missing one (ids are never confirmed).
  if (!order || order->user_id != context.user->id)
    throw core::not_found("No encontramos ese pedido.", order ? "not the owner" : "unknown order");

  web::View view("pages/store/thankyou.tpl", "Pedido recibido");
  auto dict = view.dict();
  dict.set("ORDER_ID", order->id);
  dict.set("CREATED_AT", core::format_local(order->created_at));
  dict.set("TOTAL", core::format_ars(order->total_cents));
  auto status = orders::parse_status(order->status);
  const StatusLook* look = nullptr;
  std::size_t status_index = 0;
  for (std::size_t i = 0; i < kStatusLooks.size(); ++i)
    if (status && kStatusLooks[i].status == *status) {
      look = &kStatusLooks[i];
      status_index = i;
    }
  dict.set("STATUS_LABEL", status ? std::string(orders::status_label(*status)) : order->status);
  dict.set("STATUS_HINT", look ? look->hint : "");
  dict.set("STATUS_BADGE", look ? look->badge : "badge-zinc");
  dict.set("PICKUP_NAME", order->pickup_name);
  dict.set("PICKUP_PHONE", core::phone::display(order->pickup_phone));
  if (!order->pickup_delegate_name.empty()) {
    auto delegate = dict.add("DELEGATE");
    delegate.set("NAME", order->pickup_delegate_name);
    delegate.set("PHONE", core::phone::display(order->pickup_delegate_phone));
  }
  std::string payment = payments::order_payment_label(order->payment_method);
  dict.set("PAYMENT", payment.empty() ? order->payment_method : payment);
  if (!order->notes.empty()) dict.add("NOTES").set("TEXT", order->notes);
  for (const auto& item : order->items) {
    auto row = dict.add("ITEM");
    row.set("NAME", item.product_name);
    row.set("QUANTITY", item.quantity);
    row.set("SUBTOTAL", core::format_ars(item.subtotal_cents));
  }

  auto snapshot = web::settings_snapshot(context.services);  // no query: the cached snapshot
  const auto& settings = snapshot->values;
  auto shop_digits = core::phone::whatsapp_digits(settings.get("shop_phone"));
  if (shop_digits) {
    std::string text = store::customer_whatsapp_text(*order);
    auto wa = dict.add("WHATSAPP");
    wa.set("TEXT", text);
    wa.set("URL", notify::wa_me_url(*shop_digits, text));
  } else {
    dict.show("NO_WHATSAPP");
  }

  if (status == orders::OrderStatus::kCancelado) {
    dict.show("CANCELLED");
  } else {
    auto steps = dict.add("STEPS");
    for (std::size_t i = 0; i < kStepNames.size(); ++i) {
      auto step = steps.add("STEP");
      step.set("NUMBER", static_cast<long long>(i + 1));
      step.set("NAME", kStepNames[i]);
      // listo_retirar (index 3) and entregado (index 4) map onto the five steps one to one.
      if (i <= status_index) step.show("DONE");
    }
  }
  return web::render(context, view);
}

}  // namespace routes
