// Prepared statements kept per pooled connection (db/statement_cache): reuse, new parameters, dropped after a
// failure or when the connection is forgotten, and no read transaction left open for the WAL checkpointer.
#include "db/statement_cache.hpp"

#include <gtest/gtest.h>
#include <soci/soci.h>
#include <soci/sqlite3/soci-sqlite3.h>

#include <optional>
#include <stdexcept>
#include <thread>
#include <vector>
#include <tuple>

#include "scratch_database.hpp"

namespace {

// The smallest value of t at or above :min (the statement stops on its first row: there are more).
struct SmallestFrom final : db::CachedStatement {
  static inline int prepared = 0;
  long long min = 0;
  long long n = 0;

  explicit SmallestFrom(soci::session& sql) : CachedStatement(sql) {
    statement.exchange(soci::use(min));
    statement.exchange(soci::into(n));
    statement.alloc();
    statement.prepare("SELECT n FROM t WHERE n >= :min ORDER BY n");
    statement.define_and_bind();
    ++prepared;
  }
};

std::optional<long long> smallest_from(const db::Lease& sql, long long min) {
  return db::with_statement<SmallestFrom>(sql, [&](SmallestFrom& query) -> std::optional<long long> {
    query.min = min;
    if (!query.statement.execute(true)) return std::nullopt;
    return query.n;
  });
}

class StatementCache : public ScratchDatabase {
 protected:
  void SetUp() override {
    ScratchDatabase::SetUp();
    SmallestFrom::prepared = 0;
    auto sql = database_->lease();
    *sql << "INSERT INTO t (n) VALUES (1), (2), (3), (4)";
  }
};

TEST_F(StatementCache, AKeptStatementIsPreparedOnceAndAnswersEachCallWithItsOwnParameters) {
  auto sql = database_->lease();
  EXPECT_EQ(smallest_from(sql, 2), 2);
  EXPECT_EQ(smallest_from(sql, 2), 2);
  EXPECT_EQ(smallest_from(sql, 3), 3);
  EXPECT_EQ(smallest_from(sql, 9), std::nullopt);
  EXPECT_EQ(smallest_from(sql, 1), 1) << "a call that found nothing leaves the statement reusable";
  EXPECT_EQ(SmallestFrom::prepared, 1);
  EXPECT_EQ(db::kept_statements(*sql), 1U);
}

TEST_F(StatementCache, ItSeesRowsWrittenBetweenUses) {
  auto sql = database_->lease();
  EXPECT_EQ(smallest_from(sql, 5), std::nullopt);
  *sql << "INSERT INTO t (n) VALUES (7)";
  EXPECT_EQ(smallest_from(sql, 5), 7);
  EXPECT_EQ(SmallestFrom::prepared, 1);
}

TEST_F(StatementCache, AUseThatThrowsDropsTheStatementAndTheNextUsePreparesAFreshOne) {
  auto sql = database_->lease();
  EXPECT_EQ(smallest_from(sql, 2), 2);
  EXPECT_THROW(db::with_statement<SmallestFrom>(sql,
                                                [](SmallestFrom& query) -> int {
                                                  query.min = 1;
                                                  query.statement.execute(true);
                                                  throw std::runtime_error("the caller failed mid-use");
                                                }),
               std::runtime_error);
  EXPECT_EQ(db::kept_statements(*sql), 0U);
  EXPECT_EQ(smallest_from(sql, 3), 3);
  EXPECT_EQ(SmallestFrom::prepared, 2);
}

TEST_F(StatementCache, AStatementWhoseTableWentAwayFailsOnceIsDroppedAndWorksWhenTheTableIsBack) {
  auto sql = database_->lease();
  EXPECT_EQ(smallest_from(sql, 2), 2);
  *sql << "DROP TABLE t";
  EXPECT_THROW(smallest_from(sql, 2), soci::soci_error);
  EXPECT_EQ(db::kept_statements(*sql), 0U);
  *sql << "CREATE TABLE t (n INTEGER NOT NULL)";
  *sql << "INSERT INTO t (n) VALUES (8)";
  EXPECT_EQ(smallest_from(sql, 2), 8);
}

TEST_F(StatementCache, ASchemaChangeUnderAKeptStatementIsPickedUpBySqlite) {
  auto sql = database_->lease();
  EXPECT_EQ(smallest_from(sql, 2), 2);
  *sql << "ALTER TABLE t ADD COLUMN label TEXT";
  *sql << "CREATE INDEX t_n ON t (n)";
  EXPECT_EQ(smallest_from(sql, 3), 3);
  EXPECT_EQ(SmallestFrom::prepared, 1) << "sqlite3_prepare_v2 statements re-prepare themselves";
}

TEST_F(StatementCache, EachPooledConnectionKeepsItsOwnStatementWhileThreadsUseThemAtOnce) {
  std::vector<std::thread> threads;
  std::vector<int> wrong(2, 0);
  for (int t = 0; t < 2; ++t)
    threads.emplace_back([&, t] {
      for (int i = 0; i < 200; ++i) {
        auto sql = database_->lease();
        const long long min = 1 + (i + t) % 4;
        if (smallest_from(sql, min) != min) ++wrong[t];
      }
    });
  for (auto& thread : threads) thread.join();
  EXPECT_EQ(wrong, std::vector<int>({0, 0}));
  EXPECT_LE(SmallestFrom::prepared, 2) << "at most once per pooled connection";
}

TEST_F(StatementCache, ForgettingAConnectionsStatementsMakesTheNextUsePrepareAgain) {
  auto sql = database_->lease();
  EXPECT_EQ(smallest_from(sql, 2), 2);
  db::forget_statements(*sql);  // what Database does before it closes or reopens the connection
  EXPECT_EQ(db::kept_statements(*sql), 0U);
  EXPECT_EQ(smallest_from(sql, 4), 4);
  EXPECT_EQ(SmallestFrom::prepared, 2);
}

TEST_F(StatementCache, ADatabaseWithKeptStatementsClosesCleanly) {
  {
    auto sql = database_->lease();
    EXPECT_EQ(smallest_from(sql, 2), 2);
  }
  database_.reset();  // finalizes the kept statement before the pool closes its connection
  db::DatabaseSettings settings;
  settings.sqlite_path = path_.string();
  settings.pool_size = 1;
  database_ = std::make_unique<db::Database>(settings);
  auto sql = database_->lease();
  EXPECT_EQ(smallest_from(sql, 3), 3);
}

TEST_F(StatementCache, AStatementThatStoppedOnARowDoesNotBlockATruncatingCheckpoint) {
  auto sql = database_->lease();  // held, as a worker between two requests would not, to make the point stronger
  *sql << "PRAGMA wal_autocheckpoint=0";
  for (int i = 10; i < 200; ++i) *sql << "INSERT INTO t (n) VALUES (:n)", soci::use(i);
  EXPECT_EQ(smallest_from(sql, 2), 2);  // three rows match: the step stopped on the first

  soci::session other(soci::sqlite3, path_.string());
  int busy = -1, log_frames = -1, checkpointed = -1;
  other << "PRAGMA wal_checkpoint(TRUNCATE)", soci::into(busy), soci::into(log_frames), soci::into(checkpointed);
  EXPECT_EQ(busy, 0) << "a kept statement must not hold a read transaction between uses";
  EXPECT_EQ(log_frames, 0) << "the log was truncated";
}

}  // namespace
