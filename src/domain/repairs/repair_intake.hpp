// Writing repairs from the admin forms (docs/domain/repairs.md "Intake and edit"):
// Both write in the caller's transaction (the handler's db::write).
//   create_repair: INSERT, then the code R-YYYYMMDD-NNNNN from the new id (so it is unique
//   however many counters take repairs at once), then the history row "Creación de reparación".
//   update_repair: the edit form's fields; never status, code, received_at or repair type.
// Values come from validate_repair_form + check_repair_references. Blocking (SQL); throws soci::soci_error.
#pragma once

#include <cstdint>
#include <optional>
#include <string>

#include "domain/repairs/repair_form.hpp"

namespace db {
class Database;
class Tx;
}

namespace repairs {

// The server-side quote shown at intake (catalog::suggest_quote), kept with the repair.
struct QuoteSnapshot {
  std::optional<long long> rule_id;
  std::string rule_label;                       // "Regla: x0.25 (min $ 24.000) (+ envío $ 10.000)"
  std::optional<std::int64_t> profit, shipping, total;  // centavos
};

// "R-20260212-00042": the shop's local date (yyyymmdd) and the id padded to 5 digits (longer ids are kept whole).
std::string make_repair_code(const std::string& local_yyyymmdd, long long id);

// Returns the new repair's id. `admin_id` is recorded as the history row's author.
long long create_repair(db::Tx& tx, const RepairFormValues& values, long long admin_id,
                        const QuoteSnapshot& quote = {});

// False when the repair does not exist.
bool update_repair(db::Tx& tx, long long id, const RepairFormValues& values);

}  // namespace repairs
