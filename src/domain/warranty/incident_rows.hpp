// Internal to src/domain/warranty: the one SELECT that reads incidents (with supplier, creator and repair code),
// bound parameters built alongside a WHERE clause, and the null indicators of an incident's optional columns.
// Shared by incidents.cpp (one row), incident_list.cpp (pages, totals) and incident_export.cpp (the CSV).
#pragma once

#include <soci/soci.h>

#include <deque>
#include <functional>
#include <optional>
#include <string>
#include <utility>
#include <vector>

#include "domain/warranty/incidents.hpp"

namespace warranty {

inline constexpr const char* kIncidentFrom =
    " FROM warranty_incidents i LEFT JOIN suppliers s ON s.id = i.supplier_id"
    " LEFT JOIN users u ON u.id = i.created_by LEFT JOIN repairs r ON r.id = i.repair_id";
// The columns for_each_incident reads, in its order; followed by kIncidentFrom.
inline constexpr const char* kIncidentColumns =
    "SELECT i.id, i.source_type, i.repair_id, i.product_id, i.counter_sale_id, i.source_label, i.reason, "
    "i.supplier_id, s.name, i.supplier_name, i.quantity, i.unit_cost, i.extra_cost, i.recovered_amount, i.loss, "
    "i.status, i.notes, u.name, u.last_name, i.created_at, i.updated_at, i.closed_at, r.code";

// Placeholders and their values in the order they appear (SOCI binds by position on MySQL, so every use of a value
// gets its own placeholder). Values live in deques: the references SOCI keeps stay valid while the list grows.
class Params final {
 public:
  std::string text(std::string value);   // returns ":pN"
  std::string number(long long value);   // returns ":pN"
  void bind(soci::statement& statement);

 private:
  std::deque<std::string> texts_;
  std::deque<long long> numbers_;
  std::vector<std::pair<bool, std::size_t>> order_;  // (is_text, index)
  int next_ = 0;
};

// Runs `query` (kIncidentColumns + kIncidentFrom + WHERE/ORDER/LIMIT built with `params`) and hands each row to `row`.
void for_each_incident(soci::session& sql, const std::string& query, Params& params,
                       const std::function<void(Incident&&)>& row);

// Values and indicators for the nullable columns an INSERT/UPDATE binds.
struct IncidentBinds {
  long long repair = 0, product = 0, sale = 0, supplier = 0;
  soci::indicator repair_null = soci::i_null, product_null = soci::i_null, sale_null = soci::i_null,
                  supplier_null = soci::i_null, supplier_text_null = soci::i_null, notes_null = soci::i_null;

  IncidentBinds(std::optional<long long> repair_id, std::optional<long long> product_id,
                std::optional<long long> sale_id, std::optional<long long> supplier_id, const std::string& supplier_text,
                const std::string& notes);
};

}  // namespace warranty
