// Admin repairs list queries (see repair_list.hpp). Every user value is bound; the SQL text varies only by
// constant fragments (the wa filter and the ordering), so each shape is a fixed statement.
#include "domain/repairs/repair_list.hpp"

#include <algorithm>

#include "core/clock.hpp"
#include "core/strings.hpp"
#include "db/database.hpp"

namespace repairs {

namespace {
constexpr const char* kHasPhone = "(r.customer_phone IS NOT NULL AND r.customer_phone <> '')";
constexpr const char* kLoggedForCurrentStatus =
    "EXISTS (SELECT 1 FROM repair_whatsapp_logs l WHERE l.repair_id = r.id AND l.notified_status = r.status)";
// q matches code, name or phone digits. '!' escapes LIKE wildcards typed by the user (same in both dialects).
constexpr const char* kSearch =
    " WHERE (:q_empty = 1 OR r.code LIKE :q_code ESCAPE '!' OR r.customer_name LIKE :q_name ESCAPE '!' "
    "OR (:has_digits = 1 AND r.customer_phone LIKE :q_phone ESCAPE '!'))";

std::string like_pattern(const std::string& text) {
  std::string escaped;
  for (char c : text) {
    if (c == '!' || c == '%' || c == '_') escaped += '!';
    escaped += c;
  }
  return "%" + escaped + "%";
}

std::string wa_clause(const std::string& wa) {
  if (wa == "pending") return std::string(" AND ") + kHasPhone + " AND NOT " + kLoggedForCurrentStatus;
  if (wa == "sent") return std::string(" AND ") + kHasPhone + " AND " + kLoggedForCurrentStatus;
  if (wa == "no_phone") return " AND (r.customer_phone IS NULL OR r.customer_phone = '')";
  return "";
}

struct SearchBinds {
  int q_empty = 1, has_digits = 0;
  std::string code, name, phone;
};

SearchBinds search_binds(const std::string& q) {
  SearchBinds binds;
  if (q.empty()) return binds;
  binds.q_empty = 0;
  binds.code = binds.name = like_pattern(q);
  std::string digits = core::digits_only(q);
  binds.has_digits = digits.empty() ? 0 : 1;
  binds.phone = like_pattern(digits);
  return binds;
}
}  // namespace

RepairListPage list_repairs(db::Database& database, const RepairListFilters& filters) {
  auto sql = database.lease();
  RepairListPage page;
  SearchBinds s = search_binds(filters.q);
  std::string where = std::string(kSearch) + wa_clause(filters.wa);

  // Counters: q + wa, every status.
  {
    std::string key;
    long long count = 0;
    soci::statement counts =
        (sql->prepare << "SELECT r.status, COUNT(*) FROM repairs r" + where + " GROUP BY r.status",
         soci::use(s.q_empty), soci::use(s.code), soci::use(s.name), soci::use(s.has_digits), soci::use(s.phone),
         soci::into(key), soci::into(count));
    counts.execute();
    while (counts.fetch()) {
      auto status = parse_status(key);
      if (!status) continue;
      for (std::size_t i = 0; i < kAllRepairStatuses.size(); ++i)
        if (kAllRepairStatuses[i] == *status) page.status_counts[i] = count;
    }
    for (auto count_of_status : page.status_counts) page.total_count += count_of_status;
  }

  std::string status_key_filter = filters.status ? std::string(status_key(*filters.status)) : std::string();
  std::string filtered = where + " AND (:status_empty = 1 OR r.status = :status)";
  int status_empty = filters.status ? 0 : 1;
  *sql << "SELECT COUNT(*) FROM repairs r" + filtered, soci::use(s.q_empty), soci::use(s.code), soci::use(s.name),
      soci::use(s.has_digits), soci::use(s.phone), soci::use(status_empty), soci::use(status_key_filter),
      soci::into(page.matching);

  page.last_page = std::max<int>(1, static_cast<int>((page.matching + kRepairsPerPage - 1) / kRepairsPerPage));
  page.page = std::clamp(filters.page, 1, page.last_page);
  bool oldest_first = filters.status && !is_final(*filters.status);
  std::string order = oldest_first ? " ORDER BY COALESCE(r.received_at, r.created_at) ASC, r.created_at ASC, r.id ASC"
                                   : " ORDER BY r.created_at DESC, r.id DESC";
  std::string limit = " LIMIT " + std::to_string(kRepairsPerPage) + " OFFSET " +
                      std::to_string(static_cast<long long>(page.page - 1) * kRepairsPerPage);

  RepairListRow row;
  std::string code, phone, brand, model, received, created, notified_at;
  soci::indicator code_ind, phone_ind, brand_ind, model_ind, received_ind, created_ind, final_ind, notified_ind;
  long long final_price = 0;
  soci::statement rows =
      (sql->prepare << "SELECT r.id, r.code, r.customer_name, r.customer_phone, r.device_brand, r.device_model, "
                       "r.status, r.final_price, r.received_at, r.created_at, (SELECT MAX(l.sent_at) FROM "
                       "repair_whatsapp_logs l WHERE l.repair_id = r.id AND l.notified_status = r.status) "
                       "FROM repairs r" +
                           filtered + order + limit,
       soci::use(s.q_empty), soci::use(s.code), soci::use(s.name), soci::use(s.has_digits), soci::use(s.phone),
       soci::use(status_empty), soci::use(status_key_filter), soci::into(row.id), soci::into(code, code_ind),
       soci::into(row.customer_name), soci::into(phone, phone_ind), soci::into(brand, brand_ind),
       soci::into(model, model_ind), soci::into(row.status_key), soci::into(final_price, final_ind),
       soci::into(received, received_ind), soci::into(created, created_ind), soci::into(notified_at, notified_ind));
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
