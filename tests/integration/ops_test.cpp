// Operations commands and probes: health check, maintenance mode, /health/*.
#include <gtest/gtest.h>

#include <filesystem>

#include "support/app_server.hpp"
#include "support/browser.hpp"

using testing_support::AppServer;
using testing_support::Browser;

namespace {
class Ops : public ::testing::Test {
 protected:
  static void SetUpTestSuite() {
    server_ = new AppServer();
    server_->start();
  }
  static void TearDownTestSuite() {
    delete server_;
    server_ = nullptr;
  }
  void TearDown() override { server_->run({"up"}); }
  static AppServer* server_;
};
AppServer* Ops::server_ = nullptr;
}  // namespace

TEST_F(Ops, HealthCheckPrintsTheReportAndPassesWithoutStrict) {
  auto result = server_->run({"ops:health-check"});
  EXPECT_EQ(result.exit_code, 0) << result.output;
  EXPECT_NE(result.output.find("Health Check Report"), std::string::npos);
  EXPECT_NE(result.output.find("| Status | Check"), std::string::npos);
  EXPECT_NE(result.output.find("| OK     | Database connection"), std::string::npos);
  EXPECT_NE(result.output.find("| OK     | Core tables"), std::string::npos);
  EXPECT_NE(result.output.find("Summary: "), std::string::npos);
  EXPECT_EQ(result.output.find("| FAIL"), std::string::npos) << result.output;
}

TEST_F(Ops, StrictModeFailsOnWarnings) {
  // A local configuration always warns (no secure cookie, no allowlist): strict turns that into exit 1.
  auto result = server_->run({"ops:health-check", "--strict"});
  EXPECT_EQ(result.exit_code, 1);
  EXPECT_NE(result.output.find("| WARN   | SESSION_SECURE_COOKIE"), std::string::npos);
}

TEST_F(Ops, AssumeProductionJudgesTheHardenedRules) {
  auto result = server_->run({"ops:health-check", "--assume-production"}, {{"APP_DEBUG", "true"}});
  EXPECT_EQ(result.exit_code, 1);
  EXPECT_NE(result.output.find("| FAIL   | APP_DEBUG "), std::string::npos) << result.output;
  EXPECT_NE(result.output.find("APP_DEBUG must be false in production."), std::string::npos);
  EXPECT_NE(result.output.find("Production APP_URL must use HTTPS."), std::string::npos);
  EXPECT_NE(result.output.find("| FAIL   | SESSION_SECURE_COOKIE"), std::string::npos);
}

TEST_F(Ops, JsonOutputCarriesTheSameRows) {
  auto result = server_->run({"ops:health-check", "--json"});
  EXPECT_EQ(result.exit_code, 0);
  EXPECT_EQ(result.output.rfind("{\"rows\":[{\"status\":\"OK\",\"check\":\"APP_KEY\"", 0), 0u) << result.output;
  EXPECT_NE(result.output.find("\"summary\":{\"ok\":"), std::string::npos);
}

TEST_F(Ops, MalformedIpAllowlistEntriesAreReported) {
  auto result = server_->run({"ops:health-check"}, {{"ADMIN_ALLOWED_IPS", "10.0.0.1, 300.1.1.1, 192.168.0.0/33, ::1"}});
  EXPECT_EQ(result.exit_code, 1);
  EXPECT_NE(result.output.find("Malformed ADMIN_ALLOWED_IPS entries (never match): 300.1.1.1, 192.168.0.0/33"),
            std::string::npos)
      << result.output;
}

TEST_F(Ops, DeadDatabaseGivesFailRowsNotACrash) {
  auto result = server_->run({"ops:health-check"}, {{"DB_CONNECTION", "mysql"}, {"DB_HOST", "127.0.0.1"}, {"DB_PORT", "1"},
                                                    {"DB_DATABASE", "nada"}});
  EXPECT_EQ(result.exit_code, 1);
  EXPECT_NE(result.output.find("| FAIL   | Database connection"), std::string::npos) << result.output;
  EXPECT_NE(result.output.find("Skipped because database connection failed."), std::string::npos);
  EXPECT_NE(result.output.find("Summary: "), std::string::npos);
}

TEST_F(Ops, UnreachableSmtpIsAFail) {
  auto result = server_->run({"ops:health-check"}, {{"MAIL_MAILER", "smtp"}, {"MAIL_HOST", "127.0.0.1"}, {"MAIL_PORT", "1"}});
  EXPECT_NE(result.output.find("| FAIL   | Mail transport"), std::string::npos) << result.output;
}

TEST_F(Ops, ReadinessProbesTheDatabase) {
  Browser browser(server_->base_url());
  auto ready = browser.get("/health/ready");
  EXPECT_EQ(ready.status, 200);
  EXPECT_NE(ready.body.find("\"ready\""), std::string::npos);
  EXPECT_EQ(browser.get("/health/live").status, 200);
}

TEST_F(Ops, MaintenanceModeShows503WithRetryAfterButKeepsProbesAndBypass) {
  auto down = server_->run({"down", "--retry=60", "--secret=abrir-puerta-123"});
  ASSERT_EQ(down.exit_code, 0) << down.output;
  Browser visitor(server_->base_url());
  auto page = visitor.get("/login");
  EXPECT_EQ(page.status, 503);
  EXPECT_EQ(page.header("retry-after"), "60");
  EXPECT_EQ(page.header("x-frame-options"), "DENY");
  EXPECT_TRUE(page.contains("Estamos en mantenimiento"));
  EXPECT_EQ(visitor.get("/up").status, 200);
  EXPECT_EQ(visitor.get("/health/ready").status, 200);

  Browser owner(server_->base_url());
  auto bypass = owner.get("/abrir-puerta-123");
  EXPECT_EQ(bypass.status, 302);
  EXPECT_EQ(owner.get("/login").status, 200);
  Browser forger(server_->base_url());
  forger.set_cookie("nico_maintenance_bypass", "abrir-puerta-123");
  EXPECT_EQ(forger.get("/login").status, 503);

  auto up = server_->run({"up"});
  EXPECT_NE(up.output.find("Application is now live."), std::string::npos);
  EXPECT_EQ(visitor.get("/login").status, 200);
  EXPECT_NE(server_->run({"up"}).output.find("already up"), std::string::npos);
}

TEST_F(Ops, DownValidatesItsOptions) {
  EXPECT_EQ(server_->run({"down", "--retry=soon"}).exit_code, 2);
  EXPECT_EQ(server_->run({"down", "--render=welcome"}).exit_code, 2);
  EXPECT_EQ(server_->run({"down", "--secret=a/b"}).exit_code, 2);
  EXPECT_FALSE(std::filesystem::exists(server_->base_path() / "storage/framework/down"));
}

TEST_F(Ops, AMissingSqliteFileIsReportedNotCreated) {
  if (server_->using_mariadb()) GTEST_SKIP() << "about SQLite files";
  auto missing = server_->base_path() / "storage/no-existe.sqlite";
  auto result = server_->run({"ops:health-check"}, {{"DB_CONNECTION", "sqlite"}, {"DB_DATABASE", missing.string()}});
  EXPECT_EQ(result.exit_code, 1);
  EXPECT_NE(result.output.find("SQLite database file does not exist"), std::string::npos) << result.output;
  EXPECT_FALSE(std::filesystem::exists(missing));
}
