// Stock movements list (see movement_list.hpp).
#include "domain/inventory/movement_list.hpp"

#include <soci/soci.h>

#include <algorithm>

#include "core/strings.hpp"
#include "db/database.hpp"
#include "db/row_values.hpp"
#include "domain/insights/calendar.hpp"
#include "domain/inventory/stock_ledger.hpp"

namespace inventory {

using db::row_int;
using db::row_str;

namespace {

struct Where {
  std::string sql = " WHERE 1 = 1";
  std::string like, reason, from, to;
};

template <typename Statement>
void bind(Statement& statement, Where& where) {
  if (!where.like.empty()) statement, soci::use(where.like, "l1"), soci::use(where.like, "l2"), soci::use(where.like, "l3");
  if (!where.reason.empty()) statement, soci::use(where.reason, "reason");
  if (!where.from.empty()) statement, soci::use(where.from, "from");
  if (!where.to.empty()) statement, soci::use(where.to, "to");
}

}  // namespace

MovementPage list_movements(db::Database& database, const MovementFilters& filters, long long per_page) {
  Where where;
  const std::string ci = db::like_ci(database.dialect());
  if (filters.product_id > 0) where.sql += " AND m.product_id = " + std::to_string(filters.product_id);
  if (std::string text = core::trim(filters.product); !text.empty()) {
    where.like = "%" + text + "%";
    where.sql += " AND (p.name" + ci + ":l1 OR p.sku" + ci + ":l2 OR p.barcode" + ci + ":l3)";
  }
  if (parse_reason(filters.reason)) {
    where.reason = filters.reason;
    where.sql += " AND m.reason = :reason";
  }
  if (auto from = insights::local_day_start_utc(filters.from)) {
    where.from = *from;
    where.sql += " AND m.created_at >= :from";
  }
  if (auto to = insights::local_day_end_utc(filters.to)) {
    where.to = *to;
    where.sql += " AND m.created_at < :to";
  }
  const std::string from = " FROM stock_movements m JOIN products p ON p.id = m.product_id LEFT JOIN users u ON u.id = m.user_id";
  auto sql = database.lease();
  MovementPage page;
  {
    soci::details::once_temp_type count = (*sql << "SELECT COUNT(*)" + from + where.sql);
    bind(count, where);
    count, soci::into(page.total);
  }
  page.pages = std::max<long long>(1, (page.total + per_page - 1) / per_page);
  page.page = std::clamp<long long>(filters.page, 1, page.pages);
  std::string query = "SELECT m.id, m.product_id, p.name, m.delta, m.stock_after, m.reason, m.reference_type, "
                      "m.reference_id, u.name, m.note, m.created_at" + from + where.sql + " ORDER BY m.id DESC LIMIT " +
                      std::to_string(per_page) + " OFFSET " + std::to_string((page.page - 1) * per_page);
  soci::details::prepare_temp_type prepare = (sql->prepare << query);
  bind(prepare, where);
  soci::rowset<soci::row> rows = prepare;
  for (const auto& row : rows) {
    Movement movement;
    movement.id = row_int(row, 0);
    movement.product_id = row_int(row, 1);
    movement.product_name = row_str(row, 2);
    movement.delta = row_int(row, 3);
    movement.stock_after = row_int(row, 4);
    movement.reason = row_str(row, 5);
    movement.reference_type = row_str(row, 6);
    movement.reference_id = row_int(row, 7);
    movement.user_name = row_str(row, 8);
    movement.note = row_str(row, 9);
    movement.created_at = row_str(row, 10);
    page.items.push_back(std::move(movement));
  }
  return page;
}

}  // namespace inventory
