// One repair as the admin pages see it (every column plus the names they print), its status history, and
// the values derived from it (docs/domain/repairs.md: balance due, warranty expiry).
// Blocking (SQL): worker threads only. Throws soci::soci_error on database failures.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "domain/repairs/status.hpp"

namespace db {
class Database;
}

namespace repairs {

struct RepairRecord {
  long long id = 0;
  std::string code;                      // "R-20260212-00042"
  std::optional<long long> user_id;
  std::string user_email;                // of the linked account, "" when none
  std::string customer_name;
  std::string customer_phone;            // digits
  std::optional<long long> device_type_id, device_brand_id, device_model_id, device_issue_type_id, repair_type_id;
  std::string device_type_name;          // from the catalog ("" when unlinked)
  std::string repair_type_name;
  std::string device_brand;              // denormalised names (what lists and lookup show)
  std::string device_model;
  std::string issue_detail;
  std::string issue_reported;
  std::string diagnosis;
  std::int64_t parts_cost = 0;           // centavos
  std::int64_t labor_cost = 0;           // centavos
  std::optional<std::int64_t> final_price;  // centavos; null = "A confirmar"
  std::int64_t paid_amount = 0;          // centavos
  std::string payment_method;            // key ("cash") or ""
  std::string payment_notes;
  std::string status_key;                // as stored
  RepairStatus status = RepairStatus::kReceived;  // parsed (an unknown key reads as cancelled: final)
  int warranty_days = 0;
  std::string received_at, delivered_at, created_at, updated_at;  // UTC SQL timestamps or ""
  std::string notes;
  // The quote the repair was created with (migration 0020); null when entered by hand.
  std::optional<long long> quoted_rule_id;
  std::string quoted_rule_label;
  std::optional<std::int64_t> quoted_profit, quoted_shipping, quoted_total;  // centavos

  std::string device() const;            // "Samsung A52" (brand + model, trimmed)
  std::int64_t balance_due() const;      // max(0, final − paid)
};

struct StatusHistoryEntry {
  std::string from_status;               // key or "" (creation)
  std::string to_status;                 // key
  std::string changed_at;                // UTC SQL
  std::string comment;
  std::string changed_by_name;           // "" = customer / public action
};

// nullopt when no repair has that id.
std::optional<RepairRecord> find_repair(db::Database& database, long long id);
// Newest first.
std::vector<StatusHistoryEntry> repair_history(db::Database& database, long long id);

// Warranty (docs/domain/repairs.md "Payment methods and warranty"): delivered_at + warranty_days, to the end of that
// day in the shop's time zone.
struct Warranty {
  std::string expires_on;  // local "dd/mm/YYYY"
  bool active = false;     // today (local) ≤ expires_on
};
// nullopt when not delivered or warranty_days ≤ 0. `now_utc` is a SQL UTC timestamp (tests pass their own).
std::optional<Warranty> warranty_of(const RepairRecord& repair, const std::string& now_utc);

}  // namespace repairs
