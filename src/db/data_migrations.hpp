// Data steps of migrations: row rewrites SQL cannot express (a migration file names one with a line
// "-- @data <name>" among its up statements; the migrator runs it inside the migration's transaction, after the
// SQL). Every step is idempotent: running it on rows it already rewrote changes nothing.
//
//   name              does
//   phones_to_e164    users.phone, orders.pickup_phone / pickup_delegate_phone, repairs.customer_phone and the
//                     shop_phone setting → core::phone::stored_form (E.164; text that does not parse stays)
#pragma once

#include <string_view>

namespace soci {
class session;
}

namespace db {

// Throws std::runtime_error for an unknown step (a migration file naming a step this binary does not have).
void run_data_step(std::string_view name, soci::session& sql);

}  // namespace db
