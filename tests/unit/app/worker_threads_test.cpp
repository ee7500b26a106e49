// app::default_worker_threads: the worker count `nico serve` picks when SERVER_WORKERS is 0.
#include <gtest/gtest.h>

#include "app/worker_threads.hpp"

namespace {

TEST(DefaultWorkerThreads, SqliteGetsOnePerCoreAndNeverFewerThanTwo) {
  EXPECT_EQ(app::default_worker_threads("sqlite", 1), 2);
  EXPECT_EQ(app::default_worker_threads("sqlite", 2), 2);
  EXPECT_EQ(app::default_worker_threads("sqlite", 8), 8);
}

TEST(DefaultWorkerThreads, NetworkDatabasesGetTwicePerCoreAndNeverFewerThanFour) {
  EXPECT_EQ(app::default_worker_threads("mariadb", 1), 4);
  EXPECT_EQ(app::default_worker_threads("mysql", 2), 4);
  EXPECT_EQ(app::default_worker_threads("pgsql", 4), 8);
}

TEST(DefaultWorkerThreads, UnknownCoreCountCountsAsTwoAndHugeOnesAreCapped) {
  EXPECT_EQ(app::default_worker_threads("sqlite", 0), 2);
  EXPECT_EQ(app::default_worker_threads("pgsql", 0), 4);
  EXPECT_EQ(app::default_worker_threads("sqlite", 1000), 64);
  EXPECT_EQ(app::default_worker_threads("mariadb", 1000), 128);
}

}  // namespace
