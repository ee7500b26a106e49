// The benchmark data set's counter: walk-in sales (issue 21) and the stock ledger rows behind them. Generated after
// the catalog, with its own fixed-seed generator: the catalog's products get a cost (60 % of the price where none
// was set), every product with stock gets its ledger opened (opening_balance), and each counter sale writes its
// items and one counter_sale movement per item (a few are voided: sale_void movements give the units back), so for
// every product SUM(stock_movements.delta) equals its stock, as in production.
#pragma once

#include <functional>

namespace soci {
class session;
}

namespace bench {

struct CounterSeedReport {
  long long sales = 0, items = 0, movements = 0;
};

// `tick` is called once per sale (progress). Runs in the caller's transaction.
CounterSeedReport seed_counter_sales(soci::session& sql, int count, long long admin_id,
                                     const std::function<void()>& tick);

}  // namespace bench
