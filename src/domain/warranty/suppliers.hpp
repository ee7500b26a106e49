// Suppliers for the warranty registry (docs/domain/warranty.md "Suppliers"): a small table (name, contact, notes)
// that incidents point at, so losses can be summed per supplier. Names are unique ignoring letter case: the
// incident form links a typed name to the row that already has it instead of creating a twin.
// Blocking (SQL): worker threads only; SQL errors throw.
#pragma once

#include <optional>
#include <string>
#include <vector>

namespace soci {
class session;
}
namespace db {
class Database;
class Tx;
}

namespace warranty {

struct Supplier {
  long long id = 0;
  std::string name;
  std::string contact;  // "" when null
  std::string notes;    // "" when null
};

// Every supplier by name.
std::vector<Supplier> list_suppliers(db::Database& database);
std::optional<Supplier> find_supplier(soci::session& sql, long long id);
// The supplier whose name equals `name` ignoring ASCII letter case and surrounding blanks.
std::optional<Supplier> find_supplier_by_name(soci::session& sql, const std::string& name);
// Inserts a supplier (name already trimmed and checked unique by the caller) and returns its id.
long long create_supplier(db::Tx& tx, const std::string& name, const std::string& contact);

}  // namespace warranty
