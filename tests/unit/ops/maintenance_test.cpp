// Maintenance mode across nodes: the rule combining the flag file with the database row, the row itself, and the
// per-process monitor (src/ops/maintenance*.hpp).
#include "ops/maintenance.hpp"

#include <gtest/gtest.h>

#include <filesystem>

#include "core/crypto.hpp"
#include "db/database.hpp"
#include "db/migrator.hpp"
#include "ops/maintenance_monitor.hpp"
#include "ops/maintenance_store.hpp"

namespace {

ops::MaintenanceState state_at(std::int64_t written_ms, std::string secret = "") {
  ops::MaintenanceState state;
  state.created_at = written_ms / 1000;
  state.written_ms = written_ms;
  state.secret = std::move(secret);
  return state;
}

ops::DatabaseMaintenance row(bool down, std::int64_t changed_ms, std::string secret = "") {
  ops::DatabaseMaintenance result;
  result.down = down;
  result.changed_ms = changed_ms;
  result.state = state_at(changed_ms, std::move(secret));
  return result;
}

}  // namespace

TEST(MaintenanceRule, WithoutDatabaseKnowledgeTheFileDecides) {
  EXPECT_FALSE(ops::combine_maintenance(std::nullopt, std::nullopt));
  EXPECT_TRUE(ops::combine_maintenance(state_at(5000), std::nullopt));
}

TEST(MaintenanceRule, ADownRowPutsANodeWithoutFileDown) {
  auto state = ops::combine_maintenance(std::nullopt, row(true, 7000, "clave-secreta"));
  ASSERT_TRUE(state);
  EXPECT_EQ(state->secret, "clave-secreta");  // the bypass works on every node
  EXPECT_FALSE(ops::combine_maintenance(std::nullopt, row(false, 7000)));
}

TEST(MaintenanceRule, AFileNewerThanTheRowWinsAnOlderOneIsStale) {
  // `nico down` here while the database was unreachable: the row is older, this node is down.
  EXPECT_TRUE(ops::combine_maintenance(state_at(9000), row(false, 8000)));
  // `nico up` on another node after this node's `nico down`: the row is newer, the leftover file is ignored.
  EXPECT_FALSE(ops::combine_maintenance(state_at(9000), row(false, 9500)));
  // The same `nico down` wrote both: the row (same state) decides.
  EXPECT_TRUE(ops::combine_maintenance(state_at(9000), row(true, 9000)));
}

namespace {
class MaintenanceDatabase : public ::testing::Test {
 protected:
  MaintenanceDatabase() : database_(settings()) { db::Migrator(database_).migrate(); }
  ~MaintenanceDatabase() override {
    std::filesystem::remove(path_);
    std::filesystem::remove_all(base_);
  }
  db::DatabaseSettings settings() {
    auto token = core::random_token(8);
    path_ = (std::filesystem::temp_directory_path() / ("nico-maintenance-" + token + ".sqlite")).string();
    base_ = std::filesystem::temp_directory_path() / ("nico-maintenance-app-" + token);
    db::DatabaseSettings s;
    s.sqlite_path = path_;
    s.pool_size = 2;
    return s;
  }
  std::string path_;
  std::filesystem::path base_;
  db::Database database_;
};
}  // namespace

TEST_F(MaintenanceDatabase, TheRowRoundTripsAndAMissingRowIsUp) {
  auto fresh = ops::read_database_maintenance(database_);
  EXPECT_FALSE(fresh.down);
  EXPECT_EQ(fresh.changed_ms, 0);

  auto state = state_at(1764300000123, "pase-libre-99");
  state.retry_seconds = 45;
  ops::write_database_maintenance(database_, state, state.written_ms);
  auto down = ops::read_database_maintenance(database_);
  EXPECT_TRUE(down.down);
  EXPECT_EQ(down.changed_ms, 1764300000123);
  EXPECT_EQ(down.state.secret, "pase-libre-99");
  EXPECT_EQ(down.state.retry_seconds, 45);
  EXPECT_EQ(down.state.render, "errors::503");
  EXPECT_EQ(down.state.created_at, 1764300000);

  ops::write_database_maintenance(database_, std::nullopt, 1764300000999);
  auto up = ops::read_database_maintenance(database_);
  EXPECT_FALSE(up.down);
  EXPECT_EQ(up.changed_ms, 1764300000999);
}

TEST_F(MaintenanceDatabase, AnInstalledMonitorMakesReadMaintenanceFollowTheDatabase) {
  ops::MaintenanceMonitor monitor(database_, std::chrono::milliseconds(0));  // refreshed by hand below
  monitor.install();
  EXPECT_FALSE(ops::read_maintenance(base_));

  // Another node ran `nico down`: seen here at the next refresh, without any file on this node.
  ops::write_database_maintenance(database_, state_at(2000, "otra-clave-1"), 2000);
  EXPECT_FALSE(ops::read_maintenance(base_));  // not yet refreshed: no SQL on the request path
  ASSERT_TRUE(monitor.refresh());
  auto down = ops::read_maintenance(base_);
  ASSERT_TRUE(down);
  EXPECT_EQ(down->secret, "otra-clave-1");

  // `nico down` here: the file is the instant path.
  ops::write_database_maintenance(database_, std::nullopt, 3000);
  ASSERT_TRUE(monitor.refresh());
  ops::enter_maintenance(base_, state_at(4000));
  EXPECT_TRUE(ops::read_maintenance(base_));

  // `nico up` here (row first, then the file): the file's disappearance triggers one re-read, so it is instant too.
  ops::write_database_maintenance(database_, std::nullopt, 5000);
  ASSERT_TRUE(ops::leave_maintenance(base_));
  EXPECT_FALSE(ops::read_maintenance(base_));
  EXPECT_EQ(monitor.database_state()->changed_ms, 5000);
}

TEST_F(MaintenanceDatabase, AnUnreadableDatabaseKeepsTheLastKnownState) {
  ops::write_database_maintenance(database_, state_at(2000), 2000);
  ops::MaintenanceMonitor monitor(database_, std::chrono::milliseconds(0));
  monitor.install();
  EXPECT_TRUE(ops::read_maintenance(base_));
  database_.lease()->once << "DROP TABLE maintenance_mode";
  EXPECT_FALSE(monitor.refresh());
  EXPECT_TRUE(ops::read_maintenance(base_));
}

TEST_F(MaintenanceDatabase, TheBackgroundRefreshPicksUpAChange) {
  ops::MaintenanceMonitor monitor(database_, std::chrono::milliseconds(20));
  EXPECT_FALSE(monitor.database_state()->down);
  ops::write_database_maintenance(database_, state_at(2000), 2000);
  for (int i = 0; i < 500 && !monitor.database_state()->down; ++i)
    std::this_thread::sleep_for(std::chrono::milliseconds(10));
  EXPECT_TRUE(monitor.database_state()->down);
}
