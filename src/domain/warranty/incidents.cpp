// Warranty incidents: form validation, writes and single reads (see incidents.hpp).
#include "domain/warranty/incidents.hpp"

#include <limits>

#include "core/clock.hpp"
#include "core/money.hpp"
#include "core/parse.hpp"
#include "core/strings.hpp"
#include "db/like.hpp"
#include "db/row_values.hpp"
#include "db/unit_of_work.hpp"
#include "domain/warranty/incident_rows.hpp"
#include "domain/warranty/suppliers.hpp"

namespace warranty {

using db::row_int;
using db::row_str;

namespace {

// A quantity above this is a typo, and with unit costs below 10^14 centavos (core::parse_ars) it keeps quantity ×
// unit cost + extra cost below 1.1 × 10^18, inside 64 bits.
constexpr long long kMaxQuantity = 10000;
constexpr std::size_t kMaxReason = 500;
constexpr std::size_t kMaxNotes = 5000;
constexpr std::size_t kMaxName = 255;

// "#12" or "12" → 12.
std::optional<long long> id_ref(std::string text) {
  text = core::trim(text);
  if (!text.empty() && text[0] == '#') text.erase(0, 1);
  return core::parse_id(text);
}

// The validated row, ready to write.
struct Values {
  SourceType source_type = SourceType::kRepair;
  std::optional<long long> repair_id, product_id, counter_sale_id;
  std::string source_label;
  std::string reason;
  std::optional<long long> supplier_id;
  std::string supplier_text;  // free text, "" when a row is linked
  long long quantity = 1, unit_cost = 0, extra_cost = 0, recovered = 0;
  std::string notes;
  // A supplier to create before writing the incident (save_supplier with a name no row has yet).
  std::string new_supplier, new_supplier_contact;
};

std::string repair_label(const std::string& code, const std::string& brand, const std::string& model, long long id) {
  std::string label = code.empty() ? "Reparación #" + std::to_string(id) : code;
  std::string device = core::trim(brand + " " + model);
  if (!device.empty()) label += " · " + device;
  return label;
}

struct RepairMatch {
  long long id = 0;
  std::string code;   // "" for a repair whose code was never set
  std::string label;
};

// By code ("r-20261207-00001" is fine) or by number ("#12", "12").
std::optional<RepairMatch> find_repair(soci::session& sql, const std::string& ref) {
  std::string code = core::to_upper(core::trim(ref));
  long long id = id_ref(code).value_or(0);
  soci::rowset<soci::row> rows =
      (sql.prepare << "SELECT id, code, device_brand, device_model FROM repairs WHERE id = :id OR code = :code "
                      "ORDER BY id",
       soci::use(id), soci::use(code));
  for (const auto& row : rows) {
    RepairMatch match{row_int(row, 0), row_str(row, 1), ""};
    match.label = repair_label(match.code, row_str(row, 2), row_str(row, 3), match.id);
    return match;
  }
  return std::nullopt;
}

struct ProductMatch {
  long long id = 0;
  std::string name;
  int matches = 0;  // rows with that exact name (ignoring case) when looked up by name
};

std::optional<ProductMatch> find_product(soci::session& sql, const std::string& ref) {
  std::string text = core::trim(ref);
  ProductMatch match;
  if (auto id = id_ref(text)) {
    soci::rowset<soci::row> rows = (sql.prepare << "SELECT id, name FROM products WHERE id = :id", soci::use(*id));
    for (const auto& row : rows) return ProductMatch{row_int(row, 0), row_str(row, 1), 1};
    return std::nullopt;
  }
  std::string key = core::to_lower(text);
  soci::rowset<soci::row> rows =
      (sql.prepare << "SELECT id, name FROM products WHERE LOWER(name) = :name ORDER BY id", soci::use(key));
  for (const auto& row : rows) {
    if (match.matches++ == 0) match = {row_int(row, 0), row_str(row, 1), 1};
  }
  if (match.matches == 0) return std::nullopt;
  return match;
}

// An amount field: "" → `empty_value` (nullopt = required), else core::parse_ars (which refuses signs).
std::optional<long long> amount(const std::string& text, std::optional<long long> empty_value) {
  std::string value = core::trim(text);
  if (value.empty()) return empty_value;
  auto parsed = core::parse_ars(value);
  if (!parsed) return std::nullopt;
  return *parsed;
}

Values validate(soci::session& sql, const IncidentInput& input, core::FieldErrors& errors) {
  Values values;
  auto type = parse_source_type(core::trim(input.source_type));
  if (!type) {
    errors.add("source_type", "Elegí si la garantía es de una reparación, un producto o una venta en mostrador.");
  } else {
    values.source_type = *type;
    switch (*type) {
      case SourceType::kRepair: {
        if (core::trim(input.repair_ref).empty()) {
          errors.add("repair_ref", "Indicá la reparación: su código (R-…) o su número.");
        } else if (auto repair = find_repair(sql, input.repair_ref)) {
          values.repair_id = repair->id;
          values.source_label = repair->label;
        } else {
          errors.add("repair_ref", "No encontramos esa reparación. Revisá el código (R-…) o el número.");
        }
        break;
      }
      case SourceType::kProduct: {
        if (core::trim(input.product_ref).empty()) {
          errors.add("product_ref", "Indicá el producto: su número o su nombre.");
        } else if (auto product = find_product(sql, input.product_ref)) {
          if (product->matches > 1) {
            errors.add("product_ref", "Hay varios productos con ese nombre: buscalo abajo y elegilo de la lista.");
          } else {
            values.product_id = product->id;
            values.source_label = product->name;
          }
        } else {
          errors.add("product_ref", "No encontramos ese producto. Buscalo por nombre abajo y elegilo de la lista.");
        }
        break;
      }
      case SourceType::kCounterSale: {
        auto sale = id_ref(input.sale_ref);
        long long found = 0;
        if (sale) sql << "SELECT COUNT(*) FROM counter_sales WHERE id = :id", soci::use(*sale), soci::into(found);
        if (core::trim(input.sale_ref).empty()) errors.add("sale_ref", "Indicá el número de la venta.");
        else if (!sale) errors.add("sale_ref", "El número de venta tiene que ser un número entero mayor que 0.");
        else if (found == 0) errors.add("sale_ref", "No encontramos esa venta. Revisá el número en Ventas.");
        else {
          values.counter_sale_id = *sale;
          values.source_label = "Venta #" + std::to_string(*sale);
        }
        break;
      }
    }
  }

  values.reason = core::trim(input.reason);
  if (values.reason.empty()) errors.add("reason", "Contá el motivo de la garantía.");
  else if (core::exceeds_length(values.reason, kMaxReason))
    errors.add("reason", "El motivo puede tener hasta 500 caracteres.");

  std::string supplier_ref = core::trim(input.supplier_id);
  std::string supplier_name = core::trim(input.supplier_name);
  if (!supplier_ref.empty()) {
    auto id = core::parse_id(supplier_ref);
    if (!id || !find_supplier(sql, *id)) errors.add("supplier_id", "Ese proveedor no existe: elegí otro de la lista.");
    else values.supplier_id = *id;
  } else if (!supplier_name.empty()) {
    if (core::exceeds_length(supplier_name, kMaxName)) {
      errors.add("supplier_name", "El nombre del proveedor puede tener hasta 255 caracteres.");
    } else if (auto existing = find_supplier_by_name(sql, supplier_name)) {
      values.supplier_id = existing->id;  // the same supplier typed again: link the row, never a twin
    } else if (input.save_supplier) {
      if (core::exceeds_length(core::trim(input.supplier_contact), kMaxName))
        errors.add("supplier_contact", "El contacto puede tener hasta 255 caracteres.");
      values.new_supplier = supplier_name;
      values.new_supplier_contact = core::trim(input.supplier_contact);
    } else {
      values.supplier_text = supplier_name;
    }
  } else if (input.save_supplier) {
    errors.add("supplier_name", "Escribí el nombre del proveedor nuevo.");
  }

  std::string quantity = core::trim(input.quantity);
  auto parsed_quantity = core::parse_id(quantity);
  if (!parsed_quantity || *parsed_quantity > kMaxQuantity)
    errors.add("quantity", "La cantidad tiene que ser un número entero entre 1 y 10.000.");
  else values.quantity = *parsed_quantity;

  if (core::trim(input.unit_cost).empty()) errors.add("unit_cost", "Ingresá el costo unitario (puede ser 0).");
  else if (auto cost = amount(input.unit_cost, std::nullopt)) values.unit_cost = *cost;
  else errors.add("unit_cost", "El costo unitario tiene que ser un monto válido, de $ 0 o más.");
  if (auto extra = amount(input.extra_cost, 0)) values.extra_cost = *extra;
  else errors.add("extra_cost", "El costo extra tiene que ser un monto válido, de $ 0 o más.");
  if (auto recovered = amount(input.recovered_amount, 0)) values.recovered = *recovered;
  else errors.add("recovered_amount", "Lo recuperado tiene que ser un monto válido, de $ 0 o más.");

  values.notes = core::trim(input.notes);
  if (core::exceeds_length(values.notes, kMaxNotes)) errors.add("notes", "Las notas pueden tener hasta 5.000 caracteres.");
  return values;
}

// Creates the supplier the form asked for, when it asked for one.
std::optional<long long> create_requested_supplier(db::Tx& tx, Values& values) {
  if (values.new_supplier.empty()) return std::nullopt;
  values.supplier_id = create_supplier(tx, values.new_supplier, values.new_supplier_contact);
  return values.supplier_id;
}

StatusChange change_status(db::Tx& tx, long long id, bool to_open) {
  std::string now = core::utc_now_sql();
  soci::statement update = to_open
      ? (tx.sql().prepare << "UPDATE warranty_incidents SET status = 'open', closed_at = NULL, updated_at = :u "
                             "WHERE id = :id AND status = 'closed'",
         soci::use(now), soci::use(id))
      : (tx.sql().prepare << "UPDATE warranty_incidents SET status = 'closed', closed_at = :c, updated_at = :u "
                             "WHERE id = :id AND status = 'open'",
         soci::use(now), soci::use(now), soci::use(id));
  update.execute(true);
  if (update.get_affected_rows() > 0) return StatusChange::kChanged;
  long long found = 0;
  tx.sql() << "SELECT COUNT(*) FROM warranty_incidents WHERE id = :id", soci::into(found), soci::use(id);
  return found > 0 ? StatusChange::kUnchanged : StatusChange::kNotFound;
}

}  // namespace

std::optional<SourceType> parse_source_type(std::string_view key) {
  if (key == "repair") return SourceType::kRepair;
  if (key == "product") return SourceType::kProduct;
  if (key == "counter_sale") return SourceType::kCounterSale;
  return std::nullopt;
}

std::string_view source_type_key(SourceType type) {
  switch (type) {
    case SourceType::kRepair: return "repair";
    case SourceType::kProduct: return "product";
    case SourceType::kCounterSale: return "counter_sale";
  }
  return "repair";
}

std::string_view source_type_label(SourceType type) {
  switch (type) {
    case SourceType::kRepair: return "Reparación";
    case SourceType::kProduct: return "Producto";
    case SourceType::kCounterSale: return "Venta en mostrador";
  }
  return "Reparación";
}

std::int64_t loss_of(std::int64_t quantity, std::int64_t unit_cost, std::int64_t extra_cost, std::int64_t recovered) {
  return quantity * unit_cost + extra_cost - recovered;
}

namespace {

// What create and update write alike: the validated values (a supplier typed as new is created first), their
// binds and the loss; nullopt when `result` got validation errors.
struct PreparedRow {
  Values values;
  IncidentBinds binds;
  std::string type;
  std::string now = core::utc_now_sql();
};

std::optional<PreparedRow> prepare_row(db::Tx& tx, const IncidentInput& input, SaveResult& result) {
  Values values = validate(tx.sql(), input, result.errors);
  if (!result.errors.empty()) return std::nullopt;
  result.created_supplier_id = create_requested_supplier(tx, values);
  result.loss = loss_of(values.quantity, values.unit_cost, values.extra_cost, values.recovered);
  IncidentBinds binds(values.repair_id, values.product_id, values.counter_sale_id, values.supplier_id,
                      values.supplier_text, values.notes);
  std::string type(source_type_key(values.source_type));
  return PreparedRow{std::move(values), binds, std::move(type)};
}

}  // namespace

SaveResult create_incident(db::Tx& tx, const IncidentInput& input, std::optional<long long> actor_id) {
  SaveResult result;
  auto row = prepare_row(tx, input, result);
  if (!row) return result;
  auto& [values, binds, type, now] = *row;
  long long creator = actor_id.value_or(0);
  soci::indicator creator_null = actor_id ? soci::i_ok : soci::i_null;
  tx.sql() << "INSERT INTO warranty_incidents (source_type, repair_id, product_id, counter_sale_id, source_label, "
              "reason, supplier_id, supplier_name, quantity, unit_cost, extra_cost, recovered_amount, loss, status, "
              "notes, created_by, created_at, updated_at) VALUES (:type, :repair, :product, :sale, :label, :reason, "
              ":supplier, :supplier_name, :quantity, :unit_cost, :extra, :recovered, :loss, 'open', :notes, :by, :c, :u)",
      soci::use(type), soci::use(binds.repair, binds.repair_null), soci::use(binds.product, binds.product_null),
      soci::use(binds.sale, binds.sale_null), soci::use(values.source_label), soci::use(values.reason),
      soci::use(binds.supplier, binds.supplier_null), soci::use(values.supplier_text, binds.supplier_text_null),
      soci::use(values.quantity), soci::use(values.unit_cost), soci::use(values.extra_cost),
      soci::use(values.recovered), soci::use(result.loss), soci::use(values.notes, binds.notes_null),
      soci::use(creator, creator_null), soci::use(now), soci::use(now);
  result.id = tx.last_insert_id("warranty_incidents");
  return result;
}

SaveResult update_incident(db::Tx& tx, long long id, const IncidentInput& input) {
  SaveResult result;
  long long found = 0;
  tx.sql() << "SELECT COUNT(*) FROM warranty_incidents WHERE id = :id", soci::into(found), soci::use(id);
  if (found == 0) return result;
  auto row = prepare_row(tx, input, result);
  if (!row) return result;
  auto& [values, binds, type, now] = *row;
  tx.sql() << "UPDATE warranty_incidents SET source_type = :type, repair_id = :repair, product_id = :product, "
              "counter_sale_id = :sale, source_label = :label, reason = :reason, supplier_id = :supplier, "
              "supplier_name = :supplier_name, quantity = :quantity, unit_cost = :unit_cost, extra_cost = :extra, "
              "recovered_amount = :recovered, loss = :loss, notes = :notes, updated_at = :u WHERE id = :id",
      soci::use(type), soci::use(binds.repair, binds.repair_null), soci::use(binds.product, binds.product_null),
      soci::use(binds.sale, binds.sale_null), soci::use(values.source_label), soci::use(values.reason),
      soci::use(binds.supplier, binds.supplier_null), soci::use(values.supplier_text, binds.supplier_text_null),
      soci::use(values.quantity), soci::use(values.unit_cost), soci::use(values.extra_cost),
      soci::use(values.recovered), soci::use(result.loss), soci::use(values.notes, binds.notes_null),
      soci::use(now), soci::use(id);
  result.id = id;
  return result;
}

std::optional<Incident> find_incident(db::Database& database, long long id) {
  return db::read(database, [&](soci::session& sql) -> std::optional<Incident> {
    Params params;
    std::string query = std::string(kIncidentColumns) + kIncidentFrom + " WHERE i.id = " + params.number(id);
    std::optional<Incident> found;
    for_each_incident(sql, query, params, [&](Incident&& incident) { found = std::move(incident); });
    return found;
  });
}

StatusChange close_incident(db::Tx& tx, long long id) { return change_status(tx, id, false); }
StatusChange reopen_incident(db::Tx& tx, long long id) { return change_status(tx, id, true); }

std::optional<SourcePreview> preview_repair(db::Database& database, long long repair_id) {
  return db::read(database, [&](soci::session& sql) -> std::optional<SourcePreview> {
    auto repair = find_repair(sql, std::to_string(repair_id));
    if (!repair) return std::nullopt;
    return SourcePreview{repair->code.empty() ? std::to_string(repair->id) : repair->code, repair->label};
  });
}

std::optional<SourcePreview> preview_product(db::Database& database, long long product_id) {
  return db::read(database, [&](soci::session& sql) -> std::optional<SourcePreview> {
    auto product = find_product(sql, std::to_string(product_id));
    if (!product) return std::nullopt;
    return SourcePreview{std::to_string(product->id), product->name};
  });
}

std::vector<ProductHit> search_products(db::Database& database, const std::string& text, int limit) {
  std::string term = core::trim(text);
  std::vector<ProductHit> hits;
  if (term.empty()) return hits;
  std::string pattern = db::like_contains(term);
  return db::read(database, [&](soci::session& sql) {
    std::vector<ProductHit> found;
    soci::rowset<soci::row> rows =
        (sql.prepare << std::string("SELECT id, name, price, stock FROM products WHERE name") +
                            db::like_ci(database.dialect()) + ":pattern ESCAPE '!' ORDER BY name, id LIMIT " +
                            std::to_string(limit),
         soci::use(pattern));
    for (const auto& row : rows) found.push_back({row_int(row, 0), row_str(row, 1), row_int(row, 2), row_int(row, 3)});
    return found;
  });
}

}  // namespace warranty
