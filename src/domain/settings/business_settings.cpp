// Business settings reads and writes (see business_settings.hpp).
#include "domain/settings/business_settings.hpp"

#include <soci/soci.h>

#include "core/clock.hpp"
#include "core/strings.hpp"
#include "db/database.hpp"
#include "db/unit_of_work.hpp"

namespace settings {

BusinessSettings BusinessSettings::load(db::Database& database) {
  return db::read(database, [](soci::session& sql) { return load(sql); });
}

BusinessSettings BusinessSettings::load(soci::session& sql) {
  BusinessSettings result;
  soci::rowset<soci::row> rows = (sql.prepare << "SELECT \"key\", value FROM business_settings");
  for (const auto& row : rows) {
    std::string value = row.get_indicator(1) == soci::i_null ? "" : row.get<std::string>(1);
    result.values_[row.get<std::string>(0)] = value;
  }
  return result;
}

std::string BusinessSettings::get(const std::string& key, const std::string& fallback) const {
  auto found = values_.find(key);
  if (found == values_.end() || core::trim(found->second).empty()) return fallback;
  return found->second;
}

std::string BusinessSettings::raw(const std::string& key) const {
  auto found = values_.find(key);
  return found == values_.end() ? std::string() : found->second;
}

void BusinessSettings::remove(db::Tx& tx, const std::string& key) {
  tx.sql() << "DELETE FROM business_settings WHERE \"key\" = :k", soci::use(key);
}

void BusinessSettings::put(db::Tx& tx, const std::string& key, const std::string& value, long long updated_by) {
  soci::session* sql = &tx.sql();
  std::string now = core::utc_now_sql();
  soci::indicator by_indicator = updated_by > 0 ? soci::i_ok : soci::i_null;
  // Look first, then update or insert: MariaDB reports 0 affected rows for an UPDATE that changes nothing.
  long long id = 0;
  soci::indicator found = soci::i_null;
  *sql << "SELECT id FROM business_settings WHERE \"key\" = :k", soci::use(key), soci::into(id, found);
  if (sql->got_data() && found == soci::i_ok) {
    *sql << "UPDATE business_settings SET value = :v, updated_by = :b, updated_at = :u WHERE id = :id",
        soci::use(value), soci::use(updated_by, by_indicator), soci::use(now), soci::use(id);
  } else {
    *sql << "INSERT INTO business_settings (\"key\", value, updated_by, created_at, updated_at) "
            "VALUES (:k, :v, :b, :c, :u)",
        soci::use(key), soci::use(value), soci::use(updated_by, by_indicator), soci::use(now), soci::use(now);
  }
}

}  // namespace settings
