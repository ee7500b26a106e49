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

inline constexpr const char* kNoPricingRuleMessage =
    "No hay una regla de precios para esta reparación: con “Auto” el precio sería solo el costo (ganancia $ 0). "
    "Escribí el precio final con “Auto” destildado, o creá la regla en Precios.";

// True when "Auto" would silently price this intake at cost: "Auto" is on, no rule applies, and the final price
// is the bare cost (nothing typed, or the form's helper copied the rule-less total parts + labour + shipping).
// A typed price that differs, or an intake with no costs yet ("A confirmar"), is left alone.
bool auto_price_without_rule(const RepairFormValues& values, const QuoteSnapshot& quote, bool final_auto);

}  // namespace repairs
