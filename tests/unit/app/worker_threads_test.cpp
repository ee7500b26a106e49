// app::default_worker_threads: the worker count `nico serve` picks when SERVER_WORKERS is 0.
#include <gtest/gtest.h>

#include <sched.h>

#include <thread>

#include "app/worker_threads.hpp"

namespace {

TEST(DefaultWorkerThreads, SqliteGetsOnePerCoreAndNeverFewerThanThree) {
  EXPECT_EQ(app::default_worker_threads("sqlite", 1), 3);
  EXPECT_EQ(app::default_worker_threads("sqlite", 2), 3);
  EXPECT_EQ(app::default_worker_threads("sqlite", 8), 8);
}

TEST(DefaultWorkerThreads, NetworkDatabasesGetTwicePerCoreAndNeverFewerThanFour) {
  EXPECT_EQ(app::default_worker_threads("mariadb", 1), 4);
  EXPECT_EQ(app::default_worker_threads("mysql", 2), 4);
  EXPECT_EQ(app::default_worker_threads("pgsql", 4), 8);
}

TEST(DefaultWorkerThreads, UnknownCoresCountAsTwoAndBigMachinesAreCapped) {
  EXPECT_EQ(app::default_worker_threads("sqlite", 0), 3);
  EXPECT_EQ(app::default_worker_threads("pgsql", 0), 4);
  EXPECT_EQ(app::default_worker_threads("sqlite", 1000), 32);
  EXPECT_EQ(app::default_worker_threads("mariadb", 64), 16);  // a pool of 18 connections per node
}

TEST(UsableCores, NeverMoreThanTheMachineHas) {
  unsigned cores = app::usable_cores();
  EXPECT_GE(cores, 1u);
  if (unsigned machine = std::thread::hardware_concurrency(); machine > 0) {
    EXPECT_LE(cores, machine);
  }
}

// `taskset -c 0 nico serve` (or systemd's CPUAffinity=0) on a big machine: one core, whatever the machine has.
TEST(UsableCores, FollowTheAffinityMask) {
  cpu_set_t before;
  ASSERT_EQ(sched_getaffinity(0, sizeof before, &before), 0);
  cpu_set_t one;
  CPU_ZERO(&one);
  for (int cpu = 0; cpu < CPU_SETSIZE; ++cpu) {
    if (CPU_ISSET(cpu, &before)) {
      CPU_SET(cpu, &one);
      break;
    }
  }
  ASSERT_EQ(sched_setaffinity(0, sizeof one, &one), 0);
  unsigned cores = app::usable_cores();
  sched_setaffinity(0, sizeof before, &before);
  EXPECT_EQ(cores, 1u);
}

}  // namespace
