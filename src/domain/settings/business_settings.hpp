// Business settings (docs/domain/store.md "Business settings and brand assets"): the shop's key/value data that pages,
// tickets and messages print (shop_phone, shop_address, shop_hours, company_name, brand_asset_<slot>…).
#pragma once

#include <map>
#include <optional>
#include <string>

namespace db {
class Database;
class Tx;
}
namespace soci {
class session;
}

namespace settings {

class BusinessSettings final {
 public:
  // Reads every row once; cheap enough per request (a handful of rows).
  static BusinessSettings load(db::Database& database);
  // Same, on the caller's connection (inside a unit of work).
  static BusinessSettings load(soci::session& sql);

  // The stored value when present and not blank, else `fallback`.
  std::string get(const std::string& key, const std::string& fallback = "") const;

  // Insert or update one key (updated_by may be 0 for "system"), in the caller's transaction.
  static void put(db::Tx& tx, const std::string& key, const std::string& value, long long updated_by);
  // Deletes the key (a brand asset reset), in the caller's transaction. No-op when absent.
  static void remove(db::Tx& tx, const std::string& key);
  // The stored value even when blank ("" when absent), for re-filling forms.
  std::string raw(const std::string& key) const;

 private:
  std::map<std::string, std::string> values_;
};

}  // namespace settings
