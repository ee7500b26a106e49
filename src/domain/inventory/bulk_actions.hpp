// Bulk actions on products (`admin.products.bulk`, docs/domain/store.md "Back office: categories and products"):
// one transaction per request (the caller's db::Tx), so an error leaves nothing half-applied. Ids that are not
// numbers or not existing products are counted as skipped, the valid ones are applied.
//
// action        extra input            effect on each existing product
// activate      —                      active = 1
// deactivate    —                      active = 0
// feature       —                      featured = 1
// unfeature     —                      featured = 0
// stock_zero    —                      stock = 0   (the stock actions write one ledger movement per product)
// set_stock     stock (int ≥ 0)        stock = N
// stock_adjust  stock (signed int)     stock += N; refused for all when any would go below 0
// set_category  category_id (exists)   category_id = C
// delete        —                      deleted unless order items reference it (those are skipped)
#pragma once

#include <optional>
#include <string>
#include <vector>

namespace db {
class Database;
class Tx;
}

namespace inventory {

struct BulkRequest {
  std::string action;
  std::vector<std::string> ids;  // as posted (`ids[]`)
  std::string stock;             // set_stock / stock_adjust
  std::string category_id;       // set_category
  std::optional<long long> user_id;  // who, for the stock ledger's movements
};

struct BulkResult {
  int status = 200;                      // 200, or 422 when nothing was done
  bool ok = true;
  long long affected = 0;                // products the action was applied to
  long long skipped = 0;                 // ids that were invalid, missing or (delete) have orders
  std::string message;                   // Spanish, shown as a toast
  std::vector<std::string> removed_images;  // delete: image paths of deleted rows, for the caller to remove
};

BulkResult apply_bulk_action(db::Tx& tx, const BulkRequest& request);

}  // namespace inventory
