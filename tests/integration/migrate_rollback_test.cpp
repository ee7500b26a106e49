// migrate:rollback as an operator uses it in an incident (docs: "Volver atrás una migración"): one migration by
// default, --step=N, --pretend, --force in production, a database snapshot first unless --no-backup; and
// migrate:status --json. Runs on SQLite, and on MariaDB/PostgreSQL under scripts/with-mariadb.sh / with-postgres.sh.
#include <gtest/gtest.h>

#include <filesystem>
#include <regex>
#include <string>
#include <vector>

#include "support/app_server.hpp"

using testing_support::AppServer;

namespace {

std::vector<std::string> snapshots(const AppServer& server) {
  std::vector<std::string> found;
  std::error_code ec;
  for (const auto& entry : std::filesystem::directory_iterator(server.base_path() / "storage/app/backups", ec)) {
    if (entry.path().filename().string().rfind("backup_", 0) == 0) found.push_back(entry.path().filename().string());
  }
  return found;
}

int pending_count(const AppServer& server) {
  auto status = server.run({"migrate:status", "--json"});
  std::smatch match;
  if (!std::regex_search(status.output, match, std::regex("\"pending\":([0-9]+)"))) return -1;
  return std::stoi(match[1]);
}

// The applied migrations, oldest first.
std::vector<std::string> ran_migrations(const AppServer& server) {
  auto status = server.run({"migrate:status", "--json"});
  std::vector<std::string> ran;
  std::regex item("\\{\"name\":\"([^\"]+)\",\"ran\":true");
  for (std::sregex_iterator it(status.output.begin(), status.output.end(), item), end; it != end; ++it)
    ran.push_back((*it)[1]);
  return ran;
}

std::string newest_migration(const AppServer& server) {
  auto ran = ran_migrations(server);
  return ran.empty() ? "" : ran.back();
}

}  // namespace

TEST(MigrateRollback, StatusAsJsonListsEveryMigrationWithItsBatch) {
  AppServer server;
  auto status = server.run({"migrate:status", "--json"});
  EXPECT_EQ(status.exit_code, 0) << status.output;
  EXPECT_EQ(status.output.rfind("{\"migrations\":[{\"name\":\"0001_", 0), 0u) << status.output;
  EXPECT_NE(status.output.find("\"ran\":true,\"batch\":1}"), std::string::npos) << status.output;
  EXPECT_NE(status.output.find("\"pending\":0}"), std::string::npos) << status.output;
}

TEST(MigrateRollback, RevertsOnlyTheNewestMigrationByDefaultAfterADatabaseSnapshot) {
  AppServer server;
  std::string newest = newest_migration(server);
  ASSERT_FALSE(newest.empty());
  ASSERT_TRUE(snapshots(server).empty());

  auto rollback = server.run({"migrate:rollback"});
  EXPECT_EQ(rollback.exit_code, 0) << rollback.output;
  EXPECT_NE(rollback.output.find("Database snapshot before the rollback: storage/app/backups/backup_"), std::string::npos)
      << rollback.output;
  EXPECT_NE(rollback.output.find("Rolled back: " + newest), std::string::npos) << rollback.output;
  EXPECT_NE(rollback.output.find("Rolled back 1 migration(s)."), std::string::npos) << rollback.output;
  // The whole first batch (every table) is still there: only the newest migration is pending.
  EXPECT_EQ(pending_count(server), 1);
  auto taken = snapshots(server);
  ASSERT_EQ(taken.size(), 1u);
  EXPECT_TRUE(std::filesystem::exists(server.base_path() / "storage/app/backups" / taken[0] / "manifest.json"));
  auto verify = server.run({"ops:backup:verify", taken[0]});
  EXPECT_EQ(verify.exit_code, 0) << verify.output;

  // Re-applying the migration brings the schema back to date.
  EXPECT_EQ(server.run({"migrate"}).exit_code, 0);
  EXPECT_EQ(pending_count(server), 0);
}

TEST(MigrateRollback, StepRevertsThatManyNewestFirstAndNoBackupSkipsTheSnapshot) {
  AppServer server;
  auto ran = ran_migrations(server);
  ASSERT_GE(ran.size(), 3u);
  auto rollback = server.run({"migrate:rollback", "--step=3", "--no-backup"});
  EXPECT_EQ(rollback.exit_code, 0) << rollback.output;
  EXPECT_NE(rollback.output.find("Rolled back 3 migration(s)."), std::string::npos) << rollback.output;
  EXPECT_EQ(rollback.output.find("snapshot"), std::string::npos) << rollback.output;
  EXPECT_TRUE(snapshots(server).empty());
  EXPECT_EQ(pending_count(server), 3);
  // Newest first: the last line reverted is the oldest of the three (named from migrate:status, so a new
  // migration does not change the test).
  auto newest = rollback.output.find("Rolled back: " + ran[ran.size() - 1]);
  auto middle = rollback.output.find("Rolled back: " + ran[ran.size() - 2]);
  auto oldest = rollback.output.find("Rolled back: " + ran[ran.size() - 3]);
  EXPECT_NE(oldest, std::string::npos) << rollback.output;
  EXPECT_LT(newest, middle) << rollback.output;
  EXPECT_LT(middle, oldest) << rollback.output;
  EXPECT_EQ(server.run({"migrate"}).exit_code, 0);
  EXPECT_EQ(pending_count(server), 0);
}

TEST(MigrateRollback, PretendPrintsTheDownSqlAndChangesNothing) {
  AppServer server;
  std::string newest = newest_migration(server);
  auto pretend = server.run({"migrate:rollback", "--pretend"}, {{"APP_ENV", "production"}});
  EXPECT_EQ(pretend.exit_code, 0) << pretend.output;
  EXPECT_NE(pretend.output.find("Would roll back 1 migration(s)"), std::string::npos) << pretend.output;
  EXPECT_NE(pretend.output.find("  " + newest), std::string::npos) << pretend.output;
  // Far enough back to reach a migration with down SQL, whatever migrations are added later.
  auto deeper = server.run({"migrate:rollback", "--pretend", "--step=1000"}, {{"APP_ENV", "production"}});
  EXPECT_EQ(deeper.exit_code, 0) << deeper.output;
  EXPECT_NE(deeper.output.find("DROP TABLE IF EXISTS maintenance_mode;"), std::string::npos) << deeper.output;
  EXPECT_EQ(pending_count(server), 0);
  EXPECT_TRUE(snapshots(server).empty());
}

TEST(MigrateRollback, ProductionRefusesWithoutForceAndSaysWhatToType) {
  AppServer server;
  auto refused = server.run({"migrate:rollback", "--step=2"}, {{"APP_ENV", "production"}});
  EXPECT_EQ(refused.exit_code, 1) << refused.output;
  EXPECT_NE(refused.output.find("APPLICATION IN PRODUCTION"), std::string::npos) << refused.output;
  EXPECT_NE(refused.output.find("run `nico migrate:rollback --step=2 --force` to confirm"), std::string::npos)
      << refused.output;
  EXPECT_EQ(pending_count(server), 0);
  EXPECT_TRUE(snapshots(server).empty());

  auto forced = server.run({"migrate:rollback", "--step=2", "--force"}, {{"APP_ENV", "production"}});
  EXPECT_EQ(forced.exit_code, 0) << forced.output;
  EXPECT_EQ(pending_count(server), 2);
  EXPECT_EQ(snapshots(server).size(), 1u);
  EXPECT_EQ(server.run({"migrate"}).exit_code, 0);
}

TEST(MigrateRollback, ABadStepIsAUsageErrorAndNothingToRollBackIsNot) {
  AppServer server;
  for (const char* bad : {"--step=0", "--step=-1", "--step=dos", "--step="}) {
    auto result = server.run({"migrate:rollback", bad});
    EXPECT_EQ(result.exit_code, 2) << bad << "\n" << result.output;
  }
  EXPECT_EQ(pending_count(server), 0);
  ASSERT_EQ(server.run({"db:wipe"}).exit_code, 0);
  auto nothing = server.run({"migrate:rollback"});
  EXPECT_EQ(nothing.exit_code, 0) << nothing.output;
  EXPECT_NE(nothing.output.find("Nothing to roll back."), std::string::npos) << nothing.output;
  EXPECT_EQ(server.run({"migrate"}).exit_code, 0);
}
