// Classification of driver errors (see errors.hpp). Codes, not message texts, wherever the driver gives one:
//   MariaDB  2002/2003/2006/2013/1927/1053 lost · 1213 deadlock · 1205 lock wait timeout (busy: the wait already
//            happened) · 1021/1114 full · 1290/1792 read-only
//   PostgreSQL SQLSTATE class 08 and 57P01-57P03 lost · 40P01 deadlock, 40001 serialization · 55P03 lock timeout
//            (busy) · 53100 disk full · 25006 read-only transaction
//   SQLite   SQLITE_BUSY/LOCKED busy · SQLITE_FULL full · SQLITE_READONLY read-only
#include "db/errors.hpp"

#include <soci/mysql/soci-mysql.h>
#include <soci/postgresql/soci-postgresql.h>
#include <soci/sqlite3/soci-sqlite3.h>

#include <string_view>

namespace db {

namespace {

bool mentions(std::string_view text, std::string_view part) { return text.find(part) != std::string_view::npos; }

Failure from_mysql(unsigned code) {
  switch (code) {
    case 2002: case 2003: case 2006: case 2013: case 1927: case 1053: return Failure::kConnectionLost;
    case 1213: return Failure::kConflict;
    case 1205: return Failure::kBusy;
    case 1021: case 1114: return Failure::kFull;
    case 1290: case 1792: return Failure::kReadOnly;
    default: return Failure::kOther;
  }
}

Failure from_sqlstate(const std::string& state) {
  if (state == "40P01" || state == "40001") return Failure::kConflict;
  if (state == "55P03") return Failure::kBusy;
  if (state.rfind("08", 0) == 0 || state == "57P01" || state == "57P02" || state == "57P03")
    return Failure::kConnectionLost;
  if (state == "53100") return Failure::kFull;
  if (state == "25006") return Failure::kReadOnly;
  return Failure::kOther;
}

Failure from_sqlite(int code) {
  switch (code & 0xff) {  // primary code of an extended one
    case SQLITE_BUSY: case SQLITE_LOCKED: return Failure::kBusy;
    case SQLITE_FULL: return Failure::kFull;
    case SQLITE_READONLY: return Failure::kReadOnly;
    default: return Failure::kOther;
  }
}

// Some paths (SOCI's own commit/rollback, libpq after the socket closed) raise a plain soci_error whose only
// trace is the driver's message.
Failure from_message(std::string_view what) {
  if (mentions(what, "database is locked") || mentions(what, "database table is locked")) return Failure::kBusy;
  if (mentions(what, "database or disk is full")) return Failure::kFull;
  if (mentions(what, "attempt to write a readonly database")) return Failure::kReadOnly;
  if (mentions(what, "server closed the connection") || mentions(what, "no connection to the server") ||
      mentions(what, "terminating connection") || mentions(what, "MySQL server has gone away") ||
      mentions(what, "Lost connection to") || mentions(what, "could not connect to server") ||
      mentions(what, "Connection refused") || mentions(what, "connection to server"))
    return Failure::kConnectionLost;
  if (mentions(what, "Deadlock found") || mentions(what, "deadlock detected") ||
      mentions(what, "could not serialize access"))
    return Failure::kConflict;
  return Failure::kOther;
}

}  // namespace

Failure classify(const std::exception& error) {
  if (const auto* unavailable = dynamic_cast<const Unavailable*>(&error)) return unavailable->failure();
  const auto* soci_error = dynamic_cast<const soci::soci_error*>(&error);
  if (!soci_error) return Failure::kOther;
  Failure failure = Failure::kOther;
  if (const auto* mysql = dynamic_cast<const soci::mysql_soci_error*>(&error)) {
    failure = from_mysql(mysql->err_num_);
  } else if (const auto* postgres = dynamic_cast<const soci::postgresql_soci_error*>(&error)) {
    failure = from_sqlstate(postgres->sqlstate());
  } else if (const auto* sqlite = dynamic_cast<const soci::sqlite3_soci_error*>(&error)) {
    failure = from_sqlite(sqlite->result());
  }
  if (failure == Failure::kOther && soci_error->get_error_category() == soci::soci_error::connection_error)
    failure = Failure::kConnectionLost;
  if (failure == Failure::kOther) failure = from_message(error.what());
  return failure;
}

}  // namespace db
