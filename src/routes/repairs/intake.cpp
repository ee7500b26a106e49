// GET /admin/reparaciones/crear and POST /admin/reparaciones: repair intake at the counter
// (docs/domain/repairs.md "Intake and edit", ui-contract.md "Admin repairs"). Without JavaScript the catalog
// selects list every active item grouped by parent; public/js/repairs.js narrows them, adds quick-add and the
// pricing helper.
#include "core/strings.hpp"
#include "db/unit_of_work.hpp"
#include "domain/payments/payment_methods.hpp"
#include "domain/repairs/intake_options.hpp"
#include "domain/repairs/repair_form.hpp"
#include "domain/repairs/repair_intake.hpp"
#include "domain/repairs/repair_record.hpp"
#include "routes/repairs/catalog_selects.hpp"
#include "routes/repairs/handlers.hpp"
#include "domain/repairs/repair_quote.hpp"
#include "routes/repairs/view_helpers.hpp"
#include "web/context.hpp"
#include "web/render.hpp"

namespace routes {

namespace {
const std::initializer_list<std::string_view> kFields = {
    "customer_name", "customer_phone", "user_email",   "device_type_id", "device_brand_id", "device_model_id",
    "device_issue_type_id", "repair_type_id", "issue_detail", "diagnosis", "parts_cost", "labor_cost",
    "final_price",   "paid_amount",    "payment_method", "payment_notes", "status",          "warranty_days",
    "notes",         "shipping_amount"};
const std::initializer_list<std::string_view> kOptionalFields = {
    "user_email", "diagnosis", "paid_amount", "payment_method", "payment_notes", "notes", "warranty_days"};
}  // namespace

http::Response admin_repairs_create(web::Context& context) {
  web::View view("pages/repairs_admin/create.tpl", "Admin — Nueva reparación");
  auto dict = view.dict();
  for (auto field : kFields) dict.set("OLD_" + core::to_upper(field), context.old(field));
  dict.set("OLD_WARRANTY_DAYS", context.old("warranty_days", "0"));
  bool optional_open = false;
  for (auto field : kOptionalFields)
    if (!context.old(field).empty() && !(field == "warranty_days" && context.old(field) == "0")) optional_open = true;
  for (auto field : kOptionalFields) optional_open = optional_open || context.errors.has(field);
  dict.show_if(optional_open, "OPTIONAL_OPEN");
  if (context.old("final_auto", context.errors.empty() ? "1" : "") == "1") dict.show("FINAL_AUTO");
  if (!context.old("shipping_enabled").empty()) dict.show("SHIPPING_ENABLED");
  repairs_view::field_errors(dict, context, kFields);
  if (!context.errors.empty()) dict.show("HAS_ERRORS");

  auto options = repairs::load_intake_options(context.services.database);
  repairs_view::CatalogSelection selected{context.old("device_type_id"), context.old("device_brand_id"),
                                          context.old("device_model_id"), context.old("device_issue_type_id")};
  repairs_view::fill_catalog_selects(dict, options, selected);
  std::string repair_type = context.old("repair_type_id");
  for (const auto& option : options.repair_types) {
    auto item = dict.add("REPAIR_TYPE_OPTION");
    item.set("ID", option.id);
    item.set("NAME", option.name);
    if (std::to_string(option.id) == repair_type) item.show("SELECTED");
  }
  std::string status = context.old("status", "received");
  for (auto s : repairs::kAllRepairStatuses) {
    auto item = dict.add("STATUS_OPTION");
    item.set("VALUE", repairs::status_key(s));
    item.set("LABEL", repairs::status_label(s));
    if (repairs::status_key(s) == status) item.show("SELECTED");
  }
  std::string method = context.old("payment_method");
  for (const auto& [key, label] : payments::repair_payment_methods()) {
    auto item = dict.add("PAYMENT_OPTION");
    item.set("VALUE", key);
    item.set("LABEL", label);
    if (key == method) item.show("SELECTED");
  }
  return web::render(context, view);
}

http::Response admin_repairs_store(web::Context& context) {
  core::FieldErrors errors;
  auto values = repairs::validate_repair_form(repairs_view::read_repair_form(context), repairs::RepairFormMode::kCreate,
                                              errors);
  repairs::check_repair_references(context.services.database, values, repairs::RepairFormMode::kCreate, {}, errors);
  if (!errors.empty()) return context.back_with_errors(errors, {}, "/admin/reparaciones/crear");

  // The server's own quote for this selection; with "Auto" on and no price typed it becomes the final price.
  auto quote = repairs::quote_for_intake(context.services.database, values);
  bool final_auto = context.input.value("final_auto") == "1";
  if (repairs::auto_price_without_rule(values, quote, final_auto)) {
    errors.add("final_price", repairs::kNoPricingRuleMessage);
    return context.back_with_errors(errors, {}, "/admin/reparaciones/crear");
  }
  // A zero total (no costs yet, no rule) leaves the price "A confirmar" rather than "$ 0".
  if (!values.final_price && final_auto && quote.total.value_or(0) > 0) values.final_price = quote.total;

  long long id = db::write(context.services.database,
                           [&](db::Tx& tx) { return repairs::create_repair(tx, values, context.user->id, quote); });
  context.flash_next("success", "Reparación creada.");
  return http::Response::redirect("/admin/reparaciones/" + std::to_string(id), 303);
}

}  // namespace routes
