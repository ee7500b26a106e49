// GET /admin/reparaciones/{repair}/imprimir (A4 "Orden de reparación") and /ticket (80 mm thermal ticket,
// `?autoprint=1` opens the print dialog), docs/domain/repairs.md "Print and ticket". Standalone
// pages (no site layout); shop data from business settings; a QR code of the signed status link. Both papers
// go to the customer (the sheet is signed by them, the ticket is how they pick the device up), so neither shows
// what the shop paid: no parts cost, no labour cost, no internal notes — only price, paid and balance.
#include "core/clock.hpp"
#include "core/config.hpp"
#include "core/errors.hpp"
#include "core/money.hpp"
#include "core/phone.hpp"
#include "domain/payments/payment_methods.hpp"
#include "domain/repairs/repair_record.hpp"
#include "domain/settings/business_settings.hpp"
#include "routes/repairs/handlers.hpp"
#include "routes/repairs/status_qr.hpp"
#include "routes/repairs/view_helpers.hpp"
#include "web/context.hpp"
#include "web/render.hpp"
#include "web/services.hpp"
#include "web/settings_snapshot.hpp"

namespace routes {

namespace {
http::Response render_sheet(web::Context& context, const std::string& template_name, const std::string& title,
                            bool ticket) {
  auto id = repairs_view::repair_id_param(context);
  auto repair = id ? repairs::find_repair(context.services.database, *id) : std::nullopt;
  if (!repair) throw core::not_found();

  auto snapshot = web::settings_snapshot(context.services);  // no query: the cached snapshot
  const auto& settings = snapshot->values;
  std::string app_name = context.services.config.str("APP_NAME");
  web::View view(template_name, title + repair->code);
  auto dict = view.dict();
  web::add_assets(dict, context.services);
  dict.set("TITLE", title + repair->code);
  dict.set("APP_NAME", app_name);
  dict.set("COMPANY_NAME", settings.get("company_name", app_name));
  dict.set("CSP_NONCE", context.csp_nonce);
  auto shop_line = [&](const char* key, const char* section) {
    std::string value = settings.get(key);
    if (!value.empty()) dict.add(section).set("TEXT", value);
  };
  shop_line("shop_address", "SHOP_ADDRESS");
  shop_line("shop_hours", "SHOP_HOURS");
  if (std::string phone = settings.get("shop_phone"); !phone.empty())
    dict.add("SHOP_PHONE").set("TEXT", core::phone::display(phone));

  dict.set("ID", repair->id);
  dict.set("CODE", repair->code);
  dict.set("NOW", core::format_local(core::utc_now_sql()));
  dict.set("CUSTOMER_NAME", repair->customer_name);
  dict.set("CUSTOMER_PHONE", core::phone::display(repair->customer_phone));
  dict.set("DEVICE", repair->device().empty() ? "—" : repair->device());
  dict.set("STATUS_LABEL", repairs::status_label(repair->status));
  dict.set("RECEIVED_AT", repairs_view::local_or_dash(repair->received_at));
  dict.set("DELIVERED_AT", repairs_view::local_or_dash(repair->delivered_at));
  dict.set("WARRANTY_DAYS", static_cast<long long>(repair->warranty_days));
  if (repair->warranty_days > 0) dict.show("HAS_WARRANTY");
  dict.set("ISSUE_REPORTED", repair->issue_reported);
  dict.set("DIAGNOSIS", repair->diagnosis.empty() ? "—" : repair->diagnosis);
  dict.set("FINAL_PRICE", repairs_view::money_or(repair->final_price, "A confirmar"));
  dict.set("PAID", core::format_ars(repair->paid_amount));
  dict.set("BALANCE_DUE", core::format_ars(repair->balance_due()));
  // The A4 sheet prints the raw key as the reference did; the ticket the customer keeps shows the label.
  std::string method = ticket ? payments::repair_payment_label(repair->payment_method) : repair->payment_method;
  dict.set("PAYMENT_METHOD", method.empty() ? "—" : method);
  dict.set("PAYMENT_NOTES", repair->payment_notes.empty() ? "—" : repair->payment_notes);
  if (auto qr = repairs_view::status_qr(context, repair->id)) {
    auto section = dict.add("QR");
    section.set("SVG", qr->svg);
    section.set("URL", qr->url);
  }
  if (ticket && context.query.value("autoprint") == "1") dict.show("AUTOPRINT");

  auto response = http::Response::html(200, context.services.templates.expand(view.template_name(), view.raw()));
  response.set_header("Cache-Control", "no-store");
  return response;
}
}  // namespace

http::Response admin_repairs_print(web::Context& context) {
  return render_sheet(context, "pages/repairs_admin/print.tpl", "Orden de reparación — ", false);
}

http::Response admin_repairs_ticket(web::Context& context) {
  return render_sheet(context, "pages/repairs_admin/ticket.tpl", "Ticket Reparación ", true);
}

}  // namespace routes
