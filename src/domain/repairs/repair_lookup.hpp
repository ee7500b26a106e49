// Public repair lookup (spec/domain.md §2.5): a customer finds their repair with the code and the phone they
// left at the counter. Both must match; a wrong code and a wrong phone give the same answer (no enumeration).
// Reveals only what the result page shows: never name, phone, prices or internal notes.
#pragma once

#include <optional>
#include <string>
#include <string_view>

#include "core/validation.hpp"
#include "domain/repairs/status.hpp"

namespace db {
class Database;
}

namespace repairs {

// The one message for "no such code + phone" (wrong code or wrong phone alike).
inline constexpr std::string_view kLookupNotFoundMessage =
    "No encontramos una reparación con ese código y teléfono. Verificá los datos e intentá de nuevo.";

// What the public result page may show.
struct PublicRepairStatus {
  std::string code;
  std::string status_key;                // as stored
  std::optional<RepairStatus> status;    // parsed key (nullopt for a key this version does not know)
  std::string device_brand;
  std::string device_model;
  std::string issue_reported;
  std::string diagnosis;
  std::string updated_at;                // UTC SQL timestamp ("" when unknown; created_at when never updated)
};

// Codes are compared trimmed and case-insensitively: the shop assigns upper-case codes (R-YYYYMMDD-NNNNN), so
// the input is upper-cased and matched exactly (the unique index on `code` still serves the query).
std::string normalise_lookup_code(std::string_view code);

// SQL for the lookup: one indexed SELECT on (code, customer_phone). Blocking.
class RepairLookupRepository final {
 public:
  explicit RepairLookupRepository(db::Database& database) : database_(database) {}
  // `code` already normalised, `phone_digits` digits only (customer_phone is stored that way).
  std::optional<PublicRepairStatus> find(const std::string& code, const std::string& phone_digits) const;

 private:
  db::Database& database_;
};

struct LookupResult {
  core::FieldErrors errors;                 // validation errors, or the not-found message on field "code"
  std::optional<PublicRepairStatus> repair;  // set when found
  bool found() const { return repair.has_value(); }
};

// Validates the raw form input and looks the repair up.
// Validation: code required, ≤ 50 characters (after trimming); phone required, ≤ 30 characters, core::is_valid_phone.
// Match: normalised code AND customer_phone == digits of the input (no country-code normalisation).
LookupResult lookup_repair(const RepairLookupRepository& repository, std::string_view code, std::string_view phone);

}  // namespace repairs
