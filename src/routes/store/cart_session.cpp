// Cart ⇄ session, and the store limiters (see cart_session.hpp).
#include "routes/store/cart_session.hpp"

#include <charconv>

#include "core/config.hpp"
#include "core/json.hpp"
#include "infra/rate_limiter.hpp"
#include "web/context.hpp"

namespace routes::store_web {

store::Cart load_cart(const web::Session& session) { return store::parse_cart(session.value(kCartKey)); }

void save_cart(web::Session& session, const store::Cart& cart, bool forget_token) {
  if (cart.empty()) {
    if (session.has(kCartKey)) session.forget(kCartKey);
    if (session.has(kCartCountKey)) session.forget(kCartCountKey);
  } else {
    std::string text = store::serialize_cart(cart);
    if (session.value(kCartKey) != text) session.put(kCartKey, text);
    std::string count = std::to_string(cart.quantity());
    if (session.value(kCartCountKey) != count) session.put(kCartCountKey, count);
  }
  if (forget_token && session.has(kCheckoutTokenKey)) session.forget(kCheckoutTokenKey);
}

SyncedCart sync_session_cart(web::Context& context) {
  SyncedCart synced;
  synced.cart = load_cart(context.session);
  std::vector<long long> ids;
  for (const auto& line : synced.cart.lines) ids.push_back(line.product_id);
  synced.products = store::find_cart_products(context.services.database, ids);
  std::string before = store::serialize_cart(synced.cart);
  synced.sync = store::sync_cart(synced.cart, synced.products);
  if (store::serialize_cart(synced.cart) != before) save_cart(context.session, synced.cart);
  return synced;
}

std::optional<http::Response> throttle_cart_write(web::Context& context) {
  int per_minute = static_cast<int>(context.services.config.integer("RATE_LIMIT_CART_WRITE_PER_MINUTE"));
  // A visitor without a stored session gets a fresh random id on every request, so cookie-less clients share
  // one bucket per IP instead of escaping the limit.
  std::string key = context.client_ip + "|" + (context.session.exists() ? context.session.id() : std::string("-"));
  // Both buckets must pass: per session, and per IP so that many sessions from one address share one budget.
  auto hit = context.services.limiter.hit("cart-write", key, per_minute);
  if (hit.allowed) {
    int per_ip = static_cast<int>(context.services.config.integer("RATE_LIMIT_CART_WRITE_PER_IP_PER_MINUTE"));
    hit = context.services.limiter.hit("cart-write-ip", context.client_ip, per_ip);
  }
  if (hit.allowed) return std::nullopt;
  std::string message = "Demasiadas acciones en carrito. Esperá " + std::to_string(hit.retry_after_seconds) + " segundos.";
  if (context.wants_json()) {
    auto response = http::Response::json(429, core::JsonObject().add("ok", false).add("message", message).str());
    response.set_header("Retry-After", std::to_string(hit.retry_after_seconds));
    return response;
  }
  core::FieldErrors errors;
  errors.add("cart", message);
  return context.back_with_errors(errors, {}, "/carrito");
}

std::optional<http::Response> throttle_checkout_confirm(web::Context& context) {
  int per_minute = static_cast<int>(context.services.config.integer("RATE_LIMIT_CHECKOUT_CONFIRM_PER_MINUTE"));
  std::string key = std::to_string(context.user ? context.user->id : 0) + "|" + context.client_ip;
  auto hit = context.services.limiter.hit("checkout-confirm", key, per_minute);
  if (hit.allowed) {  // and per IP, whoever is signed in
    int per_ip = static_cast<int>(context.services.config.integer("RATE_LIMIT_CHECKOUT_CONFIRM_PER_IP_PER_MINUTE"));
    hit = context.services.limiter.hit("checkout-confirm-ip", context.client_ip, per_ip);
  }
  if (hit.allowed) return std::nullopt;
  core::FieldErrors errors;
  errors.add("checkout",
             "Demasiados intentos de confirmación. Probá de nuevo en " + std::to_string(hit.retry_after_seconds) + " segundos.");
  return context.back_with_errors(errors, {}, "/checkout");
}

long long product_id_param(const web::Context& context, const char* name) {
  auto found = context.params.find(name);
  if (found == context.params.end()) return 0;
  const std::string& text = found->second;
  long long id = 0;
  auto [end, error] = std::from_chars(text.data(), text.data() + text.size(), id);
  if (error != std::errc() || end != text.data() + text.size() || id <= 0) return 0;
  return id;
}

}  // namespace routes::store_web
