// Repair parts from stock (issue 21, "Agregar repuesto" on the admin repair page): products marked usable in repairs
// that a technician takes from the shared stock for one repair. Applying a part, in the caller's transaction:
// the units leave stock through the ledger's guarded update (the same conditional update as checkout: two technicians
// taking the last unit → one succeeds), a stock_movements row (repair_part_used, reference repair) is written, and
// unit_cost × quantity is added to repairs.parts_cost. Removing a part reverses all three once (the row is deleted
// by a guarded DELETE, so a double click returns the units once). Cancelling a repair may return all its parts the
// same way (the status route asks). Blocking SQL: worker threads only.
#pragma once

#include <optional>
#include <stdexcept>
#include <string>
#include <vector>

namespace db {
class Database;
class Tx;
}

namespace repairs {

struct RepairPart {
  long long id = 0;
  std::optional<long long> product_id;  // nullopt once the product was deleted
  std::string product_name;
  long long unit_cost = 0, quantity = 0;
  std::string created_at;  // UTC SQL
};

// The parts applied to a repair, oldest first.
std::vector<RepairPart> repair_parts(db::Database& database, long long repair_id);

struct PartChoice {
  long long product_id = 0;
  std::string name, sku;
  long long stock = 0, cost_price = 0;
  bool matches_device = false;  // the product's name mentions the repair's device model
};

// In-stock products usable in repairs, for the "Agregar repuesto" list: the ones whose name mentions `device_model`
// (case-insensitive, when given) first, then by name.
std::vector<PartChoice> part_choices(db::Database& database, const std::string& device_model);

// A refusal with a Spanish message (no stock, not a repair part, repair closed): nothing was written.
class PartRefused : public std::runtime_error {
 public:
  using std::runtime_error::runtime_error;
};

// Applies `quantity` (1..99) units of a product to the repair; the new part's id. Throws PartRefused.
long long apply_part(db::Tx& tx, long long repair_id, long long product_id, long long quantity,
                     std::optional<long long> user_id);

// Removes one part of the repair and returns its units to stock; false when it was not there (already removed).
bool remove_part(db::Tx& tx, long long repair_id, long long part_id, std::optional<long long> user_id);

// Returns every part of the repair to stock (used when a repair is cancelled); how many parts were returned.
int return_all_parts(db::Tx& tx, long long repair_id, std::optional<long long> user_id);

}  // namespace repairs
