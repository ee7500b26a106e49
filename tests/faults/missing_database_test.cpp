// Fault: the SQLite file is gone (a wrong DB_DATABASE, a deleted or unmounted volume). Every command but
// `migrate` refuses to start and names the path, instead of creating an empty database and serving 500s.
#include <gtest/gtest.h>

#include <filesystem>

#include "../integration/support/app_server.hpp"

using testing_support::AppServer;

namespace {

class MissingDatabase : public ::testing::Test {
 protected:
  void SetUp() override {
    if (std::getenv("DB_CONNECTION") && std::string(std::getenv("DB_CONNECTION")) != "sqlite")
      GTEST_SKIP() << "SQLite files only";
    server_ = std::make_unique<AppServer>();
    missing_ = std::filesystem::temp_directory_path() / "nico-missing-db" / "gone.sqlite";
    std::filesystem::remove_all(missing_.parent_path());
  }
  void TearDown() override { std::filesystem::remove_all(missing_.parent_path()); }

  std::unique_ptr<AppServer> server_;
  std::filesystem::path missing_;
};

TEST_F(MissingDatabase, CommandsOtherThanMigrateRefuseAndNameThePath) {
  for (const char* command : {"queue:work", "ops:health-check", "schedule:run", "ops:backup"}) {
    std::vector<std::string> args{command};
    if (std::string(command) == "queue:work") args.push_back("--once");
    auto result = server_->run(args, {{"DB_DATABASE", missing_.string()}});
    EXPECT_NE(result.exit_code, 0) << command << ": " << result.output;
    EXPECT_NE(result.output.find(missing_.string()), std::string::npos) << command << ": " << result.output;
    EXPECT_FALSE(std::filesystem::exists(missing_)) << command << " created an empty database";
  }
}

// `about` is a report: it says the database is unreachable and why, without creating it.
TEST_F(MissingDatabase, AboutReportsTheMissingFileWithoutCreatingIt) {
  auto result = server_->run({"about"}, {{"DB_DATABASE", missing_.string()}});
  EXPECT_NE(result.output.find("database unreachable: The SQLite database file does not exist: " + missing_.string()),
            std::string::npos)
      << result.output;
  EXPECT_FALSE(std::filesystem::exists(missing_));
}

// `nico down` is the emergency switch: it still closes this node (the flag file) and says the database part failed.
TEST_F(MissingDatabase, DownStillClosesThisNodeAndSaysWhyTheDatabasePartFailed) {
  auto result = server_->run({"down"}, {{"DB_DATABASE", missing_.string()}});
  EXPECT_EQ(result.exit_code, 0) << result.output;
  EXPECT_NE(result.output.find(missing_.string()), std::string::npos) << result.output;
  EXPECT_TRUE(std::filesystem::exists(server_->base_path() / "storage/framework/down"));
  EXPECT_FALSE(std::filesystem::exists(missing_));
}

TEST_F(MissingDatabase, ServeRefusesToStart) {
  auto result = server_->run({"serve", "--host", "127.0.0.1", "--port", "0"}, {{"DB_DATABASE", missing_.string()}});
  EXPECT_NE(result.exit_code, 0) << result.output;
  EXPECT_NE(result.output.find(missing_.string()), std::string::npos) << result.output;
  EXPECT_FALSE(std::filesystem::exists(missing_));
}

TEST_F(MissingDatabase, MigrateCreatesIt) {
  auto result = server_->run({"migrate", "--force"}, {{"DB_DATABASE", missing_.string()}});
  EXPECT_EQ(result.exit_code, 0) << result.output;
  EXPECT_TRUE(std::filesystem::exists(missing_));
}

}  // namespace
