// Back-office user queries and role changes (see users_admin.hpp).
#include "domain/users_admin/users_admin.hpp"

#include <algorithm>

#include "core/clock.hpp"
#include "core/phone.hpp"
#include "core/strings.hpp"
#include "db/database.hpp"
#include "db/unit_of_work.hpp"
#include "db/row_values.hpp"

namespace users_admin {

using db::row_int;
using db::row_str;

namespace {

constexpr const char* kSelectUsers =
    "SELECT u.id, u.name, u.last_name, u.email, u.phone, u.role, u.created_at, "
    "(SELECT COUNT(*) FROM orders o WHERE o.user_id = u.id), "
    "(SELECT COUNT(*) FROM repairs r WHERE r.user_id = u.id) FROM users u ";

UserSummary user_from(const soci::row& row) {
  UserSummary user;
  user.id = row_int(row, 0);
  user.name = row_str(row, 1);
  user.last_name = row_str(row, 2);
  user.email = row_str(row, 3);
  user.phone = row_str(row, 4);
  user.role = row_str(row, 5);
  user.created_at = row_str(row, 6);
  user.orders_count = row_int(row, 7);
  user.repairs_count = row_int(row, 8);
  return user;
}

}  // namespace

UserPage list_users(db::Database& database, const UserFilters& filters, long long per_page) {
  std::string q = core::trim(filters.q);
  std::string digits = core::phone::search_digits(q);
  std::string like = "%" + q + "%", digits_like = "%" + digits + "%";
  std::string where = "WHERE 1 = 1";
  if (!q.empty()) {
    const std::string ci = db::like_ci(database.dialect());
    where += " AND (u.name" + ci + ":q1 OR u.last_name" + ci + ":q2 OR u.email" + ci + ":q3";
    // Phones are stored as E.164 (older rows as typed): compare digits with the separators removed.
    if (!digits.empty())
      where += " OR REPLACE(REPLACE(REPLACE(REPLACE(REPLACE(COALESCE(u.phone, ''), ' ', ''), '-', ''), '+', ''), "
               "'(', ''), ')', '') LIKE :q4";
    where += ")";
  }
  if (filters.role == "user" || filters.role == "admin") where += " AND u.role = '" + filters.role + "'";

  auto sql = database.lease();
  UserPage page;
  *sql << "SELECT COUNT(*) FROM users WHERE role = 'admin'", soci::into(page.admins);
  *sql << "SELECT COUNT(*) FROM users WHERE role <> 'admin'", soci::into(page.users);
  auto run = [&](const std::string& query, auto&& consume) {
    if (q.empty()) {
      soci::rowset<soci::row> rows = (sql->prepare << query);
      for (const auto& row : rows) consume(row);
    } else if (digits.empty()) {
      soci::rowset<soci::row> rows =
          (sql->prepare << query, soci::use(like, "q1"), soci::use(like, "q2"), soci::use(like, "q3"));
      for (const auto& row : rows) consume(row);
    } else {
      soci::rowset<soci::row> rows = (sql->prepare << query, soci::use(like, "q1"), soci::use(like, "q2"),
                                      soci::use(like, "q3"), soci::use(digits_like, "q4"));
      for (const auto& row : rows) consume(row);
    }
  };
  run("SELECT COUNT(*) FROM users u " + where, [&](const soci::row& row) { page.total = row_int(row, 0); });
  page.pages = std::max<long long>(1, (page.total + per_page - 1) / per_page);
  page.page = std::clamp<long long>(filters.page, 1, page.pages);
  run(std::string(kSelectUsers) + where + " ORDER BY u.created_at DESC, u.id DESC LIMIT " + std::to_string(per_page) +
          " OFFSET " + std::to_string((page.page - 1) * per_page),
      [&](const soci::row& row) { page.items.push_back(user_from(row)); });
  return page;
}

std::optional<UserSummary> find_user(db::Database& database, long long id) {
  auto sql = database.lease();
  soci::rowset<soci::row> rows = (sql->prepare << std::string(kSelectUsers) + "WHERE u.id = :id", soci::use(id));
  for (const auto& row : rows) return user_from(row);
  return std::nullopt;
}

std::vector<UserOrder> orders_of(db::Database& database, long long user_id, int limit) {
  auto sql = database.lease();
  std::vector<UserOrder> orders;
  soci::rowset<soci::row> rows =
      (sql->prepare << "SELECT id, status, total, created_at FROM orders WHERE user_id = :id "
                       "ORDER BY created_at DESC, id DESC LIMIT " + std::to_string(limit),
       soci::use(user_id));
  for (const auto& row : rows) orders.push_back({row_int(row, 0), row_str(row, 1), row_int(row, 2), row_str(row, 3)});
  return orders;
}

std::vector<UserRepair> repairs_of(db::Database& database, long long user_id, int limit) {
  auto sql = database.lease();
  std::vector<UserRepair> repairs;
  soci::rowset<soci::row> rows =
      (sql->prepare << "SELECT id, code, device_brand, device_model, status, created_at FROM repairs WHERE user_id = :id "
                       "ORDER BY created_at DESC, id DESC LIMIT " + std::to_string(limit),
       soci::use(user_id));
  for (const auto& row : rows) {
    std::string device = core::trim(row_str(row, 2) + " " + row_str(row, 3));
    repairs.push_back({row_int(row, 0), row_str(row, 1), device, row_str(row, 4), row_str(row, 5)});
  }
  return repairs;
}

RoleChange change_user_role(db::Tx& tx, long long user_id, const std::string& to_role, long long actor_id) {
  RoleChange change;
  change.to_role = to_role;
  soci::session* sql = &tx.sql();
  // MariaDB/PostgreSQL: lock the target and every admin row so a concurrent demotion waits for this one to finish and
  // then sees the new count (SQLite's BEGIN IMMEDIATE already serialises writers).
  std::string lock = db::for_update(tx.dialect());
  std::string from;
  *sql << "SELECT role FROM users WHERE id = :id" + lock, soci::use(user_id), soci::into(from);
  if (!sql->got_data()) return change;
  change.from_role = from;
  if (to_role != "user" && to_role != "admin") {
    change.outcome = RoleChangeOutcome::kInvalidRole;
    return change;
  }
  if (from == to_role) {
    change.outcome = RoleChangeOutcome::kUnchanged;
    return change;
  }
  if (from == "admin") {
    if (user_id == actor_id) {
      change.outcome = RoleChangeOutcome::kSelfDemotion;
      return change;
    }
    long long admins = 0;
    soci::rowset<soci::row> rows = (sql->prepare << "SELECT id FROM users WHERE role = 'admin'" + lock);
    for (const auto& row : rows) {
      (void)row;
      ++admins;
    }
    if (admins <= 1) {
      change.outcome = RoleChangeOutcome::kLastAdmin;
      return change;
    }
  }
  std::string now = core::utc_now_sql();
  *sql << "UPDATE users SET role = :role, updated_at = :u WHERE id = :id", soci::use(to_role), soci::use(now),
      soci::use(user_id);
  change.outcome = RoleChangeOutcome::kChanged;
  return change;
}

std::string role_change_message(RoleChangeOutcome outcome) {
  switch (outcome) {
    case RoleChangeOutcome::kUnchanged: return "El usuario ya tenía ese rol.";
    case RoleChangeOutcome::kSelfDemotion: return "No podés quitarte permisos de admin a vos mismo.";
    case RoleChangeOutcome::kLastAdmin: return "No podés quitar el rol al último admin del sistema.";
    case RoleChangeOutcome::kInvalidRole: return "Elegí un rol válido: User o Admin.";
    case RoleChangeOutcome::kNotFound: return "No encontramos ese usuario.";
    case RoleChangeOutcome::kChanged: return "";
  }
  return "";
}

}  // namespace users_admin
