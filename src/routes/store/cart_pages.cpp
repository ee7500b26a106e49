// The cart: GET /carrito (re-synced against the database on every visit) and the four writes
// (add / update / remove / clear), each throttled by cart-write and answering JSON to AJAX requests.
// docs/domain/store.md "Cart", ui-contract.md "Cart".
#include <string>

#include "core/errors.hpp"
#include "core/money.hpp"
#include "core/plural.hpp"
#include "domain/store/cart.hpp"
#include "routes/store/cart_session.hpp"
#include "routes/store/handlers.hpp"
#include "core/json.hpp"
#include "web/context.hpp"
#include "web/render.hpp"

namespace routes {

namespace {

using core::JsonObject;

constexpr const char* kOutOfStockRemoved = "Un producto del carrito se quedó sin stock y fue eliminado.";

[[noreturn]] void product_not_found() {
  throw core::DomainError(core::ErrorKind::kNotFound, "No encontramos ese producto.", "unknown product id");
}

// cartCount, itemsCount, total (centavos), totalText, empty.
JsonObject& add_summary(JsonObject& json, const store::Cart& cart) {
  return json.add("cartCount", cart.quantity())
      .add("itemsCount", cart.quantity())
      .add("total", static_cast<long long>(cart.total_cents()))
      .add("totalText", core::format_ars(cart.total_cents()))
      .add("empty", cart.empty());
}

int requested_quantity(const web::Context& context) {
  auto value = context.input.get("quantity");
  return value ? store::parse_quantity(*value) : 1;
}

}  // namespace

http::Response show_cart(web::Context& context) {
  auto [cart, products, sync] = store_web::sync_session_cart(context);
  // Shown in this very render (not flashed to the next request).
  if (sync.important()) context.flash["success"] = sync.message();

  web::View view("pages/store/cart.tpl", "Carrito");
  auto dict = view.dict();
  if (cart.empty()) {
    dict.show("EMPTY");
    return web::render(context, view);
  }
  auto grid = dict.add("CART");
  bool stock_issue = false;
  for (const auto& line : cart.lines) {
    const store::CartProduct& product = products.at(line.product_id);
    auto item = grid.add("ITEM");
    item.set("ID", line.product_id);
    item.set("NAME", product.name);
    item.set("HREF", "/producto/" + product.slug);
    item.set("UNIT_PRICE", line.price_cents);
    item.set("PRICE", core::format_ars(line.price_cents));
    item.set("STOCK", product.stock);
    item.set("MAX", product.stock > 0 ? product.stock : 1);
    item.set("QUANTITY", line.quantity);
    item.set("SUBTOTAL", core::format_ars(line.price_cents * line.quantity));
    bool out = product.stock <= 0;
    if (out) item.show("OUT_OF_STOCK");
    if (out || line.quantity <= 1) item.show("MINUS_DISABLED");
    if (out || line.quantity >= product.stock) item.show("PLUS_DISABLED");
    if (out) item.show("INPUT_DISABLED");
    stock_issue = stock_issue || out || line.quantity > product.stock;
  }
  grid.set("ITEMS_COUNT", cart.quantity());
  grid.set("ITEMS_LABEL", core::count_label(cart.quantity(), "ítem", "ítems"));
  grid.set("TOTAL", core::format_ars(cart.total_cents()));
  if (stock_issue) grid.show("STOCK_ISSUE");
  else grid.show("STOCK_OK");
  return web::render(context, view);
}

http::Response cart_add(web::Context& context) {
  if (auto refusal = store_web::throttle_cart_write(context)) return std::move(*refusal);
  auto product = store::find_cart_product(context.services.database, store_web::product_id_param(context));
  if (!product) product_not_found();

  store::Cart cart = store_web::load_cart(context.session);
  auto outcome = store::add_to_cart(cart, *product, requested_quantity(context));
  if (!outcome.added) {
    if (context.wants_json())
      return http::Response::json(422, JsonObject().add("ok", false).add("message", outcome.error).str());
    core::FieldErrors errors;
    errors.add("stock", outcome.error);
    return context.back_with_errors(errors, {}, "/tienda");
  }
  store_web::save_cart(context.session, cart);

  std::int64_t subtotal = product->price_cents * outcome.quantity;
  if (context.wants_json()) {
    JsonObject added;
    added.add("id", product->id)
        .add("name", product->name)
        .add("quantity", outcome.quantity)
        .add("subtotal", static_cast<long long>(subtotal))
        .add("subtotalText", core::format_ars(subtotal));
    return http::Response::json(200, JsonObject()
                                         .add("ok", true)
                                         .add("added", added)
                                         .add("cartCount", cart.quantity())
                                         .add("message", "Producto agregado al carrito.")
                                         .str());
  }
  context.flash_next("success", "Producto agregado al carrito.");
  context.flash_next("cart_added", product->name);
  return http::Response::redirect(context.previous_url("/tienda"), 302);
}

http::Response cart_update(web::Context& context) {
  if (auto refusal = store_web::throttle_cart_write(context)) return std::move(*refusal);
  auto product = store::find_cart_product(context.services.database, store_web::product_id_param(context));
  if (!product) product_not_found();

  store::Cart cart = store_web::load_cart(context.session);
  auto result = store::update_cart_line(cart, *product, requested_quantity(context));
  switch (result) {
    case store::UpdateResult::kNotInCart:
      if (context.wants_json())
        return http::Response::json(404, JsonObject()
                                             .add("ok", false)
                                             .add("reload", true)
                                             .add("message", "El producto ya no está en el carrito.")
                                             .str());
      return http::Response::redirect("/carrito", 302);
    case store::UpdateResult::kRemovedOutOfStock: {
      store_web::save_cart(context.session, cart);
      if (context.wants_json()) {
        JsonObject json;
        json.add("ok", true).add("removed", true).add("productId", product->id);
        add_summary(json, cart).add("message", kOutOfStockRemoved);
        return http::Response::json(200, json.str());
      }
      core::FieldErrors errors;
      errors.add("stock", kOutOfStockRemoved);
      context.flash_errors(errors);
      return http::Response::redirect("/carrito", 302);
    }
    case store::UpdateResult::kUpdated:
    case store::UpdateResult::kClamped:
      break;
  }
  store_web::save_cart(context.session, cart);
  const store::CartLine* line = cart.find(product->id);
  if (context.wants_json()) {
    JsonObject json;
    json.add("ok", true)
        .add("productId", product->id)
        .add("quantity", line->quantity)
        .add("lineSubtotal", static_cast<long long>(line->price_cents * line->quantity))
        .add("lineSubtotalText", core::format_ars(line->price_cents * line->quantity))
        .add("maxStock", product->stock);
    add_summary(json, cart);
    if (result == store::UpdateResult::kClamped) json.add("message", "Ajustamos la cantidad al stock disponible.");
    else json.add_null("message");
    return http::Response::json(200, json.str());
  }
  context.flash_next("success", result == store::UpdateResult::kClamped
                                    ? "Cantidad actualizada. Ajustamos la cantidad al stock disponible."
                                    : "Cantidad actualizada.");
  return http::Response::redirect("/carrito", 302);
}

http::Response cart_remove(web::Context& context) {
  if (auto refusal = store_web::throttle_cart_write(context)) return std::move(*refusal);
  long long id = store_web::product_id_param(context);
  store::Cart cart = store_web::load_cart(context.session);
  // A line whose product was deleted meanwhile can still be removed; an id that is neither → 404.
  if (!cart.find(id) && !store::find_cart_product(context.services.database, id)) product_not_found();
  cart.remove(id);
  store_web::save_cart(context.session, cart);
  if (context.wants_json()) {
    JsonObject json;
    json.add("ok", true);
    add_summary(json, cart).add("message", "Producto eliminado del carrito.");
    return http::Response::json(200, json.str());
  }
  context.flash_next("success", "Producto eliminado del carrito.");
  return http::Response::redirect("/carrito", 302);
}

http::Response cart_clear(web::Context& context) {
  if (auto refusal = store_web::throttle_cart_write(context)) return std::move(*refusal);
  store_web::save_cart(context.session, store::Cart{});
  if (context.wants_json()) {
    JsonObject json;
    json.add("ok", true);
    add_summary(json, store::Cart{}).add("message", "Carrito vaciado.");
    return http::Response::json(200, json.str());
  }
  context.flash_next("success", "Carrito vaciado.");
  return http::Response::redirect("/carrito", 302);
}

}  // namespace routes
