// Owns the data steps migrations can name (see data_migrations.hpp).
#include "db/data_migrations.hpp"

#include <soci/soci.h>

#include <stdexcept>
#include <string>
#include <utility>
#include <vector>

#include "core/phone.hpp"
#include "db/row_values.hpp"

namespace db {

namespace {

struct PhoneColumn {
  const char* table;
  const char* column;
  const char* extra_condition;  // "" or " AND …"
};

constexpr PhoneColumn kPhoneColumns[] = {
    {"users", "phone", ""},
    {"orders", "pickup_phone", ""},
    {"orders", "pickup_delegate_phone", ""},
    {"repairs", "customer_phone", ""},
    {"business_settings", "value", " AND \"key\" = 'shop_phone'"},
};

// Reads every non-empty value first, then updates the ones that change: one UPDATE per rewritten row, none for
// rows already canonical (so a second run writes nothing).
void phones_to_e164(soci::session& sql) {
  for (const auto& target : kPhoneColumns) {
    std::string column(target.column);
    std::vector<std::pair<long long, std::string>> changes;
    {
      soci::rowset<soci::row> rows = (sql.prepare << "SELECT id, " + column + " FROM " + target.table + " WHERE " +
                                                         column + " IS NOT NULL AND " + column + " <> ''" +
                                                         target.extra_condition);
      for (const auto& row : rows) {
        std::string value = row_str(row, 1);
        std::string stored = core::phone::stored_form(value);
        if (stored != value) changes.emplace_back(row_int(row, 0), std::move(stored));
      }
    }
    for (auto& [id, stored] : changes)
      sql << "UPDATE " + std::string(target.table) + " SET " + column + " = :value WHERE id = :id",
          soci::use(stored), soci::use(id);
  }
}

}  // namespace

void run_data_step(std::string_view name, soci::session& sql) {
  if (name == "phones_to_e164") return phones_to_e164(sql);
  throw std::runtime_error("unknown data step \"" + std::string(name) + "\"");
}

}  // namespace db
