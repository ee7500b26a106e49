// Order reads for the customer area, the admin list and detail (see order_queries.hpp).
//
// The admin filters compose one WHERE clause from three independent parts (status, q, wa) so each counter can
// leave out exactly the filter it breaks down: status tabs ignore `status`, WhatsApp tabs ignore `wa`.
//   has phone  = pickup_phone non-empty OR the buyer's phone non-empty ('' and NULL both mean "no phone")
//   notified   = a order_whatsapp_logs row exists with notified_status = the order's current status
//   wa=pending = has phone AND NOT notified; wa=sent = has phone AND notified; wa=no_phone = NOT has phone
#include "domain/orders/order_queries.hpp"

#include <algorithm>
#include <cctype>
#include <deque>
#include <utility>

#include "core/phone.hpp"
#include "core/strings.hpp"
#include "db/database.hpp"
#include "db/like.hpp"

namespace orders {

namespace {

constexpr int kCustomerPerPage = 10;
constexpr int kAdminPerPage = 20;

constexpr const char* kOrderColumns =
    "o.id, o.user_id, o.status, o.payment_method, o.total, o.pickup_name, o.pickup_phone, o.pickup_delegate_name, "
    "o.pickup_delegate_phone, o.notes, o.created_at, o.stock_restored_at, u.name, u.email, u.phone, "
    "CASE WHEN EXISTS (SELECT 1 FROM order_whatsapp_logs l WHERE l.order_id = o.id AND l.notified_status = o.status) "
    "THEN 1 ELSE 0 END";
constexpr const char* kFrom = " FROM orders o JOIN users u ON u.id = o.user_id";
constexpr const char* kHasPhone = "(COALESCE(o.pickup_phone, '') <> '' OR COALESCE(u.phone, '') <> '')";
constexpr const char* kNotified =
    "EXISTS (SELECT 1 FROM order_whatsapp_logs l WHERE l.order_id = o.id AND l.notified_status = o.status)";

// Named parameters collected while a WHERE clause is built, bound by name when the statement runs. Deques keep
// the addresses SOCI holds stable.
struct Params {
  std::deque<std::pair<std::string, std::string>> texts;
  std::deque<std::pair<std::string, long long>> numbers;
  std::string text(std::string value) {
    std::string name = "p" + std::to_string(texts.size() + numbers.size());
    texts.emplace_back(name, std::move(value));
    return ":" + name;
  }
  std::string number(long long value) {
    std::string name = "p" + std::to_string(texts.size() + numbers.size());
    numbers.emplace_back(name, value);
    return ":" + name;
  }
  void bind(soci::statement& statement) {
    for (auto& [name, value] : texts) statement.exchange(soci::use(value, name));
    for (auto& [name, value] : numbers) statement.exchange(soci::use(value, name));
  }
};

bool all_digits(const std::string& text) {
  return !text.empty() && std::all_of(text.begin(), text.end(), [](unsigned char c) { return std::isdigit(c); });
}

// One row of kOrderColumns.
struct OrderRow {
  Order order;
  std::string pickup_name, pickup_phone, delegate_name, delegate_phone, notes, created_at, restored_at, user_phone;
  soci::indicator pickup_name_ind = soci::i_null, pickup_phone_ind = soci::i_null, delegate_name_ind = soci::i_null,
                  delegate_phone_ind = soci::i_null, notes_ind = soci::i_null, created_ind = soci::i_null,
                  restored_ind = soci::i_null, user_phone_ind = soci::i_null;
  int notified = 0;

  void bind(soci::statement& statement) {
    statement.exchange(soci::into(order.id));
    statement.exchange(soci::into(order.user_id));
    statement.exchange(soci::into(order.status_key));
    statement.exchange(soci::into(order.payment_method));
    statement.exchange(soci::into(order.total));
    statement.exchange(soci::into(pickup_name, pickup_name_ind));
    statement.exchange(soci::into(pickup_phone, pickup_phone_ind));
    statement.exchange(soci::into(delegate_name, delegate_name_ind));
    statement.exchange(soci::into(delegate_phone, delegate_phone_ind));
    statement.exchange(soci::into(notes, notes_ind));
    statement.exchange(soci::into(created_at, created_ind));
    statement.exchange(soci::into(restored_at, restored_ind));
    statement.exchange(soci::into(order.user_name));
    statement.exchange(soci::into(order.user_email));
    statement.exchange(soci::into(user_phone, user_phone_ind));
    statement.exchange(soci::into(notified));
  }

  Order take() const {
    Order result = order;
    auto value = [](const std::string& text, soci::indicator ind) { return ind == soci::i_ok ? text : std::string(); };
    result.status = parse_status(result.status_key);
    result.pickup_name = value(pickup_name, pickup_name_ind);
    result.pickup_phone = value(pickup_phone, pickup_phone_ind);
    result.pickup_delegate_name = value(delegate_name, delegate_name_ind);
    result.pickup_delegate_phone = value(delegate_phone, delegate_phone_ind);
    result.notes = value(notes, notes_ind);
    result.created_at = value(created_at, created_ind);
    result.stock_restored_at = value(restored_at, restored_ind);
    result.user_phone = value(user_phone, user_phone_ind);
    result.wa_notified_current = notified != 0;
    return result;
  }
};

std::vector<Order> select_orders(soci::session& sql, const std::string& query, Params& params) {
  std::vector<Order> result;
  OrderRow row;
  soci::statement statement(sql);
  params.bind(statement);
  row.bind(statement);
  statement.alloc();
  statement.prepare(query);
  statement.define_and_bind();
  statement.execute();
  while (statement.fetch()) result.push_back(row.take());
  return result;
}

long long count_of(soci::session& sql, const std::string& query, Params& params) {
  long long count = 0;
  soci::statement statement(sql);
  params.bind(statement);
  statement.exchange(soci::into(count));
  statement.alloc();
  statement.prepare(query);
  statement.define_and_bind();
  statement.execute(true);
  return count;
}

// Fills `items` of every order (one query for the whole page).
void load_items(soci::session& sql, std::vector<Order>& orders) {
  if (orders.empty()) return;
  std::string ids;
  for (const auto& order : orders) ids += (ids.empty() ? "" : ",") + std::to_string(order.id);
  long long order_id = 0;
  OrderItem item;
  soci::statement statement =
      (sql.prepare << "SELECT order_id, product_id, product_name, price, quantity, subtotal FROM order_items "
                      "WHERE order_id IN (" + ids + ") ORDER BY order_id, id",
       soci::into(order_id), soci::into(item.product_id), soci::into(item.product_name), soci::into(item.price),
       soci::into(item.quantity), soci::into(item.subtotal));
  statement.execute();
  while (statement.fetch())
    for (auto& order : orders)
      if (order.id == order_id) order.items.push_back(item);
}

void clamp_page(Page& page, int requested) { page.number = std::clamp(requested, 1, page.last()); }

std::string join_and(const std::vector<std::string>& conditions) {
  std::string where;
  for (const auto& condition : conditions) where += (where.empty() ? " WHERE " : " AND ") + condition;
  return where;
}

// The admin search: order number, pickup name, payment method, phone digits, buyer name or e-mail. Every
// placeholder is used once (SOCI binds a repeated name only at its first occurrence).
std::string admin_search_condition(const std::string& q, Params& params, db::Dialect dialect) {
  const std::string like = db::like_ci(dialect);
  std::string pattern = db::like_contains(q);
  std::string condition = "(o.pickup_name" + like + params.text(pattern) + " ESCAPE '!' OR o.payment_method" + like +
                          params.text(pattern) + " ESCAPE '!' OR u.name" + like + params.text(pattern) +
                          " ESCAPE '!' OR u.email" + like + params.text(pattern) + " ESCAPE '!'";
  if (all_digits(q) && q.size() <= 18) condition += " OR o.id = " + params.number(std::stoll(q));
  std::string digits = core::phone::search_digits(q);
  if (!digits.empty()) condition += " OR o.pickup_phone LIKE " + params.text(db::like_contains(digits)) + " ESCAPE '!'";
  return condition + ")";
}

std::string wa_condition(const std::string& wa) {
  if (wa == "pending") return std::string("(") + kHasPhone + " AND NOT " + kNotified + ")";
  if (wa == "sent") return std::string("(") + kHasPhone + " AND " + kNotified + ")";
  if (wa == "no_phone") return std::string("NOT ") + kHasPhone;
  return {};
}

}  // namespace

std::string Order::customer_name() const { return pickup_name.empty() ? user_name : pickup_name; }

std::string Order::contact_phone() const { return pickup_phone.empty() ? user_phone : pickup_phone; }

long long Order::items_count() const {
  long long count = 0;
  for (const auto& item : items) count += item.quantity;
  return count;
}

std::optional<Order> find_order(db::Database& database, long long order_id) {
  auto sql = database.lease();
  Params params;
  auto orders = select_orders(
      *sql, std::string("SELECT ") + kOrderColumns + kFrom + " WHERE o.id = " + params.number(order_id), params);
  if (orders.empty()) return std::nullopt;
  load_items(*sql, orders);
  return orders.front();
}

std::vector<StatusHistoryEntry> order_status_history(db::Database& database, long long order_id) {
  std::vector<StatusHistoryEntry> history;
  auto sql = database.lease();
  StatusHistoryEntry row;
  soci::indicator from_ind = soci::i_null, name_ind = soci::i_null, comment_ind = soci::i_null;
  soci::statement statement =
      (sql->prepare << "SELECT h.from_status, h.to_status, h.changed_at, u.name, h.comment FROM order_status_histories h "
                       "LEFT JOIN users u ON u.id = h.changed_by WHERE h.order_id = :id ORDER BY h.changed_at DESC, h.id DESC",
       soci::use(order_id), soci::into(row.from_status, from_ind), soci::into(row.to_status), soci::into(row.changed_at),
       soci::into(row.changed_by_name, name_ind), soci::into(row.comment, comment_ind));
  statement.execute();
  while (statement.fetch()) {
    StatusHistoryEntry entry = row;
    if (from_ind != soci::i_ok) entry.from_status.clear();
    if (name_ind != soci::i_ok) entry.changed_by_name.clear();
    if (comment_ind != soci::i_ok) entry.comment.clear();
    history.push_back(std::move(entry));
  }
  return history;
}

CustomerOrderList customer_orders(db::Database& database, long long user_id, bool history, const std::string& raw_q,
                                  int page) {
  auto sql = database.lease();
  Params params;
  std::vector<std::string> conditions = {"o.user_id = " + params.number(user_id),
                                         std::string(history ? "" : "NOT ") +
                                             "o.status IN ('entregado', 'cancelado')"};
  std::string q = core::trim(raw_q);
  if (!q.empty()) {
    std::string condition = std::string("(o.pickup_name") + db::like_ci(database.dialect()) + params.text(db::like_contains(q)) + " ESCAPE '!'";
    if (all_digits(q) && q.size() <= 18) condition += " OR o.id = " + params.number(std::stoll(q));
    std::string digits = core::phone::search_digits(q);
    if (!digits.empty()) condition += " OR o.pickup_phone LIKE " + params.text(db::like_contains(digits)) + " ESCAPE '!'";
    conditions.push_back(condition + ")");
  }
  std::string where = join_and(conditions);

  CustomerOrderList list;
  list.page.per_page = kCustomerPerPage;
  list.page.total = count_of(*sql, std::string("SELECT COUNT(*)") + kFrom + where, params);
  clamp_page(list.page, page);
  std::string query = std::string("SELECT ") + kOrderColumns + kFrom + where +
                      " ORDER BY o.created_at DESC, o.id DESC LIMIT " + std::to_string(kCustomerPerPage) +
                      " OFFSET " + std::to_string((list.page.number - 1) * kCustomerPerPage);
  list.orders = select_orders(*sql, query, params);
  load_items(*sql, list.orders);
  return list;
}

AdminOrderList admin_orders(db::Database& database, const AdminOrderFilter& filter) {
  auto sql = database.lease();
  std::string q = core::trim(filter.q);
  // WHERE with the chosen filters and a fresh parameter set (one per statement: each binds exactly its own).
  auto where_of = [&](bool with_status, bool with_q, bool with_wa, Params& params) {
    std::vector<std::string> conditions;
    if (with_status && !filter.status.empty()) conditions.push_back("o.status = " + params.text(filter.status));
    if (with_q && !q.empty()) conditions.push_back(admin_search_condition(q, params, database.dialect()));
    if (with_wa && !filter.wa.empty()) conditions.push_back(wa_condition(filter.wa));
    return join_and(conditions);
  };

  AdminOrderList list;
  list.page.per_page = kAdminPerPage;
  {
    Params params;
    list.page.total = count_of(*sql, std::string("SELECT COUNT(*)") + kFrom + where_of(true, true, true, params), params);
  }
  clamp_page(list.page, filter.page);
  std::string order_by = filter.status == "pendiente" ? " ORDER BY o.created_at ASC, o.id ASC"
                                                      : " ORDER BY o.created_at DESC, o.id DESC";
  {
    Params params;
    std::string where = where_of(true, true, true, params);
    list.orders = select_orders(*sql,
                                std::string("SELECT ") + kOrderColumns + kFrom + where + order_by + " LIMIT " +
                                    std::to_string(kAdminPerPage) + " OFFSET " +
                                    std::to_string((list.page.number - 1) * kAdminPerPage),
                                params);
  }
  load_items(*sql, list.orders);

  {  // status tabs: q + wa, every status
    Params params;
    std::string where = where_of(false, true, true, params);
    std::string status_key;
    long long count = 0;
    soci::statement statement(*sql);
    params.bind(statement);
    statement.exchange(soci::into(status_key));
    statement.exchange(soci::into(count));
    statement.alloc();
    statement.prepare(std::string("SELECT o.status, COUNT(*)") + kFrom + where + " GROUP BY o.status");
    statement.define_and_bind();
    statement.execute();
    while (statement.fetch()) {
      list.status_counts[status_key] = count;
      list.total_count += count;
    }
  }
  {  // WhatsApp tabs: status + q, every WhatsApp state
    Params params;
    std::string where = where_of(true, true, false, params);
    soci::statement statement(*sql);
    params.bind(statement);
    statement.exchange(soci::into(list.wa_all));
    statement.exchange(soci::into(list.wa_pending));
    statement.exchange(soci::into(list.wa_sent));
    statement.exchange(soci::into(list.wa_no_phone));
    statement.alloc();
    statement.prepare(std::string("SELECT COUNT(*), COALESCE(SUM(CASE WHEN ") + wa_condition("pending") +
                      " THEN 1 ELSE 0 END), 0), COALESCE(SUM(CASE WHEN " + wa_condition("sent") +
                      " THEN 1 ELSE 0 END), 0), COALESCE(SUM(CASE WHEN " + wa_condition("no_phone") +
                      " THEN 1 ELSE 0 END), 0)" + kFrom + where);
    statement.define_and_bind();
    statement.execute(true);
  }
  return list;
}

}  // namespace orders
