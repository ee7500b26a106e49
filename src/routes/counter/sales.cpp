// /admin/ventas: counter sales history (date range, payment and status filters, totals per payment method), one
// sale's page with its WhatsApp receipt link, its 80 mm ticket (a standalone print page like the order and repair
// tickets; ?autoprint=1 opens the print dialog) and the void with a reason (stock returned once, audited).
#include <string>

#include "core/clock.hpp"
#include "core/config.hpp"
#include "core/errors.hpp"
#include "core/money.hpp"
#include "core/phone.hpp"
#include "core/strings.hpp"
#include "db/unit_of_work.hpp"
#include "domain/notify/phone.hpp"
#include "domain/sales/counter_sale.hpp"
#include "domain/sales/sale_queries.hpp"
#include "domain/settings/business_settings.hpp"
#include "routes/back_office/common.hpp"
#include "routes/counter/handlers.hpp"
#include "web/context.hpp"
#include "web/render.hpp"
#include "web/services.hpp"

namespace routes::counter {

namespace {

using back_office::add_options;
using back_office::add_pagination;
using back_office::id_param;
using back_office::page_param;

constexpr std::size_t kMaxVoidReason = 255;

sales::CounterSale sale_or_404(web::Context& context) {
  auto id = id_param(context, "sale");
  auto sale = id ? sales::find_sale(context.services.database, *id) : std::nullopt;
  if (!sale) throw core::not_found();
  return *sale;
}

std::string customer_label(const sales::CounterSale& sale) {
  return sale.customer_name.empty() ? sales::kWalkInCustomer : sale.customer_name;
}

// The shared sale fields of the page and the ticket.
void fill_sale(web::Dict& dict, const sales::CounterSale& sale) {
  dict.set("ID", sale.id);
  dict.set("CREATED", core::format_local(sale.created_at));
  dict.set("CUSTOMER", customer_label(sale));
  dict.set("PAYMENT", sales::payment_label(sale.payment_method));
  dict.set("SELLER", sale.seller_name.empty() ? "—" : sale.seller_name);
  dict.set("SUBTOTAL", core::format_ars(sale.subtotal));
  dict.set("TOTAL", core::format_ars(sale.total));
  if (!sale.customer_phone.empty()) dict.add("CUSTOMER_PHONE").set("TEXT", core::phone::display(sale.customer_phone));
  if (sale.discount > 0)
    dict.add("DISCOUNT").set("AMOUNT", core::format_ars(sale.discount)).set("REASON", sale.discount_reason);
  for (const auto& item : sale.items) {
    auto row = dict.add("ITEM");
    row.set("QUANTITY", item.quantity).set("NAME", item.product_name);
    row.set("PRICE", core::format_ars(item.unit_price)).set("SUBTOTAL", core::format_ars(item.subtotal));
  }
  if (sale.voided) {
    auto voided = dict.add("VOIDED");
    voided.set("AT", core::format_local(sale.voided_at)).set("REASON", sale.void_reason);
    voided.set("BY", sale.voided_by_name.empty() ? "—" : sale.voided_by_name);
  }
}

std::string receipt_text(const sales::CounterSale& sale, const std::string& company) {
  std::string text = "Hola" + (sale.customer_name.empty() ? std::string() : " " + sale.customer_name) +
                     ", gracias por tu compra en " + company + ".\nComprobante de venta #" + std::to_string(sale.id) +
                     " (" + core::format_local(sale.created_at) + "):\n";
  for (const auto& item : sale.items)
    text += "• " + std::to_string(item.quantity) + " × " + item.product_name + ": " + core::format_ars(item.subtotal) + "\n";
  if (sale.discount > 0) text += "Descuento: − " + core::format_ars(sale.discount) + "\n";
  text += "Total: " + core::format_ars(sale.total) + " (" + sales::payment_label(sale.payment_method) + ")";
  return text;
}

}  // namespace

http::Response sales_index(web::Context& context) {
  sales::SaleFilters filters;
  filters.from = core::trim(context.query.value("from"));
  filters.to = core::trim(context.query.value("to"));
  filters.payment_method = context.query.value("payment_method");
  filters.status = context.query.value("status");
  filters.page = page_param(context);
  auto page = sales::list_sales(context.services.database, filters);

  web::View view("pages/counter/sales_index.tpl", "Admin — Ventas");
  auto dict = view.dict();
  dict.set("FROM", filters.from).set("TO", filters.to);
  std::vector<std::pair<std::string, std::string>> methods{{"", "Pago: Todos"}};
  for (const auto& method : sales::counter_payment_methods()) methods.emplace_back(method.key, method.label);
  add_options(dict, "PAYMENT_OPTION", methods, sales::parse_payment_method(filters.payment_method).value_or(""));
  add_options(dict, "STATUS_OPTION", {{"", "Estado: Todas"}, {"completed", "Completadas"}, {"voided", "Anuladas"}},
              filters.status);
  for (const auto& line : page.per_method) {
    auto row = dict.add("METHOD_TOTAL");
    row.set("LABEL", sales::payment_label(line.payment_method)).set("KEY", line.payment_method);
    row.set("COUNT", line.count).set("TOTAL", core::format_ars(line.total));
  }
  dict.set("GRAND_TOTAL", core::format_ars(page.grand_total)).set("COMPLETED_COUNT", page.completed_count);
  dict.set("TOTAL_COUNT", page.total_count);
  if (page.items.empty()) dict.show("EMPTY");
  for (const auto& sale : page.items) {
    auto row = dict.add("SALE");
    row.set("ID", sale.id).set("CREATED", core::format_local(sale.created_at)).set("CUSTOMER", customer_label(sale));
    row.set("PAYMENT", sales::payment_label(sale.payment_method)).set("TOTAL", core::format_ars(sale.total));
    row.set("STATUS_CLASS", sale.voided ? "badge-rose" : "badge-emerald");
    row.set("STATUS_LABEL", sale.voided ? "Anulada" : "Completada");
  }
  add_pagination(dict, context, "/admin/ventas", page.page, page.pages);
  return web::render(context, view);
}

http::Response sales_show(web::Context& context) {
  auto sale = sale_or_404(context);
  web::View view("pages/counter/sale_show.tpl", "Admin — Venta #" + std::to_string(sale.id));
  auto dict = view.dict();
  fill_sale(dict, sale);
  if (sale.cost_total > 0 && sale.total < sale.cost_total)
    dict.add("NEGATIVE_MARGIN").set("LOSS", core::format_ars(sale.cost_total - sale.total));
  if (!sale.voided) dict.show("CAN_VOID");
  auto settings = settings::BusinessSettings::load(context.services.database);
  std::string company = settings.get("company_name", context.services.config.str("APP_NAME"));
  if (auto digits = core::phone::whatsapp_digits(sale.customer_phone))
    dict.add("WHATSAPP").set("URL", notify::wa_me_url(*digits, receipt_text(sale, company)));
  return web::render(context, view);
}

http::Response sales_ticket(web::Context& context) {
  auto sale = sale_or_404(context);
  auto settings = settings::BusinessSettings::load(context.services.database);
  std::string app_name = context.services.config.str("APP_NAME");
  web::View view("pages/counter/sale_ticket.tpl", "Ticket Venta #" + std::to_string(sale.id));
  auto dict = view.dict();
  web::add_assets(dict, context.services);
  dict.set("COMPANY", settings.get("company_name", app_name));
  std::string address = settings.get("shop_address"), phone = settings.get("shop_phone");
  if (!address.empty()) dict.add("SHOP_ADDRESS").set("TEXT", address);
  if (!phone.empty()) dict.add("SHOP_PHONE").set("TEXT", core::phone::display(phone));
  fill_sale(dict, sale);
  dict.show_if(context.query.value("autoprint") == "1", "AUTOPRINT");
  auto response = http::Response::html(200, context.services.templates.expand(view.template_name(), view.raw()));
  response.set_header("Cache-Control", "no-store");
  return response;
}

http::Response sales_void(web::Context& context) {
  auto id = id_param(context, "sale");
  if (!id) throw core::not_found();
  std::string back = "/admin/ventas/" + std::to_string(*id);
  std::string reason = core::trim(context.input.value("reason"));
  web::FieldErrors errors;
  if (reason.empty()) errors.add("reason", "Contá por qué anulás la venta.");
  else if (core::exceeds_length(reason, kMaxVoidReason)) errors.add("reason", "El motivo no puede superar 255 caracteres.");
  if (!errors.empty()) return context.back_with_errors(errors, {}, back);
  std::optional<long long> user;
  if (context.user) user = context.user->id;
  auto outcome = db::write(context.services.database, [&](db::Tx& tx) {
    auto result = sales::void_counter_sale(tx, *id, reason, user);
    if (result == sales::VoidOutcome::kVoided)
      context.audit(tx, "counter_sale.voided", "counter_sale", *id, {{"reason", reason}});
    return result;
  });
  if (outcome == sales::VoidOutcome::kNotFound) throw core::not_found();
  // Refused, not redirected: a second void (a double click, another till) must be visibly a no-op.
  if (outcome == sales::VoidOutcome::kAlreadyVoided)
    throw core::conflict("Esta venta ya estaba anulada: no se devolvió stock otra vez.", "counter sale already voided");
  context.flash_next("success", "Venta anulada. El stock volvió al inventario.");
  return http::Response::redirect(back, 302);
}

}  // namespace routes::counter
