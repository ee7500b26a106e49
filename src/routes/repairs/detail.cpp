// GET /admin/reparaciones/{repair} (detail: actions, summary, status form, history, WhatsApp logs, edit form)
// and PUT /admin/reparaciones/{repair} (edit); docs/domain/repairs.md "Intake and edit".
#include "core/clock.hpp"
#include "core/errors.hpp"
#include "core/money.hpp"
#include "core/plural.hpp"
#include "core/phone.hpp"
#include "core/strings.hpp"
#include "db/unit_of_work.hpp"
#include "domain/payments/payment_methods.hpp"
#include "domain/repairs/intake_options.hpp"
#include "domain/repairs/repair_form.hpp"
#include "domain/repairs/repair_intake.hpp"
#include "domain/repairs/repair_record.hpp"
#include "routes/repairs/catalog_selects.hpp"
#include "routes/repairs/detail_extras.hpp"
#include "routes/repairs/handlers.hpp"
#include "routes/repairs/parts.hpp"
#include "routes/repairs/view_helpers.hpp"
#include "routes/repairs/whatsapp_link.hpp"
#include "web/context.hpp"
#include "web/render.hpp"

namespace routes {

namespace {
using repairs::RepairStatus;

std::string id_text(const std::optional<long long>& id) { return id ? std::to_string(*id) : std::string(); }

std::string money_input(std::int64_t centavos) { return core::centavos_to_input(centavos); }

void fill_header(web::Dict dict, const repairs::RepairRecord& repair, const std::string& now) {
  dict.set("ID", repair.id);
  dict.set("CODE", repair.code);
  dict.set("STATUS_KEY", repair.status_key);
  dict.set("STATUS_LABEL", repairs::status_label(repair.status));
  dict.set("BADGE_CLASS", repairs_view::badge_class(repair.status));
  dict.set("CUSTOMER_NAME", repair.customer_name);
  dict.set("CUSTOMER_PHONE", core::phone::display(repair.customer_phone));
  dict.set("DEVICE", repair.device().empty() ? "—" : repair.device());
  if (auto warranty = repairs::warranty_of(repair, now)) {
    auto line = dict.add("WARRANTY");
    line.set("STATE", warranty->active ? "vigente" : "vencida");
    line.set("DATE", warranty->expires_on);
    line.set("CLASS", warranty->active ? "badge-emerald" : "badge-rose");
  }
}

void fill_summary(web::Dict dict, const repairs::RepairRecord& repair) {
  dict.set("RECEIVED_AT", repairs_view::local_or_dash(repair.received_at));
  dict.set("DELIVERED_AT", repairs_view::local_or_dash(repair.delivered_at));
  dict.set("FINAL_PRICE", repairs_view::money_or(repair.final_price, "A confirmar"));
  dict.set("PAID", core::format_ars(repair.paid_amount));
  dict.set("BALANCE_DUE", core::format_ars(repair.balance_due()));
  dict.set("USER_EMAIL", repair.user_email.empty() ? "—" : repair.user_email);
  dict.set("REPAIR_TYPE", repair.repair_type_name.empty() ? "—" : repair.repair_type_name);
  dict.set("ISSUE_REPORTED", repair.issue_reported);
  if (!repair.notes.empty()) dict.add("NOTES").set("TEXT", repair.notes);
  if (repair.quoted_total || !repair.quoted_rule_label.empty()) {
    auto quote = dict.add("QUOTE");
    quote.set("RULE", repair.quoted_rule_label.empty() ? "—" : repair.quoted_rule_label);
    quote.set("PROFIT", repairs_view::money_or(repair.quoted_profit));
    quote.set("SHIPPING", repairs_view::money_or(repair.quoted_shipping));
    quote.set("TOTAL", repairs_view::money_or(repair.quoted_total));
  }
}

void fill_status_form(web::Dict dict, const repairs::RepairRecord& repair) {
  bool final = repairs::is_final(repair.status);
  if (final) dict.show("FINAL");
  else dict.show("NOT_FINAL");
  for (auto status : repairs::kAllRepairStatuses) {
    auto option = dict.add("STATUS_OPTION");
    option.set("VALUE", repairs::status_key(status));
    option.set("LABEL", repairs::status_label(status));
    if (status == repair.status) option.show("SELECTED");
    else if (!repairs::can_transition(repair.status, status)) option.show("DISABLED");
  }
  bool can_deliver = repairs::can_transition(repair.status, RepairStatus::kDelivered);
  if (can_deliver) dict.show("CAN_DELIVER");
  else dict.show("CANNOT_DELIVER");
  std::string deliver_question = "¿Marcar como ENTREGADA la reparación " + repair.code + "?";
  if (can_deliver && repair.balance_due() > 0) {
    // Delivering with money owed: say so before the tap, and offer to record the payment in the same step.
    std::string owed = core::format_ars(repair.balance_due());
    deliver_question = "La reparación " + repair.code + " debe " + owed + ". ¿Marcarla como ENTREGADA sin cobrar?";
    auto due = dict.add("BALANCE_DUE_WARNING");
    due.set("AMOUNT", owed);
    due.set("CENTS", static_cast<long long>(repair.balance_due()));
    due.set("CONFIRM", "¿Cobrar " + owed + " y marcar como ENTREGADA la reparación " + repair.code + "?");
    std::string method = repair.payment_method.empty() ? "cash" : repair.payment_method;
    for (const auto& [key, label] : payments::repair_payment_methods()) {
      auto item = due.add("METHOD_OPTION");
      item.set("VALUE", key);
      item.set("LABEL", label);
      if (key == method) item.show("SELECTED");
    }
  }
  dict.set("DELIVER_CONFIRM", deliver_question);
  if (repairs::can_transition(repair.status, RepairStatus::kCancelled)) dict.show("CAN_CANCEL");
  else dict.show("CANNOT_CANCEL");
}

void fill_history(web::Dict dict, db::Database& database, long long id) {
  auto history = repairs::repair_history(database, id);
  dict.set("HISTORY_COUNT", static_cast<long long>(history.size()));
  dict.set("HISTORY_LABEL", core::count_label(static_cast<long long>(history.size()), "cambio", "cambios"));
  if (history.empty()) dict.show("HISTORY_EMPTY");
  for (const auto& entry : history) {
    auto item = dict.add("HISTORY");
    auto to = repairs::parse_status(entry.to_status);
    item.set("TO_LABEL", to ? std::string(repairs::status_label(*to)) : entry.to_status);
    auto from = repairs::parse_status(entry.from_status);
    if (from) item.add("FROM").set("LABEL", repairs::status_label(*from));
    item.set("CHANGED_AT", repairs_view::local_or_dash(entry.changed_at));
    item.set("WHO", entry.changed_by_name.empty() ? "Cliente (enlace público)" : entry.changed_by_name);
    if (!entry.comment.empty()) item.add("COMMENT").set("TEXT", entry.comment);
  }
}

void fill_edit_form(web::Dict dict, web::Context& context, const repairs::RepairRecord& repair) {
  dict.set("EDIT_CUSTOMER_NAME", context.old("customer_name", repair.customer_name));
  dict.set("EDIT_CUSTOMER_PHONE", context.old("customer_phone", core::phone::display(repair.customer_phone)));
  dict.set("EDIT_ISSUE_DETAIL", context.old("issue_detail", repair.issue_detail));
  dict.set("EDIT_DIAGNOSIS", context.old("diagnosis", repair.diagnosis));
  dict.set("EDIT_PARTS_COST", context.old("parts_cost", money_input(repair.parts_cost)));
  dict.set("EDIT_PARTS_COST_SHOWN", context.old("parts_cost_shown", money_input(repair.parts_cost)));
  dict.set("EDIT_LABOR_COST", context.old("labor_cost", money_input(repair.labor_cost)));
  dict.set("EDIT_FINAL_PRICE",
           context.old("final_price", repair.final_price ? money_input(*repair.final_price) : std::string()));
  dict.set("EDIT_PAID_AMOUNT", context.old("paid_amount", money_input(repair.paid_amount)));
  dict.set("EDIT_WARRANTY_DAYS", context.old("warranty_days", std::to_string(repair.warranty_days)));
  dict.set("EDIT_PAYMENT_NOTES", context.old("payment_notes", repair.payment_notes));
  dict.set("EDIT_NOTES", context.old("notes", repair.notes));
  dict.set("EDIT_USER_EMAIL", context.old("user_email"));
  dict.set("EDIT_DEVICE_SUMMARY", core::trim((repair.device_type_name.empty() ? "—" : repair.device_type_name) +
                                             " — " + repair.device()));
  if (repair.user_id) dict.add("LINKED_USER").set("EMAIL", repair.user_email);
  std::string method = context.old("payment_method", repair.payment_method);
  for (const auto& [key, label] : payments::repair_payment_methods()) {
    auto item = dict.add("PAYMENT_OPTION");
    item.set("VALUE", key);
    item.set("LABEL", label);
    if (key == method) item.show("SELECTED");
  }
  auto options = repairs::load_intake_options(context.services.database, repair.device_type_id, repair.device_brand_id,
                                              repair.device_model_id, repair.device_issue_type_id);
  repairs_view::CatalogSelection selected{context.old("device_type_id", id_text(repair.device_type_id)),
                                          context.old("device_brand_id", id_text(repair.device_brand_id)),
                                          context.old("device_model_id", id_text(repair.device_model_id)),
                                          context.old("device_issue_type_id", id_text(repair.device_issue_type_id))};
  repairs_view::fill_catalog_selects(dict, options, selected);
  repairs_view::field_errors(dict, context,
                             {"customer_name", "customer_phone", "user_email", "device_type_id", "device_brand_id",
                              "device_model_id", "device_issue_type_id", "issue_detail", "diagnosis", "parts_cost",
                              "labor_cost", "final_price", "paid_amount", "payment_method", "payment_notes",
                              "warranty_days", "notes", "status", "comment"});
}
}  // namespace

http::Response admin_repairs_show(web::Context& context) {
  auto id = repairs_view::repair_id_param(context);
  auto repair = id ? repairs::find_repair(context.services.database, *id) : std::nullopt;
  if (!repair) throw core::not_found();
  std::string now = core::utc_now_sql();

  web::View view("pages/repairs_admin/show.tpl", "Admin — Reparación " + repair->code);
  auto dict = view.dict();
  fill_header(dict, *repair, now);
  fill_summary(dict, *repair);
  fill_status_form(dict, *repair);
  fill_history(dict, context.services.database, repair->id);
  fill_edit_form(dict, context, *repair);

  auto wa = repairs_view::whatsapp_link(context, repair->id);
  if (!wa.url.empty()) dict.add("WA").set("URL", wa.url);
  else dict.show("NO_WA");
  // Right after a status change: offer the message of the new status (the reference's session `wa_after`).
  if (auto after = context.flash.find("wa_after"); after != context.flash.end() && !after->second.empty())
    dict.add("WA_AFTER").set("URL", after->second);
  repairs_view::fill_detail_extras(dict, context, *repair);
  repairs_view::fill_repair_parts(dict, context, *repair);
  return web::render(context, view);
}

http::Response admin_repairs_update(web::Context& context) {
  auto id = repairs_view::repair_id_param(context);
  auto repair = id ? repairs::find_repair(context.services.database, *id) : std::nullopt;
  if (!repair) throw core::not_found();
  std::string detail = "/admin/reparaciones/" + std::to_string(repair->id);

  core::FieldErrors errors;
  auto values = repairs::validate_repair_form(repairs_view::read_repair_form(context), repairs::RepairFormMode::kUpdate,
                                              errors);
  repairs::CurrentCatalogIds current{repair->device_type_id, repair->device_brand_id, repair->device_model_id,
                                     repair->device_issue_type_id};
  repairs::check_repair_references(context.services.database, values, repairs::RepairFormMode::kUpdate, current,
                                   errors);
  if (!errors.empty()) return context.back_with_errors(errors, {}, detail, "#repair_edit");

  if (!db::write(context.services.database, [&](db::Tx& tx) { return repairs::update_repair(tx, repair->id, values); }))
    throw core::not_found();
  context.flash_next("success", "Datos de la reparación actualizados.");
  return http::Response::redirect(context.previous_url(detail), 303);
}

}  // namespace routes
