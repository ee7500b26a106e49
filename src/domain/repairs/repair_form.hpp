// The intake and edit forms of an admin repair (docs/domain/repairs.md "Intake and edit"):
// raw text in, typed values or Spanish field errors out. Two steps: `validate_repair_form` checks shapes (no
// database); `check_repair_references` resolves the linked user and the catalog ids (existence, active on create,
// brand ∈ type, model ∈ brand, issue ∈ type) and fills the denormalised names.
#pragma once

#include <cstdint>
#include <optional>
#include <string>

#include "core/validation.hpp"
#include "domain/repairs/status.hpp"

namespace db {
class Database;
}

namespace repairs {

enum class RepairFormMode { kCreate, kUpdate };

// What the form posts, as typed (the handler copies the fields; absent = "").
struct RepairFormInput {
  std::string customer_name, customer_phone, user_email, unlink_user;
  std::string device_type_id, device_brand_id, device_model_id, device_issue_type_id, repair_type_id;
  std::string issue_detail, diagnosis;
  std::string parts_cost, labor_cost, final_price, paid_amount;
  std::string parts_cost_shown;  // edit only: the parts cost the form showed when it was opened
  std::string payment_method, payment_notes, status, warranty_days, notes;
  std::string shipping_amount;  // pricing helper: "Envío" amount, counted only when shipping_enabled is set
  std::string shipping_enabled;
};

// Validated values. Money in centavos.
struct RepairFormValues {
  std::string customer_name;
  std::string customer_phone;           // digits only
  std::string user_email;               // trimmed, lower-case, "" = none
  bool unlink_user = false;             // edit only
  long long device_type_id = 0, device_brand_id = 0, device_model_id = 0, device_issue_type_id = 0;
  long long repair_type_id = 0;         // create only (the edit form has no repair type)
  std::string issue_detail, diagnosis;
  std::int64_t parts_cost = 0, labor_cost = 0, paid_amount = 0;
  std::optional<std::int64_t> final_price;
  // Edit only: the parts cost the form was opened with. A part applied or removed from stock while the form was
  // open changed the stored cost; the save then applies only the admin's own change (parts_cost − shown) to it.
  std::optional<std::int64_t> parts_cost_shown;
  std::optional<std::int64_t> shipping; // pricing helper, when "Sumar" is checked (0 = the rule's default)
  std::string payment_method, payment_notes, notes;
  RepairStatus status = RepairStatus::kReceived;  // create only
  int warranty_days = 0;

  // Filled by check_repair_references:
  std::optional<long long> user_id;     // resolved from user_email
  std::string device_brand, device_model, issue_name;
  std::string issue_reported() const;   // "Pantalla" or "Pantalla — no enciende" (em dash with spaces)
};

// Shape checks (required, lengths, phone rule, numbers ≥ 0, status key, payment method key). Returns the
// values; `errors` collects one Spanish message per bad field.
RepairFormValues validate_repair_form(const RepairFormInput& input, RepairFormMode mode, core::FieldErrors& errors);

// The ids an existing repair already points at: on edit, an item that was deactivated after intake stays
// acceptable for that repair (docs/domain/repairs.md "Intake and edit": edit keeps the inactive items in use).
struct CurrentCatalogIds {
  std::optional<long long> device_type_id, device_brand_id, device_model_id, device_issue_type_id;
};

// Database checks; fills user_id and the names. Blocking (SQL).
void check_repair_references(db::Database& database, RepairFormValues& values, RepairFormMode mode,
                             const CurrentCatalogIds& current, core::FieldErrors& errors);

}  // namespace repairs
