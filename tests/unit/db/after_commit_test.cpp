#include "db/after_commit.hpp"

#include <gtest/gtest.h>
#include <soci/soci.h>

#include <filesystem>
#include <memory>
#include <stdexcept>
#include <string>
#include <vector>

#include "db/database.hpp"
#include "db/unit_of_work.hpp"
#include "scratch_database.hpp"

namespace {

class AfterCommit : public ScratchDatabase {
 protected:
  // Rows of t as the action sees them: an action that runs after the commit sees the transaction's row committed
  // and no transaction open on its session (it can write on its own).
  static int rows(soci::session& sql) {
    int count = 0;
    sql << "SELECT COUNT(*) FROM t", soci::into(count);
    return count;
  }
};

TEST_F(AfterCommit, RunsAfterTheCommitOutsideTheTransaction) {
  std::vector<int> seen;
  db::write(*database_, [&](db::Tx& tx) {
    tx.sql() << "INSERT INTO t (n) VALUES (1)";
    db::after_commit(tx.sql(), nullptr, [&](soci::session& sql) {
      seen.push_back(rows(sql));
      sql << "INSERT INTO t (n) VALUES (2)";  // autocommit: a BEGIN still open would fail the next one
    });
    EXPECT_TRUE(seen.empty());  // not yet: the transaction is open
  });
  EXPECT_EQ(seen, std::vector<int>{1});
  auto sql = database_->lease();
  EXPECT_EQ(rows(*sql), 2);
  db::Transaction next(*sql, db::Dialect::kSqlite);  // the session is back in autocommit: a new BEGIN works
  next.commit();
}

TEST_F(AfterCommit, IsDroppedWhenTheTransactionRollsBack) {
  int runs = 0;
  EXPECT_THROW(db::write(*database_,
                         [&](db::Tx& tx) {
                           tx.sql() << "INSERT INTO t (n) VALUES (1)";
                           db::after_commit(tx.sql(), nullptr, [&](soci::session&) { ++runs; });
                           throw std::runtime_error("refused");
                         }),
               std::runtime_error);
  EXPECT_EQ(runs, 0);
  // Nor does it leak into the next transaction of the same connection.
  db::write(*database_, [&](db::Tx& tx) { tx.sql() << "INSERT INTO t (n) VALUES (2)"; });
  EXPECT_EQ(runs, 0);
}

TEST_F(AfterCommit, TheSameKeyRunsOncePerTransaction) {
  static const char kKey = 0;
  int runs = 0;
  db::write(*database_, [&](db::Tx& tx) {
    for (int i = 0; i < 3; ++i) db::after_commit(tx.sql(), &kKey, [&](soci::session&) { ++runs; });
  });
  EXPECT_EQ(runs, 1);
  db::write(*database_, [&](db::Tx& tx) { db::after_commit(tx.sql(), &kKey, [&](soci::session&) { ++runs; }); });
  EXPECT_EQ(runs, 2);
}

TEST_F(AfterCommit, WithoutATransactionRunsAtOnce) {
  int runs = 0;
  db::after_commit(*database_->lease(), nullptr, [&](soci::session&) { ++runs; });
  EXPECT_EQ(runs, 1);
}

TEST_F(AfterCommit, AFailingActionNeitherFailsTheCommittedWriteNorStopsTheNextAction) {
  int later = 0;
  EXPECT_NO_THROW(db::write(*database_, [&](db::Tx& tx) {
    tx.sql() << "INSERT INTO t (n) VALUES (1)";
    db::after_commit(tx.sql(), nullptr, [](soci::session& sql) { sql << "UPDATE no_such_table SET x = 1"; });
    db::after_commit(tx.sql(), nullptr, [&](soci::session&) { ++later; });
  }));
  EXPECT_EQ(later, 1);
  EXPECT_EQ(rows(*database_->lease()), 1);
}

}  // namespace
