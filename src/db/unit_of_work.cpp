// TEMPORARY (branch wt-tx): a plain unit of work — lease, BEGIN, body, COMMIT — with no retry or reconnect, so the
// callers can move to db::write/db::read before the lead's implementation (retries, reconnect) lands on main.
#include "db/unit_of_work.hpp"

namespace db {

void run_write(Database& database, const std::function<void(Tx&)>& body, Retry /*retry*/) {
  auto sql = database.lease();
  Transaction transaction(*sql, database.dialect());
  Tx tx(*sql, database);
  body(tx);
  transaction.commit();
}

void run_read(Database& database, const std::function<void(soci::session&)>& body) {
  auto sql = database.lease();
  body(*sql);
}

}  // namespace db
