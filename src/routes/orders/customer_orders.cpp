// The customer's orders: GET /mis-pedidos (tabs Activos/Historial, search, 10 per page) and
// GET /mis-pedidos/{order} (owner only: another user's order is the same 404 as a missing one),
// docs/domain/orders.md "Customer view".
#include <string>

#include "core/errors.hpp"
#include "core/money.hpp"
#include "core/plural.hpp"
#include "core/clock.hpp"
#include "core/parse.hpp"
#include "core/phone.hpp"
#include "core/strings.hpp"
#include "domain/notify/phone.hpp"
#include "domain/orders/order_queries.hpp"
#include "domain/payments/payment_methods.hpp"
#include "domain/settings/business_settings.hpp"
#include "http/form.hpp"
#include "routes/orders/handlers.hpp"
#include "routes/orders/presenters.hpp"
#include "web/context.hpp"
#include "web/render.hpp"
#include "web/services.hpp"
#include "web/settings_snapshot.hpp"

namespace routes {

namespace {

int page_param(const web::Context& context) { return core::parse_page(context.query.value("page")); }

// The customer → shop WhatsApp text of docs/domain/orders.md "Customer view" (total without a space after "$", as the
// reference).
std::string shop_whatsapp_text(const orders::Order& order) {
  std::string text = "¡Hola! Soy " + order.customer_name() + ".\nHice el pedido #" + std::to_string(order.id) +
                     ".\n¿Me confirmás cuando esté listo para retirar?\n\nÍtems:\n";
  for (const auto& item : order.items)
    text += "- " + std::to_string(item.quantity) + "x " + item.product_name + "\n";
  text += "Total: $" + core::format_pesos_plain(order.total) + "\n¡Gracias!";
  return text;
}

}  // namespace

http::Response my_orders(web::Context& context) {
  bool history = context.query.value("tab") == "historial";
  std::string q = core::trim(context.query.value("q"));
  auto list = orders::customer_orders(context.services.database, context.user->id, history, q, page_param(context));

  web::View view("pages/orders/my_orders.tpl", "Mis pedidos");
  auto dict = view.dict();
  dict.set("TAB", history ? "historial" : "activos");
  dict.set("Q", q);
  dict.show_if(!q.empty(), "HAS_Q");
  std::string q_suffix = q.empty() ? "" : "&q=" + http::url_encode(q);
  dict.set("ACTIVE_URL", "/mis-pedidos?tab=activos" + q_suffix);
  dict.set("HISTORY_URL", "/mis-pedidos?tab=historial" + q_suffix);
  dict.set("ACTIVE_CLASS", history ? "nav-pill" : "nav-pill nav-pill-active");
  dict.set("HISTORY_CLASS", history ? "nav-pill nav-pill-active" : "nav-pill");
  if (list.orders.empty()) dict.show("EMPTY");
  for (const auto& order : list.orders) {
    auto row = dict.add("ORDER");
    row.set("ID", order.id);
    row.set("STATUS_LABEL", orders_view::status_label(order));
    row.set("STATUS_KEY", order.status_key);
    row.set("BADGE_CLASS", orders_view::badge_class(order));
    row.set("DATE", core::format_local(order.created_at));
    long long count = order.items_count();
    row.set("ITEMS_COUNT", core::count_label(count, "ítem", "ítems"));
    row.set("PAYMENT_LABEL", payments::order_payment_label(order.payment_method));
    row.set("TOTAL", core::format_ars(order.total));
    for (std::size_t i = 0; i < order.items.size() && i < 2; ++i)
      row.add("PREVIEW").set("LINE", std::to_string(order.items[i].quantity) + "x " + order.items[i].product_name);
    if (order.items.size() > 2) row.add("MORE").set("COUNT", static_cast<long long>(order.items.size() - 2));
  }
  std::string base = "/mis-pedidos?tab=" + std::string(history ? "historial" : "activos") + q_suffix + "&page=";
  if (list.page.last() > 1) {
    auto pager = dict.add("PAGER");
    pager.set("CURRENT", list.page.number);
    pager.set("LAST", list.page.last());
    if (list.page.number > 1) pager.add("PREV").set("URL", base + std::to_string(list.page.number - 1));
    if (list.page.number < list.page.last()) pager.add("NEXT").set("URL", base + std::to_string(list.page.number + 1));
  }
  return web::render(context, view);
}

http::Response my_order(web::Context& context) {
  auto id = orders_view::order_id_param(context);
  if (!id) throw core::not_found();
  auto order = orders::find_order(context.services.database, *id);
  // Policy (docs/domain/orders.md "Customer view"): someone else's order is the same 404 as a missing one, so the
  // page never confirms which ids exist.
  if (!order || order->user_id != context.user->id)
    throw core::not_found("No encontramos lo que buscabas.", order ? "order of another customer" : "unknown order");

  web::View view("pages/orders/my_order.tpl", "Pedido #" + std::to_string(order->id));
  auto dict = view.dict();
  dict.set("ID", order->id);
  dict.set("DATE", core::format_local(order->created_at));
  dict.set("STATUS_LABEL", orders_view::status_label(*order));
  dict.set("STATUS_KEY", order->status_key);
  dict.set("BADGE_CLASS", orders_view::badge_class(*order));
  dict.set("HINT", orders_view::customer_hint(*order));
  orders_view::fill_stepper(dict, *order);
  dict.show_if(order->status == orders::OrderStatus::kCancelado, "CANCELLED");
  dict.set("PRODUCT_COUNT", static_cast<long long>(order->items.size()));
  for (const auto& item : order->items) {
    auto row = dict.add("ITEM");
    row.set("NAME", item.product_name);
    row.set("PRICE", core::format_ars(item.price));
    row.set("QUANTITY", item.quantity);
    row.set("SUBTOTAL", core::format_ars(item.subtotal));
  }
  dict.set("TOTAL", core::format_ars(order->total));
  dict.set("PICKUP_NAME", order->customer_name());
  dict.set("PICKUP_PHONE", core::phone::display(order->contact_phone()));
  if (!order->pickup_delegate_name.empty())
    dict.add("DELEGATE").set("TEXT", order->pickup_delegate_name +
                                         (order->pickup_delegate_phone.empty() ? "" : " (" + core::phone::display(order->pickup_delegate_phone) + ")"));
  dict.set("PAYMENT_LABEL", payments::order_payment_label(order->payment_method));
  if (!core::trim(order->notes).empty()) dict.add("NOTES").set("TEXT", order->notes);

  auto snapshot = web::settings_snapshot(context.services);  // no query: the cached snapshot
  const auto& settings = snapshot->values;
  auto shop_digits = core::phone::whatsapp_digits(settings.get("shop_phone"));
  if (shop_digits) {
    std::string text = shop_whatsapp_text(*order);
    auto wa = dict.add("SHOP_WHATSAPP");
    wa.set("TEXT", text);
    wa.set("URL", notify::wa_me_url(*shop_digits, text));
  }
  return web::render(context, view);
}

}  // namespace routes
