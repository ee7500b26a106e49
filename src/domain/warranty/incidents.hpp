// The warranty registry (issue 21 item 5, docs/domain/warranty.md): one incident per part or product that came back
// under warranty, against a repair, a product or a counter sale, with what it cost the shop and what the supplier
// gave back. This header owns the incident itself: parsing and validating the form, writing it (create, update,
// close, reopen) inside the caller's transaction, and reading one back. Lists, totals and the CSV are in
// incident_list.hpp and incident_export.hpp; suppliers in suppliers.hpp.
//
// Money is centavos. The loss is always quantity × unit cost + extra cost − recovered (`loss_of`), written with every
// save and held to that by a CHECK in the table, so a total over the column and one recomputed from the parts agree.
//
// Status:   open ──close──> closed ──reopen──> open
// Each change is a conditional UPDATE (WHERE status = <from>), so two admins closing at once record one change.
// Blocking (SQL): worker threads only; SQL errors throw.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "core/validation.hpp"

namespace db {
class Database;
class Tx;
}

namespace warranty {

// What the incident is against. Keys are stored in warranty_incidents.source_type; labels are what the admin reads.
// When adding one ^, also add it to parse_source_type, source_type_key, source_type_label and the migration's CHECK.
enum class SourceType { kRepair, kProduct, kCounterSale };

std::optional<SourceType> parse_source_type(std::string_view key);  // "repair" | "product" | "counter_sale"
std::string_view source_type_key(SourceType type);
std::string_view source_type_label(SourceType type);  // "Reparación" | "Producto" | "Venta en mostrador"

// quantity × unit_cost + extra_cost − recovered_amount (centavos; negative when more came back than it cost).
std::int64_t loss_of(std::int64_t quantity, std::int64_t unit_cost, std::int64_t extra_cost, std::int64_t recovered);

struct Incident {
  long long id = 0;
  SourceType source_type = SourceType::kRepair;
  std::optional<long long> repair_id, product_id, counter_sale_id;  // the one matching source_type (null once deleted)
  std::string source_label;    // what the source was when recorded ("R-20261207-00001 · Samsung A52")
  std::string repair_code;     // current code of repair_id, "" otherwise
  std::string reason;
  std::optional<long long> supplier_id;
  std::string supplier;        // the supplier row's name, else the free text, else ""
  std::string supplier_text;   // the free-text column as stored ("" when a row is linked)
  long long quantity = 1;
  long long unit_cost = 0, extra_cost = 0, recovered_amount = 0, loss = 0;  // centavos
  bool open = true;
  std::string notes;
  std::string created_by;      // "Nombre Apellido" of the admin who recorded it, "" when unknown
  std::string created_at, updated_at, closed_at;  // UTC "YYYY-MM-DD HH:MM:SS", "" when null

  long long total_cost() const { return quantity * unit_cost + extra_cost; }
};

// The form as typed. Only the reference field of the chosen source type is read.
struct IncidentInput {
  std::string source_type;      // "repair" | "product" | "counter_sale"
  std::string repair_ref;       // "R-20261207-00001", "#12" or "12"
  std::string product_ref;      // product id ("#7", "7") or its exact name
  std::string sale_ref;         // counter sale number
  std::string reason;
  std::string supplier_id;      // a suppliers row, "" = none
  std::string supplier_name;    // free text (used when supplier_id is empty)
  std::string supplier_contact; // only for a supplier created from the form
  bool save_supplier = false;   // add supplier_name to the suppliers table (or link the row that already has it)
  std::string quantity, unit_cost, extra_cost, recovered_amount;  // "" extra/recovered = 0
  std::string notes;
};

struct SaveResult {
  core::FieldErrors errors;           // field → Spanish message; nothing was written when not empty
  long long id = 0;                   // the incident written (0 with no errors: no such incident)
  std::optional<long long> created_supplier_id;  // a supplier row this save created (for the audit entry)
  long long loss = 0;                 // what was stored
};

// Validates and inserts (status open, created_by = actor_id).
SaveResult create_incident(db::Tx& tx, const IncidentInput& input, std::optional<long long> actor_id);
// Validates and rewrites every field but status and created_*.
SaveResult update_incident(db::Tx& tx, long long id, const IncidentInput& input);

std::optional<Incident> find_incident(db::Database& database, long long id);

enum class StatusChange { kChanged, kUnchanged, kNotFound };
StatusChange close_incident(db::Tx& tx, long long id);
StatusChange reopen_incident(db::Tx& tx, long long id);

// What the create form pre-fills from "Registrar garantía" on a repair or product page: the reference text for
// the field and the source's label, or nullopt when the record does not exist.
struct SourcePreview {
  std::string ref;    // "R-20261207-00001" / "7"
  std::string label;  // "R-20261207-00001 · Samsung A52" / "Cable USB-C"
};
std::optional<SourcePreview> preview_repair(db::Database& database, long long repair_id);
std::optional<SourcePreview> preview_product(db::Database& database, long long product_id);

// Products whose name contains `text` (any case), by name, at most `limit`: the form's "Buscar producto".
struct ProductHit {
  long long id = 0;
  std::string name;
  long long price = 0;  // centavos
  long long stock = 0;
};
std::vector<ProductHit> search_products(db::Database& database, const std::string& text, int limit = 10);

}  // namespace warranty
