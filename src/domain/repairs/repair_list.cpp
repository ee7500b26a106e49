// Admin repairs list queries (see repair_list.hpp). Every user value is bound; the SQL text varies only by
// constant fragments (search, status and wa filters, ordering), each present only when used: a condition such as
// `:empty = 1 OR r.status = :status` would hide the index from the planner and scan every repair.
#include "domain/repairs/repair_list.hpp"

#include <algorithm>

#include "core/clock.hpp"
#include "core/phone.hpp"
#include "core/strings.hpp"
#include "db/database.hpp"
#include "db/like.hpp"
#include "domain/repairs/status_counts.hpp"

namespace repairs {

namespace {
constexpr const char* kHasPhone = "(r.customer_phone IS NOT NULL AND r.customer_phone <> '')";
constexpr const char* kLoggedForCurrentStatus =
    "EXISTS (SELECT 1 FROM repair_whatsapp_logs l WHERE l.repair_id = r.id AND l.notified_status = r.status)";

std::string wa_clause(const std::string& wa) {
  if (wa == "pending") return std::string(" AND ") + kHasPhone + " AND NOT " + kLoggedForCurrentStatus;
  if (wa == "sent") return std::string(" AND ") + kHasPhone + " AND " + kLoggedForCurrentStatus;
  if (wa == "no_phone") return " AND (r.customer_phone IS NULL OR r.customer_phone = '')";
  return "";
}

// A WHERE clause and the values it binds by name. `values` is complete before any statement binds it.
struct Condition {
  std::string sql = " WHERE 1 = 1";
  std::vector<std::pair<std::string, std::string>> values;
};

// q matches code, name or phone digits. '!' escapes LIKE wildcards typed by the user (same in both dialects).
Condition search_condition(const std::string& q, const std::string& wa, db::Dialect dialect) {
  Condition condition;
  if (!q.empty()) {
    const std::string like = db::like_ci(dialect);
    condition.sql += " AND (r.code" + like + ":q_code ESCAPE '!' OR r.customer_name" + like + ":q_name ESCAPE '!'";
    condition.values.emplace_back("q_code", db::like_contains(q));
    condition.values.emplace_back("q_name", db::like_contains(q));
    std::string digits = core::phone::search_digits(q);
    if (!digits.empty()) {
      condition.sql += " OR r.customer_phone LIKE :q_phone ESCAPE '!'";
      condition.values.emplace_back("q_phone", db::like_contains(digits));
    }
    condition.sql += ")";
  }
  condition.sql += wa_clause(wa);
  return condition;
}

void bind(soci::statement& statement, Condition& condition) {
  for (auto& [name, value] : condition.values) statement.exchange(soci::use(value, name));
}

// Prepares `text` with the condition's values bound, after the caller's into() exchanges.
void prepare(soci::statement& statement, Condition& condition, const std::string& text) {
  bind(statement, condition);
  statement.alloc();
  statement.prepare(text);
  statement.define_and_bind();
}
}  // namespace

RepairListPage list_repairs(db::Database& database, const RepairListFilters& filters,
                            std::chrono::milliseconds counts_reuse) {
  auto sql = database.lease();
  RepairListPage page;
  Condition where = search_condition(filters.q, filters.wa, database.dialect());

  // Counters: q + wa, every status. Unfiltered they are not counted per page: on SQLite they come from
  // repair_status_counts (exact, kept by triggers; migration 0090), on MariaDB/PostgreSQL from the counts this process
  // keeps (status_counts.hpp). `all_rows` also counts unknown status keys.
  long long all_rows = 0;
  bool precounted = filters.q.empty() && filters.wa.empty();
  if (precounted && database.dialect() != db::Dialect::kSqlite) {
    StatusCounts counts = status_counts(*sql, counts_reuse);
    page.status_counts = counts.per_status;
    all_rows = counts.all_rows;
  } else {
    std::string key;
    long long count = 0;
    soci::statement counts(*sql);
    counts.exchange(soci::into(key));
    counts.exchange(soci::into(count));
    prepare(counts, where,
            precounted ? std::string("SELECT status, total FROM repair_status_counts WHERE total <> 0")
                       : "SELECT r.status, COUNT(*) FROM repairs r" + where.sql + " GROUP BY r.status");
    counts.execute();
    while (counts.fetch()) {
      all_rows += count;
      auto status = parse_status(key);
      if (!status) continue;
      for (std::size_t i = 0; i < kAllRepairStatuses.size(); ++i)
        if (kAllRepairStatuses[i] == *status) page.status_counts[i] = count;
    }
  }
  for (auto count_of_status : page.status_counts) page.total_count += count_of_status;

  Condition filtered = where;
  if (filters.status) {
    filtered.sql += " AND r.status = :status";
    filtered.values.emplace_back("status", std::string(status_key(*filters.status)));
  }
  if (precounted) {
    page.matching = all_rows;
    if (filters.status)
      for (std::size_t i = 0; i < kAllRepairStatuses.size(); ++i)
        if (kAllRepairStatuses[i] == *filters.status) page.matching = page.status_counts[i];
  } else {
    soci::statement matching(*sql);
    matching.exchange(soci::into(page.matching));
    prepare(matching, filtered, "SELECT COUNT(*) FROM repairs r" + filtered.sql);
    matching.execute(true);
  }

  page.last_page = std::max<int>(1, static_cast<int>((page.matching + kRepairsPerPage - 1) / kRepairsPerPage));
  page.page = std::clamp(filters.page, 1, page.last_page);
  bool oldest_first = filters.status && !is_final(*filters.status);
  std::string order = oldest_first ? " ORDER BY r.received_at ASC, r.created_at ASC, r.id ASC"
                                   : " ORDER BY r.created_at DESC, r.id DESC";
  std::string limit = " LIMIT " + std::to_string(kRepairsPerPage) + " OFFSET " +
                      std::to_string(static_cast<long long>(page.page - 1) * kRepairsPerPage);

  RepairListRow row;
  std::string code, phone, brand, model, received, created, notified_at;
  soci::indicator code_ind, phone_ind, brand_ind, model_ind, received_ind, created_ind, final_ind, notified_ind;
  long long final_price = 0, warranty_days = 0;
  soci::statement rows(*sql);
  rows.exchange(soci::into(row.id));
  rows.exchange(soci::into(code, code_ind));
  rows.exchange(soci::into(row.customer_name));
  rows.exchange(soci::into(phone, phone_ind));
  rows.exchange(soci::into(brand, brand_ind));
  rows.exchange(soci::into(model, model_ind));
  rows.exchange(soci::into(row.status_key));
  rows.exchange(soci::into(final_price, final_ind));
  rows.exchange(soci::into(received, received_ind));
  rows.exchange(soci::into(created, created_ind));
  rows.exchange(soci::into(notified_at, notified_ind));
  rows.exchange(soci::into(warranty_days));
  prepare(rows, filtered,
          "SELECT r.id, r.code, r.customer_name, r.customer_phone, r.device_brand, r.device_model, r.status, "
          "r.final_price, r.received_at, r.created_at, (SELECT MAX(l.sent_at) FROM repair_whatsapp_logs l "
          "WHERE l.repair_id = r.id AND l.notified_status = r.status), r.warranty_days FROM repairs r" +
              filtered.sql + order + limit);
  rows.execute();
  while (rows.fetch()) {
    RepairListRow item = row;
    item.code = code_ind == soci::i_ok ? code : "";
    item.customer_phone = phone_ind == soci::i_ok ? phone : "";
    item.device_brand = brand_ind == soci::i_ok ? brand : "";
    item.device_model = model_ind == soci::i_ok ? model : "";
    item.status = parse_status(item.status_key);
    if (final_ind == soci::i_ok) item.final_price = final_price;
    item.received_at = received_ind == soci::i_ok ? received : (created_ind == soci::i_ok ? created : "");
    item.wa_notified_current = notified_ind == soci::i_ok;
    item.wa_notified_at = item.wa_notified_current ? notified_at : "";
    item.warranty_days = warranty_days;
    page.rows.push_back(std::move(item));
  }
  return page;
}

bool is_urgent(const RepairListRow& row, const std::string& now_utc) {
  if (!row.status || is_final(*row.status) || row.received_at.empty()) return false;
  core::SystemTime received, now;
  if (!core::parse_sql_utc(row.received_at, received) || !core::parse_sql_utc(now_utc, now)) return false;
  return now - received > std::chrono::hours(72);
}

}  // namespace repairs
