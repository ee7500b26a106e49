// After-commit actions of a new order (see order_placed.hpp). The orders area adds the confirmation email here.
#include "domain/store/order_placed.hpp"

namespace store {

void after_order_placed(db::Database& database, long long order_id) {
  (void)database;
  (void)order_id;
}

}  // namespace store
