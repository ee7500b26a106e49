// The admin repairs list (docs/domain/repairs.md "Admin list"): filters, status counters and one page of rows.
//   status: one status key, or none.
//   q:      code LIKE %q% OR customer_name LIKE %q% OR customer_phone LIKE %digits(q)% (when q has digits).
//   wa:     pending  = has a phone and no WhatsApp log for the CURRENT status;
//           sent     = has a phone and a log for the current status;
//           no_phone = customer_phone NULL or ''.
// Counters per status honour q + wa (never status); total = their sum. Ordering: a non-final status filter
// lists the oldest received first (the queue to work on); anything else lists the newest first. 20 per page.
// Blocking (SQL): worker threads only. Throws soci::soci_error.
#pragma once

#include <array>
#include <chrono>
#include <optional>
#include <string>
#include <vector>

#include "domain/repairs/status.hpp"

namespace db {
class Database;
}

namespace repairs {

inline constexpr int kRepairsPerPage = 20;

struct RepairListFilters {
  std::optional<RepairStatus> status;
  std::string q;           // trimmed
  std::string wa;          // "", "pending", "sent", "no_phone" (anything else is ignored)
  int page = 1;            // 1-based
};

struct RepairListRow {
  long long id = 0;
  std::string code;
  std::string customer_name;
  std::string customer_phone;        // digits
  std::string device_brand, device_model;
  std::string status_key;
  std::optional<RepairStatus> status;
  std::optional<long long> final_price;  // centavos
  std::string received_at;           // UTC SQL (received_at, else created_at)
  bool wa_notified_current = false;  // a WhatsApp log exists for the current status
  std::string wa_notified_at;        // UTC SQL of that log, or ""
  long long warranty_days = 0;       // for the WhatsApp link's {warranty_days}
};

struct RepairListPage {
  std::vector<RepairListRow> rows;
  std::array<long long, 7> status_counts{};  // in kAllRepairStatuses order
  long long total_count = 0;                 // Σ status_counts
  long long matching = 0;                    // rows matching every filter (status too)
  int page = 1, last_page = 1;
};

// `counts_reuse`: how long the unfiltered per-status counts may be reused on MariaDB/PostgreSQL
// (REPAIR_COUNTS_REUSE_MS; see status_counts.hpp). SQLite reads its exact counts on every page.
RepairListPage list_repairs(db::Database& database, const RepairListFilters& filters,
                            std::chrono::milliseconds counts_reuse = {});

// "URGENTE" (docs/domain/repairs.md "Admin list"): not final and received (or created) more than 72 h before `now_utc`.
bool is_urgent(const RepairListRow& row, const std::string& now_utc);

}  // namespace repairs
