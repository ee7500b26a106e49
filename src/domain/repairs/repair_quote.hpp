// The server-side quote of an intake (issue 5 item 2: "the quote is computed on the server too … the saved repair
// keeps the figures it was quoted with"): asks the catalog's pricing rules for the selection and costs typed in
// the form and returns the snapshot stored with the repair. Blocking (SQL).
#pragma once

#include "domain/repairs/repair_form.hpp"
#include "domain/repairs/repair_intake.hpp"

namespace db {
class Database;
}

namespace repairs {

// Empty snapshot when no pricing rule matches.
QuoteSnapshot quote_for_intake(db::Database& database, const RepairFormValues& values);

}  // namespace repairs
