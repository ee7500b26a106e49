// The stock ledger as the back office reads it (/admin/stock): movements newest first, filtered by product (id or
// name/SKU/barcode text), reason and local date range, paginated. Blocking SQL: worker threads only.
#pragma once

#include <string>
#include <vector>

namespace db {
class Database;
}

namespace inventory {

struct Movement {
  long long id = 0, product_id = 0, delta = 0, stock_after = 0, reference_id = 0;
  std::string product_name, reason, reference_type, user_name, note, created_at;
};

struct MovementFilters {
  long long product_id = 0;  // 0 = any
  std::string product;       // name, SKU or barcode contains ("" = any)
  std::string reason;        // a reason key, "" = any
  std::string from, to;      // local dates "YYYY-MM-DD", "" = open
  long long page = 1;
};

struct MovementPage {
  std::vector<Movement> items;
  long long total = 0, page = 1, pages = 1;
};

MovementPage list_movements(db::Database& database, const MovementFilters& filters, long long per_page = 50);

}  // namespace inventory
