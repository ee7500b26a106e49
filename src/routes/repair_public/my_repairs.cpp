// Customer area (docs/domain/repairs.md "Customer area"): /mis-reparaciones lists the repairs linked to the signed-in
// user (newest first, 20 per page); /mis-reparaciones/{id} shows one of them. Another user's repair, or an unknown
// id, is the same 404 (deny as not found: ids are not confirmed). Internal notes are never shown. While a quote
// waits, the repair page offers Approve / Reject like the status page (pending_quote.hpp).
#include <string>

#include "core/clock.hpp"
#include "core/errors.hpp"
#include "core/money.hpp"
#include "core/parse.hpp"
#include "domain/payments/payment_methods.hpp"
#include "domain/repairs/repair_lookup.hpp"
#include "domain/repairs/quote_approval.hpp"
#include "routes/repair_public/handlers.hpp"
#include "routes/repair_public/pending_quote.hpp"
#include "routes/repair_public/repair_view.hpp"
#include "routes/repair_public/signed_request.hpp"
#include "web/context.hpp"
#include "web/render.hpp"

namespace routes {

namespace {

int page_param(const web::Context& context) { return core::parse_page(context.query.value("page")); }

std::string device_of(const std::string& brand, const std::string& model) {
  std::string device = brand;
  if (!model.empty()) device += (device.empty() ? "" : " ") + model;
  return device.empty() ? "Equipo" : device;
}

void set_status(web::Dict dict, const std::string& key, const std::optional<repairs::RepairStatus>& status) {
  dict.set("STATUS_KEY", key);
  dict.set("STATUS_LABEL", status ? std::string(repairs::status_label(*status)) : key);
  dict.set("BADGE_CLASS", status ? status_badge_class(*status) : "badge-zinc");
}

}  // namespace

http::Response my_repairs(web::Context& context) {
  auto page = repairs::customer_repairs(context.services.database, context.user->id, page_param(context));
  web::View view("pages/repairs/my_index.tpl", "Mis reparaciones");
  auto dict = view.dict();
  if (page.items.empty()) dict.show("EMPTY");
  for (const auto& repair : page.items) {
    auto item = dict.add("REPAIR");
    item.set("ID", repair.id);
    item.set("DEVICE", device_of(repair.device_brand, repair.device_model));
    item.set("CODE", repair.code);
    item.set("DATE", repair.created_at.empty() ? "—" : core::format_local(repair.created_at, "%d/%m/%Y"));
    set_status(item, repair.status_key, repair.status);
    item.set("HINT", repair.status ? lookup_status_hint(*repair.status) : "");
  }
  if (page.last_page() > 1) {
    auto pager = dict.add("PAGER");
    pager.set("PAGE", page.page);
    pager.set("LAST", page.last_page());
    if (page.page > 1) pager.add("PREV").set("URL", "/mis-reparaciones?page=" + std::to_string(page.page - 1));
    if (page.page < page.last_page())
      pager.add("NEXT").set("URL", "/mis-reparaciones?page=" + std::to_string(page.page + 1));
  }
  return web::render(context, view);
}

http::Response my_repair(web::Context& context) {
  auto repair_id = repair_param(context);
  if (!repair_id) throw core::not_found();
  auto repair = repairs::customer_repair(context.services.database, context.user->id, *repair_id);
  if (!repair) throw core::not_found();
  const auto& view_data = repair->public_view;

  web::View view("pages/repairs/my_show.tpl", "Reparación " + view_data.code);
  auto dict = view.dict();
  dict.set("CODE", view_data.code);
  set_status(dict, view_data.status_key, view_data.status);
  dict.set("HINT", view_data.status ? customer_status_hint(*view_data.status) : view_data.status_key);
  if (view_data.status == repairs::RepairStatus::kCancelled) dict.show("CANCELLED");
  else if (view_data.status) add_stepper(dict, context.services.templates, *view_data.status);
  dict.set("CREATED", repair->created_at.empty() ? "—" : core::format_local(repair->created_at, "%d/%m/%Y"));
  if (view_data.status == repairs::RepairStatus::kWaitingApproval)
    add_pending_quote(dict, context, *repair_id, core::unix_now() + repairs::kQuoteApprovalLifetimeSeconds);
  dict.set("DEVICE", device_of(view_data.device_brand, view_data.device_model));
  dict.set("ISSUE", view_data.issue_reported);
  if (!view_data.diagnosis.empty()) dict.add("DIAGNOSIS").set("TEXT", view_data.diagnosis);

  long long total = repair->final_price_cents.value_or(0);
  dict.set("TOTAL", repair->final_price_cents ? core::format_ars(total) : "A confirmar");
  dict.set("PAID", core::format_ars(repair->paid_cents));
  dict.set("DUE", core::format_ars(std::max<long long>(0, total - repair->paid_cents)));
  std::string method = payments::repair_payment_label(repair->payment_method);
  dict.set("METHOD", method.empty() ? "—" : method);
  if (!repair->payment_notes.empty()) dict.add("PAYMENT_NOTES").set("TEXT", repair->payment_notes);

  dict.set("WARRANTY_DAYS", repair->warranty_days);
  dict.set("DELIVERED", repair->delivered_at.empty() ? "—" : core::format_local(repair->delivered_at, "%d/%m/%Y"));
  std::string expiry = repairs::warranty_expiry_date(repair->delivered_at, repair->warranty_days);
  if (expiry.empty()) {
    dict.set("EXPIRES", "—");
  } else {
    dict.set("EXPIRES", expiry.substr(8, 2) + "/" + expiry.substr(5, 2) + "/" + expiry.substr(0, 4));
    bool covered = repairs::in_warranty(expiry);
    auto badge = dict.add("WARRANTY_BADGE");
    badge.set("CLASS", covered ? "badge-emerald" : "badge-zinc");
    badge.set("TEXT", covered ? "En garantía" : "Fuera de garantía");
  }
  return web::render(context, view);
}

}  // namespace routes
