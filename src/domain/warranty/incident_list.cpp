// Warranty list, totals and top suppliers (see incident_list.hpp).
#include "domain/warranty/incident_list.hpp"

#include <algorithm>
#include <array>

#include "core/strings.hpp"
#include "db/like.hpp"
#include "db/unit_of_work.hpp"
#include "domain/warranty/incident_rows.hpp"

namespace warranty {

namespace {

// " WHERE …" for `filter` (or ""), its placeholders registered in `params`.
std::string where_clause(const IncidentFilter& filter, db::Dialect dialect, Params& params) {
  std::vector<std::string> terms;
  if (filter.status == "open" || filter.status == "closed") terms.push_back("i.status = " + params.text(filter.status));
  if (filter.source_type)
    terms.push_back("i.source_type = " + params.text(std::string(source_type_key(*filter.source_type))));
  if (filter.supplier_id) terms.push_back("i.supplier_id = " + params.number(*filter.supplier_id));
  if (!filter.from_utc.empty()) terms.push_back("i.created_at >= " + params.text(filter.from_utc));
  if (!filter.to_utc.empty()) terms.push_back("i.created_at < " + params.text(filter.to_utc));
  std::string q = core::trim(filter.q);
  if (!q.empty()) {
    const std::string like = db::like_ci(dialect), pattern = db::like_contains(q);
    std::string any;
    for (const char* column : {"i.reason", "i.notes", "i.source_label", "i.supplier_name", "s.name", "r.code"})
      any += std::string(any.empty() ? "(" : " OR ") + column + like + params.text(pattern) + " ESCAPE '!'";
    terms.push_back(any + ")");
  }
  std::string where;
  for (const auto& term : terms) where += (where.empty() ? " WHERE " : " AND ") + term;
  return where;
}

// A SUM or COUNT read as text: "123", "-45" or "123.000" (MariaDB and PostgreSQL answer SUM(BIGINT) as DECIMAL).
// Parsed as an integer, never through floating point, so centavo totals stay exact at any size.
long long whole_number(const std::string& text) {
  auto dot = text.find('.');
  return text.empty() ? 0 : std::stoll(dot == std::string::npos ? text : text.substr(0, dot));
}

// Runs a query whose columns are all numbers (SUMs come back as decimals on MariaDB and PostgreSQL) into `out`.
template <std::size_t N>
void read_numbers(soci::session& sql, const std::string& query, Params& params, std::array<long long, N>& out) {
  std::array<std::string, N> v;
  std::array<soci::indicator, N> ind{};
  soci::statement statement(sql);
  for (std::size_t i = 0; i < N; ++i) statement.exchange(soci::into(v[i], ind[i]));
  params.bind(statement);
  statement.alloc();
  statement.prepare(query);
  statement.define_and_bind();
  statement.execute(true);
  for (std::size_t i = 0; i < N; ++i)
    out[i] = ind[i] == soci::i_null ? 0 : whole_number(v[i]);
}

}  // namespace

IncidentPage list_incidents(db::Database& database, const IncidentFilter& filter, int top) {
  return db::read(database, [&](soci::session& sql) {
    IncidentPage page;
    {
      Params params;
      std::string where = where_clause(filter, database.dialect(), params);
      std::array<long long, 5> sums{};
      read_numbers(sql,
                   "SELECT COUNT(*), COALESCE(SUM(CASE WHEN i.status = 'open' THEN 1 ELSE 0 END), 0), "
                   "COALESCE(SUM(i.quantity * i.unit_cost + i.extra_cost), 0), COALESCE(SUM(i.recovered_amount), 0), "
                   "COALESCE(SUM(i.loss), 0)" + std::string(kIncidentFrom) + where,
                   params, sums);
      page.total = page.totals.incidents = sums[0];
      page.totals.open = sums[1];
      page.totals.cost = sums[2];
      page.totals.recovered = sums[3];
      page.totals.loss = sums[4];
    }
    int per_page = filter.per_page > 0 ? filter.per_page : 25;
    page.pages = static_cast<int>(std::max<long long>(1, (page.total + per_page - 1) / per_page));
    page.page = std::clamp(filter.page, 1, page.pages);
    {
      Params params;
      std::string query = std::string(kIncidentColumns) + kIncidentFrom + where_clause(filter, database.dialect(), params) +
                          " ORDER BY i.created_at DESC, i.id DESC LIMIT " + std::to_string(per_page) + " OFFSET " +
                          std::to_string(static_cast<long long>(page.page - 1) * per_page);
      for_each_incident(sql, query, params, [&](Incident&& incident) { page.rows.push_back(std::move(incident)); });
    }
    if (top > 0) {
      // One group per supplier row, and one per free-text name for incidents without a row.
      Params params;
      std::string where = where_clause(filter, database.dialect(), params);
      where += std::string(where.empty() ? " WHERE " : " AND ") + "(i.supplier_id IS NOT NULL OR i.supplier_name IS NOT NULL)";
      std::string query =
          "SELECT COALESCE(s.name, i.supplier_name), MAX(i.supplier_id), COUNT(*), SUM(i.loss)" + std::string(kIncidentFrom) +
          where + " GROUP BY i.supplier_id, COALESCE(s.name, i.supplier_name)"
          " ORDER BY SUM(i.loss) DESC, COALESCE(s.name, i.supplier_name) LIMIT " + std::to_string(top);
      std::array<std::string, 4> v;
      std::array<soci::indicator, 4> ind{};
      soci::statement statement(sql);
      for (std::size_t i = 0; i < v.size(); ++i) statement.exchange(soci::into(v[i], ind[i]));
      params.bind(statement);
      statement.alloc();
      statement.prepare(query);
      statement.define_and_bind();
      statement.execute(false);
      while (statement.fetch()) {
        SupplierLoss supplier;
        supplier.name = ind[0] == soci::i_null ? "" : v[0];
        if (ind[1] != soci::i_null && !v[1].empty()) supplier.supplier_id = std::stoll(v[1]);
        supplier.incidents = std::stoll(v[2]);
        supplier.loss = whole_number(v[3]);
        page.top_suppliers.push_back(std::move(supplier));
      }
    }
    return page;
  });
}

void for_each_filtered_incident(db::Database& database, const IncidentFilter& filter,
                                const std::function<void(const Incident&)>& row) {
  // A plain lease, not db::read: a rerun after a lost connection would hand the caller's file the rows twice.
  auto sql = database.lease();
  Params params;
  std::string query = std::string(kIncidentColumns) + kIncidentFrom + where_clause(filter, database.dialect(), params) +
                      " ORDER BY i.created_at, i.id";
  for_each_incident(*sql, query, params, [&](Incident&& incident) { row(incident); });
}

}  // namespace warranty
