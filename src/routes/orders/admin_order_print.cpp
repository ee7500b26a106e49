// GET /admin/pedidos/{order}/imprimir (A4 sheet) and GET /admin/pedidos/{order}/ticket (80 mm receipt;
// ?autoprint=1 opens the print dialog): standalone pages without the layout, with the shop's business settings
// (docs/domain/ui-contract.md "Admin orders").
#include <string>

#include "core/clock.hpp"
#include "core/config.hpp"
#include "core/errors.hpp"
#include "core/money.hpp"
#include "core/phone.hpp"
#include "core/strings.hpp"
#include "domain/orders/order_queries.hpp"
#include "domain/settings/business_settings.hpp"
#include "routes/orders/handlers.hpp"
#include "routes/orders/presenters.hpp"
#include "web/context.hpp"
#include "web/render.hpp"
#include "web/services.hpp"
#include "web/settings_snapshot.hpp"

namespace routes {

namespace {

http::Response printable(web::Context& context, const std::string& template_name, const std::string& title_prefix) {
  auto id = orders_view::order_id_param(context);
  if (!id) throw core::not_found();
  auto order = orders::find_order(context.services.database, *id);
  if (!order) throw core::not_found();

  auto snapshot = web::settings_snapshot(context.services);  // no query: the cached snapshot
  const auto& settings = snapshot->values;
  std::string app_name = context.services.config.str("APP_NAME");
  web::View view(template_name, title_prefix + std::to_string(order->id));
  auto dict = view.dict();
  web::add_assets(dict, context.services);
  dict.set("TITLE", view.title());
  dict.set("APP_NAME", app_name);
  dict.set("COMPANY", settings.get("company_name", app_name));
  std::string address = settings.get("shop_address"), phone = settings.get("shop_phone");
  if (!address.empty()) dict.add("SHOP_ADDRESS").set("TEXT", address);
  if (!phone.empty()) dict.add("SHOP_PHONE").set("TEXT", core::phone::display(phone));
  dict.set("ID", order->id);
  dict.set("STATUS_LABEL", orders_view::status_label(*order));
  dict.set("CREATED", core::format_local(order->created_at));
  dict.set("PAYMENT", order->payment_method);
  dict.set("CUSTOMER", order->customer_name());
  dict.set("PHONE", order->contact_phone().empty() ? "—" : core::phone::display(order->contact_phone()));
  dict.set("EMAIL", order->user_email);
  if (!order->pickup_delegate_name.empty())
    dict.add("DELEGATE").set("TEXT", order->pickup_delegate_name +
                                         (order->pickup_delegate_phone.empty() ? "" : " · " + core::phone::display(order->pickup_delegate_phone)));
  std::string notes = core::trim(order->notes);
  dict.set("NOTES", notes.empty() ? "—" : notes);
  if (!notes.empty()) dict.add("HAS_NOTES").set("TEXT", notes);
  for (const auto& item : order->items) {
    auto row = dict.add("ITEM");
    row.set("QUANTITY", item.quantity);
    row.set("NAME", item.product_name);
    row.set("PRICE", core::format_ars(item.price));
    row.set("SUBTOTAL", core::format_ars(item.price * item.quantity));
  }
  dict.set("TOTAL", core::format_ars(order->total));
  dict.show_if(context.query.value("autoprint") == "1", "AUTOPRINT");
  auto response = http::Response::html(200, context.services.templates.expand(view.template_name(), view.raw()));
  response.set_header("Cache-Control", "no-store");
  return response;
}

}  // namespace

http::Response admin_order_print(web::Context& context) {
  // Title "Pedido #12 — Imprimir" is built in the template (the id sits in the middle).
  return printable(context, "pages/orders/admin_print.tpl", "Pedido #");
}

http::Response admin_order_ticket(web::Context& context) {
  return printable(context, "pages/orders/admin_ticket.tpl", "Ticket Pedido #");
}

}  // namespace routes
