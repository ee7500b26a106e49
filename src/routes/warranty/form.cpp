// The warranty incident form: GET /admin/garantias/crear (pre-filled from "Registrar garantía" on a repair or
// product page: ?reparacion=ID, ?producto=ID, ?venta=N; ?buscar_producto=… lists products to pick), POST
// /admin/garantias, GET /admin/garantias/{id}/editar and PUT /admin/garantias/{id}. Each save is one unit of work:
// the incident, a supplier created from the form and their audit entries commit together.
#include "core/clock.hpp"
#include "core/errors.hpp"
#include "core/money.hpp"
#include "core/parse.hpp"
#include "core/strings.hpp"
#include "db/unit_of_work.hpp"
#include "domain/warranty/incidents.hpp"
#include "domain/warranty/suppliers.hpp"
#include "routes/back_office/common.hpp"
#include "routes/warranty/handlers.hpp"
#include "routes/warranty/view_helpers.hpp"
#include "web/context.hpp"
#include "web/render.hpp"

namespace routes::warranty_admin {

namespace {

constexpr const char* kSubjectIncident = "App\\Models\\WarrantyIncident";
constexpr const char* kSubjectSupplier = "App\\Models\\Supplier";

warranty::IncidentInput incident_input(const web::Context& context) {
  const auto& in = context.input;
  warranty::IncidentInput input;
  input.source_type = in.value("source_type");
  input.repair_ref = in.value("repair_ref");
  input.product_ref = in.value("product_ref");
  input.sale_ref = in.value("sale_ref");
  input.reason = in.value("reason");
  input.supplier_id = in.value("supplier_id");
  input.supplier_name = in.value("supplier_name");
  input.supplier_contact = in.value("supplier_contact");
  input.save_supplier = in.value("save_supplier") == "1";
  input.quantity = in.value("quantity");
  input.unit_cost = in.value("unit_cost");
  input.extra_cost = in.value("extra_cost");
  input.recovered_amount = in.value("recovered_amount");
  input.notes = in.value("notes");
  return input;
}

// What the form shows before the admin types: an incident being edited, or the pre-filled source of a new one.
struct FormValues {
  std::string source_type = "repair";
  std::string repair_ref, product_ref, sale_ref, reason, supplier_id, supplier_name, quantity = "1", unit_cost,
      extra_cost, recovered_amount, notes;
  std::string source_preview;  // "Reparación R-… · Samsung A52" under the source fields
};

FormValues values_of(const warranty::Incident& incident) {
  FormValues values;
  values.source_type = std::string(warranty::source_type_key(incident.source_type));
  if (incident.repair_id)
    values.repair_ref = incident.repair_code.empty() ? std::to_string(*incident.repair_id) : incident.repair_code;
  if (incident.product_id) values.product_ref = std::to_string(*incident.product_id);
  if (incident.counter_sale_id) values.sale_ref = std::to_string(*incident.counter_sale_id);
  values.reason = incident.reason;
  if (incident.supplier_id) values.supplier_id = std::to_string(*incident.supplier_id);
  values.supplier_name = incident.supplier_text;
  values.quantity = std::to_string(incident.quantity);
  values.unit_cost = core::centavos_to_input(incident.unit_cost);
  values.extra_cost = core::centavos_to_input(incident.extra_cost);
  values.recovered_amount = core::centavos_to_input(incident.recovered_amount);
  values.notes = incident.notes;
  values.source_preview = std::string(warranty::source_type_label(incident.source_type)) + ": " + incident.source_label;
  return values;
}

// ?reparacion=, ?producto=, ?venta= from the links on a repair or product page (or a product picked below).
void prefill_source(const web::Context& context, FormValues& values) {
  auto& database = context.services.database;
  if (auto repair = core::parse_id(context.query.value("reparacion"))) {
    if (auto found = warranty::preview_repair(database, *repair)) {
      values.source_type = "repair";
      values.repair_ref = found->ref;
      values.source_preview = "Reparación: " + found->label;
    }
  } else if (auto product = core::parse_id(context.query.value("producto"))) {
    if (auto found = warranty::preview_product(database, *product)) {
      values.source_type = "product";
      values.product_ref = found->ref;
      values.source_preview = "Producto: " + found->label;
    }
  } else if (auto sale = core::parse_id(context.query.value("venta"))) {
    values.source_type = "counter_sale";
    values.sale_ref = std::to_string(*sale);
  }
}

void fill_form(web::Dict dict, web::Context& context, const FormValues& values, const std::string& page_path) {
  std::string type = context.old("source_type", values.source_type);
  const std::pair<const char*, const char*> types[] = {
      {"repair", "Reparación"}, {"product", "Producto"}, {"counter_sale", "Venta en mostrador"}};
  for (const auto& [key, label] : types) {
    auto option = dict.add("SOURCE_TYPE");
    option.set("KEY", key).set("LABEL", label);
    if (type == key) option.show("CHECKED");
  }
  dict.set("REPAIR_REF", context.old("repair_ref", values.repair_ref));
  dict.set("PRODUCT_REF", context.old("product_ref", values.product_ref));
  dict.set("SALE_REF", context.old("sale_ref", values.sale_ref));
  if (!values.source_preview.empty()) dict.add("SOURCE_PREVIEW").set("TEXT", values.source_preview);
  dict.set("REASON", context.old("reason", values.reason));
  std::vector<std::pair<std::string, std::string>> suppliers{{"", "Sin proveedor de la lista"}};
  for (const auto& supplier : warranty::list_suppliers(context.services.database))
    suppliers.emplace_back(std::to_string(supplier.id), supplier.name);
  back_office::add_options(dict, "SUPPLIER_OPTION", suppliers, context.old("supplier_id", values.supplier_id));
  dict.set("SUPPLIER_NAME", context.old("supplier_name", values.supplier_name));
  dict.set("SUPPLIER_CONTACT", context.old("supplier_contact"));
  if (context.old("save_supplier") == "1") dict.show("SAVE_SUPPLIER_CHECKED");
  dict.set("QUANTITY", context.old("quantity", values.quantity));
  dict.set("UNIT_COST", context.old("unit_cost", values.unit_cost));
  dict.set("EXTRA_COST", context.old("extra_cost", values.extra_cost));
  dict.set("RECOVERED_AMOUNT", context.old("recovered_amount", values.recovered_amount));
  dict.set("NOTES", context.old("notes", values.notes));
  const std::pair<const char*, const char*> errors[] = {
      {"source_type", "ERROR_SOURCE_TYPE"},     {"repair_ref", "ERROR_REPAIR_REF"},
      {"product_ref", "ERROR_PRODUCT_REF"},     {"sale_ref", "ERROR_SALE_REF"},
      {"reason", "ERROR_REASON"},               {"supplier_id", "ERROR_SUPPLIER_ID"},
      {"supplier_name", "ERROR_SUPPLIER_NAME"}, {"supplier_contact", "ERROR_SUPPLIER_CONTACT"},
      {"quantity", "ERROR_QUANTITY"},           {"unit_cost", "ERROR_UNIT_COST"},
      {"extra_cost", "ERROR_EXTRA_COST"},       {"recovered_amount", "ERROR_RECOVERED_AMOUNT"},
      {"notes", "ERROR_NOTES"}};
  for (const auto& [field, section] : errors) back_office::add_field_error(dict, context, field, section);

  // "Buscar producto": a GET form on the same page; each hit links back here with ?producto=ID.
  std::string search = context.query.value("buscar_producto");
  dict.set("PRODUCT_SEARCH", search).set("PAGE_PATH", page_path);
  if (!core::trim(search).empty()) {
    auto hits = warranty::search_products(context.services.database, search);
    auto results = dict.add("PRODUCT_RESULTS");
    if (hits.empty()) results.show("NO_PRODUCT_HITS");
    for (const auto& hit : hits) {
      auto row = results.add("PRODUCT_HIT");
      row.set("ID", hit.id).set("NAME", hit.name).set("PRICE", core::format_ars(hit.price)).set("STOCK", hit.stock);
      row.set("URL", page_path + "?producto=" + std::to_string(hit.id));
    }
  }
}

// The audit entries of a save: the supplier it created, then the incident itself.
void audit_save(web::Context& context, db::Tx& tx, const char* event, const warranty::SaveResult& result,
                const warranty::IncidentInput& input) {
  if (result.created_supplier_id)
    context.audit(tx, "admin.supplier.created", kSubjectSupplier, *result.created_supplier_id,
                  {{"name", input.supplier_name}});
  context.audit(tx, event, kSubjectIncident, result.id,
                {{"source_type", input.source_type}, {"loss", std::to_string(result.loss)}});
}

}  // namespace

http::Response create(web::Context& context) {
  web::View view("pages/warranty/form.tpl", "Admin — Nueva garantía");
  auto dict = view.dict();
  dict.show("CREATE");
  dict.set("ACTION", "/admin/garantias");
  FormValues values;
  prefill_source(context, values);
  fill_form(dict, context, values, "/admin/garantias/crear");
  return web::render(context, view);
}

http::Response store(web::Context& context) {
  auto input = incident_input(context);
  std::optional<long long> actor;
  if (context.user) actor = context.user->id;
  auto result = db::write(context.services.database, [&](db::Tx& tx) {
    auto saved = warranty::create_incident(tx, input, actor);
    if (saved.errors.empty()) audit_save(context, tx, "admin.warranty.created", saved, input);
    return saved;
  });
  if (!result.errors.empty()) return context.back_with_errors(result.errors, {}, "/admin/garantias/crear");
  context.flash_next("success", "Garantía registrada.");
  return http::Response::redirect("/admin/garantias", 302);
}

http::Response edit(web::Context& context) {
  auto id = back_office::id_param(context, "incident");
  auto incident = id ? warranty::find_incident(context.services.database, *id) : std::nullopt;
  if (!incident) throw core::not_found("No encontramos esa garantía.", "unknown warranty incident");
  web::View view("pages/warranty/form.tpl", "Admin — Garantía #" + std::to_string(incident->id));
  auto dict = view.dict();
  std::string path = "/admin/garantias/" + std::to_string(incident->id);
  auto edit = dict.add("EDIT");
  edit.set("ID", incident->id).set("STATUS_CLASS", status_class(incident->open));
  edit.set("STATUS_LABEL", status_label(incident->open));
  edit.set("CREATED", core::format_local(incident->created_at));
  edit.set("CREATED_BY", incident->created_by.empty() ? "—" : incident->created_by);
  edit.set("COST", core::format_ars(incident->total_cost()));
  edit.set("RECOVERED", core::format_ars(incident->recovered_amount)).set("LOSS", core::format_ars(incident->loss));
  if (incident->open) edit.show("OPEN");
  else edit.add("CLOSED").set("CLOSED_AT", core::format_local(incident->closed_at));
  std::string url = source_url(*incident);
  if (!url.empty()) edit.add("SOURCE_LINK").set("URL", url);
  dict.set("ID", incident->id);
  dict.set("ACTION", path);
  FormValues values = values_of(*incident);
  prefill_source(context, values);  // a product picked through "Buscar producto"
  fill_form(dict, context, values, path + "/editar");
  return web::render(context, view);
}

http::Response update(web::Context& context) {
  auto id = back_office::id_param(context, "incident");
  if (!id) throw core::not_found("No encontramos esa garantía.", "unknown warranty incident");
  auto input = incident_input(context);
  auto result = db::write(context.services.database, [&](db::Tx& tx) {
    auto saved = warranty::update_incident(tx, *id, input);
    if (saved.errors.empty() && saved.id != 0) audit_save(context, tx, "admin.warranty.updated", saved, input);
    return saved;
  });
  std::string edit_path = "/admin/garantias/" + std::to_string(*id) + "/editar";
  if (!result.errors.empty()) return context.back_with_errors(result.errors, {}, edit_path);
  if (result.id == 0) throw core::not_found("No encontramos esa garantía.", "unknown warranty incident");
  context.flash_next("success", "Garantía actualizada.");
  return http::Response::redirect(edit_path, 302);
}

}  // namespace routes::warranty_admin
