// Repair intake/edit validation (see repair_form.hpp). Messages are Spanish; the four cross-checks use the
// reference's exact wording.
#include "domain/repairs/repair_form.hpp"

#include <charconv>

#include "core/money.hpp"
#include "core/parse.hpp"
#include "core/phone.hpp"
#include "core/strings.hpp"
#include "db/database.hpp"
#include "domain/payments/payment_methods.hpp"
#include "domain/repairs/repair_record.hpp"

namespace repairs {

namespace {
constexpr int kMaxWarrantyDays = 3650;  // ten years: anything longer is a typo

long long required_id(const std::string& text, const std::string& field, const std::string& missing,
                      core::FieldErrors& errors) {
  auto id = core::parse_id(text);
  if (!id) {
    errors.add(field, missing);
    return 0;
  }
  return *id;
}

std::optional<std::int64_t> money(const std::string& text, const std::string& field, const std::string& what,
                                  core::FieldErrors& errors) {
  std::string value = core::trim(text);
  if (value.empty()) return std::nullopt;
  auto centavos = core::parse_ars(value);
  if (!centavos) errors.add(field, what + " debe ser un monto válido, mayor o igual a 0 (ej: 12345 o 12.345,50).");
  return centavos;
}

void max_length(const std::string& value, std::size_t max, const std::string& field, const std::string& what,
                core::FieldErrors& errors) {
  if (core::exceeds_length(value, max))
    errors.add(field, what + " no puede superar " + std::to_string(max) + " caracteres.");
}

bool truthy(const std::string& text) {
  std::string value = core::to_lower(core::trim(text));
  return value == "1" || value == "on" || value == "true" || value == "yes";
}

// One catalog row: whether it exists, its parent id, name and active flag.
struct CatalogRow {
  bool found = false;
  long long parent_id = 0;
  std::string name;
  bool active = false;
};

CatalogRow catalog_row(soci::session& sql, const std::string& query, long long id) {
  CatalogRow row;
  long long parent = 0;
  int active = 0;
  std::string name;
  sql << query, soci::use(id), soci::into(parent), soci::into(name), soci::into(active);
  if (!sql.got_data()) return row;
  row.found = true;
  row.parent_id = parent;
  row.name = name;
  row.active = active != 0;
  return row;
}

// Missing → "no existe"; inactive → refused unless it is what the repair already had (edit).
bool usable(const CatalogRow& row, long long id, std::optional<long long> current, RepairFormMode mode,
            const std::string& field, const std::string& what, bool feminine, core::FieldErrors& errors) {
  const char* o = feminine ? "a" : "o";
  if (!row.found) {
    errors.add(field, what + " elegid" + o + " no existe.");
    return false;
  }
  bool kept = mode == RepairFormMode::kUpdate && current && *current == id;
  if (!row.active && !kept) {
    errors.add(field, what + " elegid" + o + " está inactiv" + o + ". Elegí otr" + o + " o actival" + o +
                          " en el catálogo.");
    return false;
  }
  return true;
}
}  // namespace

std::string RepairFormValues::issue_reported() const {
  return issue_detail.empty() ? issue_name : issue_name + " — " + issue_detail;
}

RepairFormValues validate_repair_form(const RepairFormInput& input, RepairFormMode mode, core::FieldErrors& errors) {
  RepairFormValues values;
  bool creating = mode == RepairFormMode::kCreate;

  values.user_email = core::to_lower(core::trim(input.user_email));
  values.unlink_user = !creating && truthy(input.unlink_user);
  if (!values.user_email.empty() && !core::is_valid_email(values.user_email))
    errors.add("user_email", "Ingresá un email válido.");

  values.customer_name = core::trim(input.customer_name);
  if (values.customer_name.empty()) errors.add("customer_name", "Ingresá el nombre del cliente.");
  else max_length(values.customer_name, 255, "customer_name", "El nombre", errors);

  std::string phone = core::trim(input.customer_phone);
  if (phone.empty()) errors.add("customer_phone", "Ingresá el teléfono del cliente.");
  else if (core::exceeds_length(phone, 30)) errors.add("customer_phone", "El teléfono no puede superar 30 caracteres.");
  else if (!core::is_valid_phone(phone) || !core::phone::is_valid(phone))
    errors.add("customer_phone", core::phone::kInvalidMessage);
  values.customer_phone = core::phone::stored_form(phone);

  values.device_type_id = required_id(input.device_type_id, "device_type_id", "Elegí el tipo de dispositivo.", errors);
  values.device_brand_id = required_id(input.device_brand_id, "device_brand_id", "Elegí la marca.", errors);
  values.device_model_id = required_id(input.device_model_id, "device_model_id", "Elegí el modelo.", errors);
  values.device_issue_type_id =
      required_id(input.device_issue_type_id, "device_issue_type_id", "Elegí la falla principal.", errors);
  if (creating)
    values.repair_type_id = required_id(input.repair_type_id, "repair_type_id", "Elegí la reparación final.", errors);

  values.issue_detail = core::trim(input.issue_detail);
  max_length(values.issue_detail, creating ? 255 : 2000, "issue_detail", "El detalle de la falla", errors);
  values.diagnosis = core::trim(input.diagnosis);
  max_length(values.diagnosis, 5000, "diagnosis", "El diagnóstico", errors);

  values.parts_cost = money(input.parts_cost, "parts_cost", "El costo del repuesto", errors).value_or(0);
  if (!creating) {
    core::FieldErrors not_shown;  // a hidden field: unreadable means "not sent" (the typed cost then counts as is)
    values.parts_cost_shown = money(input.parts_cost_shown, "parts_cost_shown", "", not_shown);
    if (!not_shown.empty()) values.parts_cost_shown.reset();
  }
  values.labor_cost = money(input.labor_cost, "labor_cost", "La mano de obra", errors).value_or(0);
  values.final_price = money(input.final_price, "final_price", "El precio final", errors);
  values.paid_amount = money(input.paid_amount, "paid_amount", "El monto pagado", errors).value_or(0);
  // "Sumar" checked: the amount typed, or 0 = the pricing rule's suggested shipping.
  if (truthy(input.shipping_enabled))
    values.shipping = money(input.shipping_amount, "shipping_amount", "El envío", errors).value_or(0);

  values.payment_method = core::trim(input.payment_method);
  if (!values.payment_method.empty()) {
    if (!payments::is_repair_payment_method(values.payment_method)) errors.add("payment_method", "Elegí un método de pago de la lista.");
  }
  values.payment_notes = core::trim(input.payment_notes);
  max_length(values.payment_notes, 500, "payment_notes", "Las notas de pago", errors);
  values.notes = core::trim(input.notes);
  max_length(values.notes, 5000, "notes", "Las notas internas", errors);

  if (creating) {
    auto status = parse_status(core::trim(input.status));
    if (!status) errors.add("status", "Elegí un estado válido.");
    else values.status = *status;
  }

  std::string warranty = core::trim(input.warranty_days);
  if (!warranty.empty()) {
    int days = -1;
    auto [end, ec] = std::from_chars(warranty.data(), warranty.data() + warranty.size(), days);
    if (ec != std::errc() || end != warranty.data() + warranty.size() || days < 0 || days > kMaxWarrantyDays)
      errors.add("warranty_days", "La garantía debe ser un número entero de días, entre 0 y 3650.");
    else values.warranty_days = days;
  }
  return values;
}

void check_repair_references(db::Database& database, RepairFormValues& values, RepairFormMode mode,
                             const CurrentCatalogIds& current, core::FieldErrors& errors) {
  auto sql = database.lease();

  if (!values.user_email.empty() && !errors.has("user_email")) {
    long long user_id = 0;
    *sql << "SELECT id FROM users WHERE email = :email", soci::use(values.user_email), soci::into(user_id);
    if (sql->got_data()) values.user_id = user_id;
    else errors.add("user_email", "No existe un usuario con ese email.");
  }

  // Device type (its "parent" column is unused: the id itself).
  CatalogRow type;
  if (values.device_type_id > 0) {
    type = catalog_row(*sql, "SELECT id, name, active FROM device_types WHERE id = :id", values.device_type_id);
    if (!usable(type, values.device_type_id, current.device_type_id, mode, "device_type_id", "El tipo de dispositivo",
                false, errors))
      type.found = false;
  }
  if (values.device_brand_id > 0) {
    auto brand = catalog_row(*sql, "SELECT device_type_id, name, active FROM device_brands WHERE id = :id",
                             values.device_brand_id);
    if (usable(brand, values.device_brand_id, current.device_brand_id, mode, "device_brand_id", "La marca", true, errors)) {
      if (type.found && brand.parent_id != values.device_type_id)
        errors.add("device_brand_id", "La marca no pertenece al tipo seleccionado.");
      values.device_brand = brand.name;
    }
  }
  if (values.device_model_id > 0) {
    auto model = catalog_row(*sql, "SELECT device_brand_id, name, active FROM device_models WHERE id = :id",
                             values.device_model_id);
    if (usable(model, values.device_model_id, current.device_model_id, mode, "device_model_id", "El modelo", false, errors)) {
      if (values.device_brand_id > 0 && model.parent_id != values.device_brand_id)
        errors.add("device_model_id", "El modelo no pertenece a la marca seleccionada.");
      values.device_model = model.name;
    }
  }
  if (values.device_issue_type_id > 0) {
    auto issue = catalog_row(*sql, "SELECT device_type_id, name, active FROM device_issue_types WHERE id = :id",
                             values.device_issue_type_id);
    if (usable(issue, values.device_issue_type_id, current.device_issue_type_id, mode, "device_issue_type_id",
               "La falla", true, errors)) {
      if (type.found && issue.parent_id != values.device_type_id)
        errors.add("device_issue_type_id", "La falla no corresponde al tipo de dispositivo seleccionado.");
      values.issue_name = issue.name;
    }
  }
  if (mode == RepairFormMode::kCreate && values.repair_type_id > 0) {
    auto repair_type =
        catalog_row(*sql, "SELECT id, name, active FROM repair_types WHERE id = :id", values.repair_type_id);
    usable(repair_type, values.repair_type_id, std::nullopt, mode, "repair_type_id", "El tipo de reparación", false, errors);
  }
}

}  // namespace repairs
