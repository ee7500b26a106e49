// The warranty registry's list (/admin/garantias) and its CSV (docs/domain/warranty.md "List, totals, export"):
// one filter shape for both, the filtered incidents newest first, and over the whole filtered set (every page, not
// just the one shown) the totals — cost, recovered, loss — and the suppliers that cost the shop the most.
// Filter values become bound parameters, never SQL text. Blocking (SQL): worker threads only; SQL errors throw.
#pragma once

#include <functional>
#include <optional>
#include <string>
#include <vector>

#include "domain/warranty/incidents.hpp"

namespace db {
class Database;
}

namespace warranty {

struct IncidentFilter {
  std::string status;                   // "" | "open" | "closed"
  std::optional<SourceType> source_type;
  std::optional<long long> supplier_id;
  std::string from_utc, to_utc;         // created_at in [from, to), UTC "YYYY-MM-DD HH:MM:SS"; "" = open bound
  std::string q;                        // part of reason, notes, source, supplier (row or free text)
  int page = 1;
  int per_page = 25;
};

struct Totals {
  long long incidents = 0, open = 0;
  long long cost = 0;       // Σ quantity × unit_cost + extra_cost (centavos)
  long long recovered = 0;  // Σ recovered_amount
  long long loss = 0;       // Σ loss = cost − recovered
};

struct SupplierLoss {
  std::string name;                     // the supplier row's name or the free text
  std::optional<long long> supplier_id; // set for a suppliers row (the list links its filter)
  long long incidents = 0;
  long long loss = 0;                   // centavos
};

struct IncidentPage {
  std::vector<Incident> rows;
  long long total = 0;  // incidents matching the filter
  int page = 1, pages = 1;
  Totals totals;
  std::vector<SupplierLoss> top_suppliers;  // highest loss first (ties by name), at most `top` of them
};

IncidentPage list_incidents(db::Database& database, const IncidentFilter& filter, int top = 5);

// Every incident matching `filter` (page ignored), oldest first, for the CSV.
void for_each_filtered_incident(db::Database& database, const IncidentFilter& filter,
                                const std::function<void(const Incident&)>& row);

}  // namespace warranty
