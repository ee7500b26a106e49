// Server-side intake quote (see repair_quote.hpp). Bridges to the catalog's pricing rules.
#include "domain/repairs/repair_quote.hpp"

namespace repairs {

QuoteSnapshot quote_for_intake(db::Database& database, const RepairFormValues& values) {
  (void)database;
  (void)values;
  return {};  // wired to catalog::suggest_quote once src/domain/catalog/pricing.hpp is on main
}

}  // namespace repairs
