// The cart's place in the session, and the two store limiters.
//   session "cart"          the cart (store::serialize_cart)
//   session "cart_count"    Σ quantities, read by the layout badge without touching the database
//   session "checkout_token" the token of the checkout page on screen; every cart change forgets it
//   session "checkout_done" the last completed checkout token (its order comes from checkout_tokens)
#pragma once

#include <map>
#include <optional>
#include <string>

#include "domain/store/cart.hpp"
#include "http/message.hpp"

namespace web {
class Context;
class Session;
}

namespace routes::store_web {

inline constexpr const char* kCartKey = "cart";
inline constexpr const char* kCartCountKey = "cart_count";
inline constexpr const char* kCheckoutTokenKey = "checkout_token";

store::Cart load_cart(const web::Session& session);
// Stores the cart (an empty cart removes the keys, so an emptied guest session can disappear).
// `forget_token`: a changed cart invalidates the checkout page on screen.
void save_cart(web::Session& session, const store::Cart& cart, bool forget_token = true);

// The session cart re-checked against the database (GET /carrito and GET /checkout): the cart after the sync,
// the products it refers to, and what changed. A changed cart is saved back (forgetting the checkout token).
struct SyncedCart {
  store::Cart cart;
  std::map<long long, store::CartProduct> products;
  store::CartSync sync;
};
SyncedCart sync_session_cart(web::Context& context);

// cart-write (RATE_LIMIT_CART_WRITE_PER_MINUTE per IP|session) and cart-write-ip
// (RATE_LIMIT_CART_WRITE_PER_IP_PER_MINUTE per IP), both must pass: the refusal to send, or nullopt when allowed.
// Refusal: JSON 429 {ok:false, message} for AJAX, else back with error `cart`
// "Demasiadas acciones en carrito. Esperá {N} segundos.".
std::optional<http::Response> throttle_cart_write(web::Context& context);
// checkout-confirm (RATE_LIMIT_CHECKOUT_CONFIRM_PER_MINUTE per user|IP) and checkout-confirm-ip
// (RATE_LIMIT_CHECKOUT_CONFIRM_PER_IP_PER_MINUTE per IP), both must pass: back with error `checkout`
// "Demasiados intentos de confirmación. Probá de nuevo en {N} segundos.".
std::optional<http::Response> throttle_checkout_confirm(web::Context& context);

// The product id of the route ({product}), or 0 when it is not a positive integer.
long long product_id_param(const web::Context& context, const char* name = "product");

}  // namespace routes::store_web
