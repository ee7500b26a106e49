// What customers may read about a repair (docs/domain/repairs.md "Public lookup", "Customer area"):
//   - the public lookup: a customer finds their repair with the code and the phone they left at the counter.
//     Both must match; a wrong code and a wrong phone give the same answer (no enumeration). Reveals only what
//     the result page shows: never name, phone, prices or internal notes. The signed status link shows the same.
//   - the customer area (/mis-reparaciones): repairs linked to the signed-in user, with their payments and
//     warranty, never the internal notes (the reference printed them to the customer).
#pragma once

#include <optional>
#include <string>
#include <string_view>
#include <vector>

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
  long long id = 0;                      // not shown; builds the signed quote forms while a quote waits
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

// SQL for the lookup: the repair by its (unique, indexed) code, then the phone compared as a number. Blocking.
class RepairLookupRepository final {
 public:
  explicit RepairLookupRepository(db::Database& database) : database_(database) {}
  // `code` already normalised; `phone` as typed: any spelling of the stored number matches (core::phone).
  std::optional<PublicRepairStatus> find(const std::string& code, const std::string& phone) const;
  // By id, for the signed status link (the signature proves the holder was given this repair).
  std::optional<PublicRepairStatus> find_by_id(long long repair_id) const;

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
// Match: normalised code AND core::phone::same_number(customer_phone, input): with or without 0, 15, +54, 9,
// spaces or dashes.
LookupResult lookup_repair(const RepairLookupRepository& repository, std::string_view code, std::string_view phone);

// ── Customer area ──────────────────────────────────────────────────────────────────────────────────────────
struct CustomerRepairSummary {
  long long id = 0;
  std::string code;
  std::string status_key;
  std::optional<RepairStatus> status;
  std::string device_brand;
  std::string device_model;
  std::string created_at;  // UTC SQL timestamp
};

struct CustomerRepairDetail {
  long long id = 0;
  PublicRepairStatus public_view;              // code, status, device, issue, diagnosis, updated_at
  std::string created_at;                      // UTC SQL timestamp
  std::optional<long long> final_price_cents;  // nullopt: not quoted yet
  long long paid_cents = 0;
  std::string payment_method;                  // key ("cash", …) or ""
  std::string payment_notes;
  long long warranty_days = 0;
  std::string delivered_at;                    // UTC SQL timestamp or ""
};

struct CustomerRepairPage {
  std::vector<CustomerRepairSummary> items;  // newest first
  long long total = 0;
  int page = 1;      // 1-based, clamped to the last page
  int per_page = 20;
  int last_page() const { return total == 0 ? 1 : static_cast<int>((total + per_page - 1) / per_page); }
};

// Repairs whose user_id is `user_id`, newest first. Blocking.
CustomerRepairPage customer_repairs(db::Database& database, long long user_id, int page, int per_page = 20);
// One repair only when it belongs to `user_id` (anything else is "not found": ids are not confirmed). Blocking.
std::optional<CustomerRepairDetail> customer_repair(db::Database& database, long long user_id, long long repair_id);

// Warranty end (docs/domain/repairs.md "Payment methods and warranty"): the local date of delivered_at plus
// warranty_days, as "YYYY-MM-DD" in the shop's time zone; "" when not delivered or days ≤ 0. The warranty covers that
// whole day.
std::string warranty_expiry_date(const std::string& delivered_at_utc, long long warranty_days);
// True while today (shop's time zone) is on or before the expiry date.
bool in_warranty(const std::string& expiry_date);

}  // namespace repairs
