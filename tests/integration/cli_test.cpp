// The `nico` command line as an operator uses it: listing, usage errors, production guards, configuration.
#include <gtest/gtest.h>

#include <filesystem>
#include <fstream>

#include "app/worker_threads.hpp"
#include "support/app_server.hpp"

using testing_support::AppServer;

namespace {
class Cli : public ::testing::Test {
 protected:
  static void SetUpTestSuite() { server_ = new AppServer(); }
  static void TearDownTestSuite() {
    delete server_;
    server_ = nullptr;
  }
  static AppServer* server_;
};
AppServer* Cli::server_ = nullptr;
}  // namespace

TEST_F(Cli, WithoutArgumentsListsTheCommands) {
  auto result = server_->run({});
  EXPECT_EQ(result.exit_code, 0);
  for (const char* command : {"serve", "migrate", "migrate:status", "migrate:rollback", "db:seed", "key:generate",
                              "user:create-admin", "about", "optimize", "optimize:clear"})
    EXPECT_NE(result.output.find(command), std::string::npos) << command;
}

TEST_F(Cli, UnknownCommandsAndOptionsAreUsageErrors) {
  auto unknown = server_->run({"migrat"});
  EXPECT_EQ(unknown.exit_code, 2);
  EXPECT_NE(unknown.output.find("not defined"), std::string::npos);
  auto bad_option = server_->run({"migrate", "--bogus"});
  EXPECT_EQ(bad_option.exit_code, 2);
  EXPECT_EQ(std::count(bad_option.output.begin(), bad_option.output.end(), '\n'), 1);
}

TEST_F(Cli, EveryCommandHasHelp) {
  auto help = server_->run({"db:seed", "--help"});
  EXPECT_EQ(help.exit_code, 0);
  EXPECT_NE(help.output.find("--demo"), std::string::npos);
}

TEST_F(Cli, MigrateInProductionRequiresForce) {
  auto refused = server_->run({"migrate"}, {{"APP_ENV", "production"}});
  EXPECT_EQ(refused.exit_code, 1);
  EXPECT_NE(refused.output.find("--force"), std::string::npos);
  auto forced = server_->run({"migrate", "--force"}, {{"APP_ENV", "production"}});
  EXPECT_EQ(forced.exit_code, 0) << forced.output;
  EXPECT_NE(forced.output.find("Nothing to migrate."), std::string::npos);
}

TEST_F(Cli, MigrateStatusShowsEveryMigrationAsRan) {
  auto status = server_->run({"migrate:status"});
  EXPECT_EQ(status.exit_code, 0);
  EXPECT_NE(status.output.find("0001_create_users_table"), std::string::npos);
  EXPECT_NE(status.output.find("Schema is up to date."), std::string::npos);
}

TEST_F(Cli, InvalidConfigurationNamesTheKeyAndExits1) {
  auto result = server_->run({"about"}, {{"ADMIN_2FA_SESSION_MINUTES", "media hora"}});
  EXPECT_EQ(result.exit_code, 1);
  EXPECT_NE(result.output.find("ADMIN_2FA_SESSION_MINUTES"), std::string::npos) << result.output;
  auto url = server_->run({"about"}, {{"APP_URL", "not a url"}});
  EXPECT_EQ(url.exit_code, 1);
  EXPECT_NE(url.output.find("APP_URL"), std::string::npos);
}

TEST_F(Cli, OptimizeFreezesTheConfigurationAndClearRemovesIt) {
  auto frozen = server_->base_path() / "storage/framework/config.frozen";
  auto result = server_->run({"optimize"}, {{"APP_NAME", "Taller Congelado"}});
  ASSERT_EQ(result.exit_code, 0) << result.output;
  ASSERT_TRUE(std::filesystem::exists(frozen));
  auto about = server_->run({"about"}, {{"APP_NAME", "Otro Nombre"}});
  EXPECT_NE(about.output.find("frozen"), std::string::npos);
  EXPECT_EQ(server_->run({"optimize:clear"}).exit_code, 0);
  EXPECT_FALSE(std::filesystem::exists(frozen));
  auto bad = server_->run({"optimize"}, {{"SESSION_LIFETIME", "x"}});
  EXPECT_EQ(bad.exit_code, 1);
  EXPECT_FALSE(std::filesystem::exists(frozen));
}

TEST_F(Cli, SeedIsIdempotentAndPrintsTheGeneratedAdminPasswordOnce) {
  auto first = server_->run({"db:seed", "--demo"}, {{"ADMIN_EMAIL", "jefe@taller.example.com"}});
  ASSERT_EQ(first.exit_code, 0) << first.output;
  EXPECT_NE(first.output.find("Contraseña generada"), std::string::npos);
  auto second = server_->run({"db:seed", "--demo"}, {{"ADMIN_EMAIL", "jefe@taller.example.com"}});
  EXPECT_EQ(second.exit_code, 0);
  EXPECT_EQ(second.output.find("Contraseña generada"), std::string::npos);
  int products = 0, models = 0;
  server_->database().lease()->once << "SELECT COUNT(*) FROM products", soci::into(products);
  server_->database().lease()->once << "SELECT COUNT(*) FROM device_models", soci::into(models);
  EXPECT_EQ(products, 6);
  EXPECT_EQ(models, 46);
}

TEST_F(Cli, KeyGenerateWritesDotEnvButNeverOverwritesSilently) {
  auto env = server_->base_path() / ".env";
  std::ofstream(env) << "APP_NAME=Taller\nAPP_KEY=\n";
  auto generated = server_->run({"key:generate"}, {{"APP_KEY", ""}});
  ASSERT_EQ(generated.exit_code, 0) << generated.output;
  std::ifstream in(env);
  std::string content((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());
  EXPECT_NE(content.find("APP_KEY=base64:"), std::string::npos);
  EXPECT_NE(content.find("APP_NAME=Taller"), std::string::npos);
  EXPECT_EQ(server_->run({"key:generate"}).exit_code, 1);
  std::filesystem::remove(env);
}

TEST_F(Cli, AboutReportsTheEngineTheSuiteRunsOn) {
  auto about = server_->run({"about"});
  ASSERT_EQ(about.exit_code, 0) << about.output;
  EXPECT_NE(about.output.find(server_->using_mariadb() ? "mariadb (" : server_->using_postgres() ? "pgsql (" : "sqlite ("), std::string::npos) << about.output;
  EXPECT_NE(about.output.find("up to date"), std::string::npos);
}

namespace {

TEST_F(Cli, ServeRefusesANegativeWorkerCount) {
  auto refused = server_->run({"serve", "--workers=-1"});
  EXPECT_EQ(refused.exit_code, 2) << refused.output;
  EXPECT_NE(refused.output.find("--workers must be between 0"), std::string::npos) << refused.output;
}

// SERVER_WORKERS=0 (the default): picked from the engine and the usable cores (app/worker_threads.hpp); the number
// used is in the start line of the log.
TEST(ServeWorkers, ZeroPicksThemFromTheDatabaseAndTheCores) {
  AppServer server(std::map<std::string, std::string>{{"SERVER_WORKERS", "0"}});
  server.start();
  // The policy itself is unit-tested (tests/unit/app/worker_threads_test.cpp); here: `serve` applies it.
  const int expected = app::default_worker_threads(server.using_server_database() ? "mariadb" : "sqlite",
                                                   app::usable_cores());
  server.stop();  // the log is flushed on the way out
  std::string log = server.log_contents();
  EXPECT_NE(log.find("Server running on [" + server.base_url() + "] {\"workers\":\"" + std::to_string(expected) + "\"}"),
            std::string::npos)
      << log;
}

}  // namespace
