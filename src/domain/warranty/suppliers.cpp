// Supplier rows for the warranty registry (see suppliers.hpp).
#include "domain/warranty/suppliers.hpp"

#include "core/clock.hpp"
#include "core/strings.hpp"
#include "db/row_values.hpp"
#include "db/unit_of_work.hpp"

namespace warranty {

using db::row_int;
using db::row_str;

namespace {

constexpr const char* kSelect = "SELECT id, name, contact, notes FROM suppliers ";

Supplier supplier_from(const soci::row& row) {
  return {row_int(row, 0), row_str(row, 1), row_str(row, 2), row_str(row, 3)};
}

}  // namespace

std::vector<Supplier> list_suppliers(db::Database& database) {
  return db::read(database, [](soci::session& sql) {
    std::vector<Supplier> suppliers;
    soci::rowset<soci::row> rows = (sql.prepare << std::string(kSelect) + "ORDER BY name, id");
    for (const auto& row : rows) suppliers.push_back(supplier_from(row));
    return suppliers;
  });
}

std::optional<Supplier> find_supplier(soci::session& sql, long long id) {
  soci::rowset<soci::row> rows = (sql.prepare << std::string(kSelect) + "WHERE id = :id", soci::use(id));
  for (const auto& row : rows) return supplier_from(row);
  return std::nullopt;
}

std::optional<Supplier> find_supplier_by_name(soci::session& sql, const std::string& name) {
  // LOWER on both sides: SQLite and PostgreSQL compare case-sensitively, MariaDB's collation already would not.
  std::string key = core::to_lower(core::trim(name));
  soci::rowset<soci::row> rows =
      (sql.prepare << std::string(kSelect) + "WHERE LOWER(name) = :name ORDER BY id", soci::use(key));
  for (const auto& row : rows) return supplier_from(row);
  return std::nullopt;
}

long long create_supplier(db::Tx& tx, const std::string& name, const std::string& contact) {
  std::string now = core::utc_now_sql();
  std::string contact_value = core::trim(contact);
  soci::indicator contact_null = contact_value.empty() ? soci::i_null : soci::i_ok;
  tx.sql() << "INSERT INTO suppliers (name, contact, created_at, updated_at) VALUES (:name, :contact, :c, :u)",
      soci::use(name), soci::use(contact_value, contact_null), soci::use(now), soci::use(now);
  return tx.last_insert_id("suppliers");
}

}  // namespace warranty
