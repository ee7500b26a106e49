#include "db/unit_of_work.hpp"

#include <gtest/gtest.h>
#include <soci/mysql/soci-mysql.h>

#include <filesystem>

#include "db/errors.hpp"
#include "scratch_database.hpp"

namespace {

class UnitOfWork : public ScratchDatabase {
 protected:
  int rows() {
    return db::read(*database_, [](soci::session& sql) {
      int count = 0;
      sql << "SELECT COUNT(*) FROM t", soci::into(count);
      return count;
    });
  }
};

TEST_F(UnitOfWork, CommitsTheBodyAndReturnsItsResult) {
  int answer = db::write(*database_, [](db::Tx& tx) {
    tx.sql() << "INSERT INTO t (n) VALUES (1)";
    return 42;
  });
  EXPECT_EQ(answer, 42);
  EXPECT_EQ(rows(), 1);
}

TEST_F(UnitOfWork, ADeadlockVictimRunsAgainAndCommitsOnce) {
  int runs = 0;
  db::write(*database_, [&](db::Tx& tx) {
    tx.sql() << "INSERT INTO t (n) VALUES (1)";
    if (++runs == 1) throw soci::mysql_soci_error("Deadlock found when trying to get lock", 1213);
  });
  EXPECT_EQ(runs, 2);
  EXPECT_EQ(rows(), 1) << "the first attempt was rolled back";
}

TEST_F(UnitOfWork, AWriteCutByALostConnectionIsNotRunTwiceUnlessIdempotent) {
  int runs = 0;
  auto lost = [&](db::Tx& tx) {
    tx.sql() << "INSERT INTO t (n) VALUES (1)";
    if (++runs == 1) throw soci::mysql_soci_error("Lost connection to server during query", 2013);
  };
  try {
    db::write(*database_, lost);
    FAIL() << "expected db::Unavailable";
  } catch (const db::Unavailable& e) {
    EXPECT_EQ(e.failure(), db::Failure::kConnectionLost);
  }
  EXPECT_EQ(runs, 1);
  EXPECT_EQ(rows(), 0);

  runs = 0;
  db::write(*database_, lost, db::Retry::kIdempotent);
  EXPECT_EQ(runs, 2);
  EXPECT_EQ(rows(), 1);
}

TEST_F(UnitOfWork, ARefusalFromTheBodyRollsBackAndPropagatesUnchanged) {
  struct OutOfStock : std::exception {};
  EXPECT_THROW(db::write(*database_, [](db::Tx& tx) {
    tx.sql() << "INSERT INTO t (n) VALUES (1)";
    throw OutOfStock();
  }),
               OutOfStock);
  EXPECT_EQ(rows(), 0);
}

TEST_F(UnitOfWork, ALeaseInsideAUnitOfWorkIsANestedLease) {
  setenv("NICO_STRICT_LEASES", "1", 1);
  db::DatabaseSettings settings = database_->settings();
  db::Database strict(settings);
  unsetenv("NICO_STRICT_LEASES");
  EXPECT_THROW(db::write(strict, [&](db::Tx&) { strict.lease(); }), std::logic_error);
  EXPECT_NO_THROW(db::write(strict, [&](db::Tx& tx) { tx.sql() << "INSERT INTO t (n) VALUES (2)"; }));
}

}  // namespace
