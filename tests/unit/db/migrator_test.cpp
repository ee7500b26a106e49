#include "db/migrator.hpp"

#include <gtest/gtest.h>

#include <filesystem>

#include "core/crypto.hpp"
#include "db/embedded_migrations.hpp"

namespace {
std::unique_ptr<db::Database> temp_sqlite() {
  db::DatabaseSettings settings;
  settings.sqlite_path =
      (std::filesystem::temp_directory_path() / ("nico-migrator-" + core::random_token(8) + ".sqlite")).string();
  settings.pool_size = 1;
  return std::make_unique<db::Database>(settings);
}

int count_tables(db::Database& database) {
  auto sql = database.lease();
  int count = 0;
  *sql << "SELECT COUNT(*) FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%' AND name <> "
          "'migrations'",
      soci::into(count);
  return count;
}
}  // namespace

TEST(MigrationScript, SplitsUpAndDownStatements) {
  auto script = db::parse_migration(
      "-- comment\nCREATE TABLE a (\n  id INTEGER -- inline\n);\nCREATE INDEX i ON a (id);\n-- @down\nDROP TABLE a;\n");
  ASSERT_EQ(script.up.size(), 2u);
  EXPECT_EQ(script.up[1], "CREATE INDEX i ON a (id)");
  ASSERT_EQ(script.down.size(), 1u);
  EXPECT_EQ(script.down[0], "DROP TABLE a");
}

TEST(Migrator, EveryDialectHasTheSameMigrations) {
  std::vector<std::string> sqlite, mysql, pgsql;
  for (const auto& migration : db::embedded_migrations()) {
    (migration.dialect == "sqlite" ? sqlite : migration.dialect == "mysql" ? mysql : pgsql).emplace_back(migration.name);
  }
  EXPECT_FALSE(sqlite.empty());
  EXPECT_EQ(sqlite, mysql);
  EXPECT_EQ(sqlite, pgsql);
}

TEST(Migrator, MigratesRollsBackAndMigratesAgainOnSqlite) {
  auto database = temp_sqlite();
  db::Migrator migrator(*database);
  auto applied = migrator.migrate();
  EXPECT_FALSE(applied.empty());
  EXPECT_TRUE(migrator.pending().empty());
  EXPECT_GE(count_tables(*database), 20);
  EXPECT_TRUE(migrator.migrate().empty());  // nothing twice

  // One step by default: the newest migration only.
  auto newest = migrator.rollback(1);
  ASSERT_EQ(newest.size(), 1u);
  EXPECT_EQ(newest.front(), applied.back());
  EXPECT_EQ(migrator.pending(), std::vector<std::string>{applied.back()});
  EXPECT_EQ(migrator.migrate(), std::vector<std::string>{applied.back()});

  // Every down migration, newest first, leaves no table behind (a batch has no say: steps count migrations).
  auto plan = migrator.rollback_plan(1000);
  ASSERT_EQ(plan.size(), applied.size());
  EXPECT_EQ(plan.front().name, applied.back());
  EXPECT_TRUE(migrator.pending().empty());  // planning changes nothing
  auto reverted = migrator.rollback(1000);
  EXPECT_EQ(reverted.size(), applied.size());
  EXPECT_EQ(count_tables(*database), 0);
  EXPECT_EQ(migrator.migrate().size(), applied.size());
  auto status = migrator.status();
  for (const auto& entry : status) EXPECT_TRUE(entry.ran) << entry.name;
  std::filesystem::remove(database->settings().sqlite_path);
}
