// What a database error means for the caller: the single classification every retry, reconnect and error page uses.
#pragma once

#include <exception>
#include <stdexcept>
#include <string>

namespace db {

enum class Failure {
  kConnectionLost,  // the server went away (restart, failover, wait_timeout, KILL): reconnect before reuse
  kConflict,        // deadlock / serialization failure: the transaction was rolled back, rerun it
  kBusy,            // a lock held elsewhere past our bounded wait (SQLite BUSY, MariaDB 1205, PostgreSQL 55P03)
  kFull,            // disk or quota full (SQLITE_FULL, MariaDB 1021/1114/28, PostgreSQL 53100)
  kReadOnly,        // the database cannot be written (read-only file system or replica)
  kOther,           // anything else: a bug or a constraint, never retried
};

// Classifies an exception thrown by SOCI or the drivers (anything not a soci_error is kOther).
Failure classify(const std::exception& error);

// The database cannot serve this unit of work right now (lost, locked, full). The web layer answers 503 with
// Retry-After and a Spanish page; commands exit 1 with `what()`; jobs are retried later.
class Unavailable final : public std::runtime_error {
 public:
  Unavailable(Failure failure, const std::string& detail)
      : std::runtime_error(detail), failure_(failure) {}
  Failure failure() const { return failure_; }

 private:
  Failure failure_;
};

}  // namespace db
