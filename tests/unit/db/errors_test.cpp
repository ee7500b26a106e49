#include "db/errors.hpp"

#include <gtest/gtest.h>
#include <soci/mysql/soci-mysql.h>
#include <soci/postgresql/soci-postgresql.h>
#include <soci/sqlite3/soci-sqlite3.h>

using db::Failure;

TEST(DatabaseErrors, MariadbCodesSayWhatHappened) {
  EXPECT_EQ(db::classify(soci::mysql_soci_error("Lost connection to server during query", 2013)), Failure::kConnectionLost);
  EXPECT_EQ(db::classify(soci::mysql_soci_error("MySQL server has gone away", 2006)), Failure::kConnectionLost);
  EXPECT_EQ(db::classify(soci::mysql_soci_error("Deadlock found when trying to get lock", 1213)), Failure::kConflict);
  EXPECT_EQ(db::classify(soci::mysql_soci_error("Lock wait timeout exceeded", 1205)), Failure::kBusy);
  EXPECT_EQ(db::classify(soci::mysql_soci_error("Server shutdown in progress", 1053)), Failure::kConnectionLost);
  EXPECT_EQ(db::classify(soci::mysql_soci_error("The table is full", 1114)), Failure::kFull);
  EXPECT_EQ(db::classify(soci::mysql_soci_error("Duplicate entry", 1062)), Failure::kOther);
}

TEST(DatabaseErrors, PostgresqlStatesSayWhatHappened) {
  EXPECT_EQ(db::classify(soci::postgresql_soci_error("deadlock detected", "40P01")), Failure::kConflict);
  EXPECT_EQ(db::classify(soci::postgresql_soci_error("could not serialize access", "40001")), Failure::kConflict);
  EXPECT_EQ(db::classify(soci::postgresql_soci_error("terminating connection due to administrator command", "57P01")),
            Failure::kConnectionLost);
  EXPECT_EQ(db::classify(soci::postgresql_soci_error("connection failure", "08006")), Failure::kConnectionLost);
  EXPECT_EQ(db::classify(soci::postgresql_soci_error("could not extend file: No space left on device", "53100")),
            Failure::kFull);
  EXPECT_EQ(db::classify(soci::postgresql_soci_error("canceling statement due to lock timeout", "55P03")), Failure::kBusy);
  EXPECT_EQ(db::classify(soci::postgresql_soci_error("duplicate key value", "23505")), Failure::kOther);
}

TEST(DatabaseErrors, SqliteCodesAndMessagesSayWhatHappened) {
  EXPECT_EQ(db::classify(soci::sqlite3_soci_error("database is locked", SQLITE_BUSY)), Failure::kBusy);
  EXPECT_EQ(db::classify(soci::sqlite3_soci_error("database or disk is full", SQLITE_FULL)), Failure::kFull);
  EXPECT_EQ(db::classify(soci::sqlite3_soci_error("attempt to write a readonly database", SQLITE_READONLY)),
            Failure::kReadOnly);
  // SOCI's own commit path raises a plain soci_error carrying only the driver's text.
  EXPECT_EQ(db::classify(soci::soci_error("Cannot commit transaction. database is locked")), Failure::kBusy);
  EXPECT_EQ(db::classify(soci::soci_error("UNIQUE constraint failed: users.email")), Failure::kOther);
}

TEST(DatabaseErrors, AnythingElseIsNotADatabaseFailure) {
  EXPECT_EQ(db::classify(std::runtime_error("server closed the connection unexpectedly")), Failure::kOther);
  EXPECT_EQ(db::classify(db::Unavailable(Failure::kBusy, "x")), Failure::kBusy);
}
