// Operations commands and probes: health check, maintenance mode, /health/*.
#include <gtest/gtest.h>

#include <chrono>
#include <filesystem>
#include <fstream>
#include <iterator>
#include <thread>

#include "core/crypto.hpp"

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

namespace {
// GETs `path` until it answers `status` (the database flag is re-read about once per second); the last status.
int wait_for_status(Browser& browser, const std::string& path, int status) {
  int last = 0;
  for (int i = 0; i < 100; ++i) {
    last = browser.get(path).status;
    if (last == status) break;
    std::this_thread::sleep_for(std::chrono::milliseconds(100));
  }
  return last;
}

// Another app node: its own directory (no shared flag file), the same database.
struct OtherNode {
  OtherNode() : base(std::filesystem::temp_directory_path() / ("nico-other-node-" + core::random_token(8))) {
    std::filesystem::create_directories(base / "storage/framework");
    std::filesystem::create_directories(base / "storage/logs");
  }
  ~OtherNode() { std::filesystem::remove_all(base); }
  std::map<std::string, std::string> env() const {
    return {{"NICO_BASE_PATH", base.string()}, {"APP_LOG_PATH", (base / "storage/logs/nico.log").string()}};
  }
  std::filesystem::path base;
};
}  // namespace

TEST_F(Ops, DownOnAnotherNodeReachesThisOneThroughTheDatabaseAndUpAnywhereLiftsIt) {
  OtherNode other;
  auto down = server_->run({"down", "--retry=30", "--secret=clave-de-otro-nodo"}, other.env());
  ASSERT_EQ(down.exit_code, 0) << down.output;
  EXPECT_NE(down.output.find("every node sharing the database follows"), std::string::npos) << down.output;
  EXPECT_TRUE(std::filesystem::exists(other.base / "storage/framework/down"));
  EXPECT_FALSE(std::filesystem::exists(server_->base_path() / "storage/framework/down"));

  Browser visitor(server_->base_url());
  EXPECT_EQ(wait_for_status(visitor, "/login", 503), 503);
  EXPECT_EQ(visitor.get("/login").header("retry-after"), "30");
  EXPECT_EQ(visitor.get("/up").status, 200);
  // The bypass secret given on the other node works here too.
  Browser owner(server_->base_url());
  EXPECT_EQ(owner.get("/clave-de-otro-nodo").status, 302);
  EXPECT_EQ(owner.get("/login").status, 200);

  // `nico up` on this node (where no flag file exists) lifts it for every node; the other node's leftover file is
  // older than the row and no longer counts.
  auto up = server_->run({"up"});
  EXPECT_EQ(up.exit_code, 0) << up.output;
  EXPECT_NE(up.output.find("Application is now live."), std::string::npos) << up.output;
  EXPECT_EQ(wait_for_status(visitor, "/login", 200), 200);
  auto scheduler_there = server_->run({"schedule:run", "--now=2026-03-02 12:00"}, other.env());
  EXPECT_EQ(scheduler_there.output.find("maintenance mode"), std::string::npos) << scheduler_there.output;
}

TEST_F(Ops, DownWithoutADatabaseStillTakesThisNodeDownAndSaysSo) {
  auto down = server_->run({"down"}, {{"DB_CONNECTION", "mysql"}, {"DB_HOST", "127.0.0.1"}, {"DB_PORT", "1"},
                                      {"DB_DATABASE", "nada"}});
  EXPECT_EQ(down.exit_code, 0) << down.output;
  EXPECT_NE(down.output.find("Could not write the maintenance flag to the database"), std::string::npos) << down.output;
  EXPECT_NE(down.output.find("on this node only"), std::string::npos) << down.output;
  EXPECT_TRUE(std::filesystem::exists(server_->base_path() / "storage/framework/down"));
  Browser visitor(server_->base_url());
  EXPECT_EQ(visitor.get("/login").status, 503);

  auto failed_up = server_->run({"up"}, {{"DB_CONNECTION", "mysql"}, {"DB_HOST", "127.0.0.1"}, {"DB_PORT", "1"},
                                         {"DB_DATABASE", "nada"}});
  EXPECT_EQ(failed_up.exit_code, 1) << failed_up.output;
  EXPECT_NE(failed_up.output.find("the database part failed"), std::string::npos) << failed_up.output;
  EXPECT_EQ(server_->run({"up"}).exit_code, 0);
  EXPECT_EQ(visitor.get("/login").status, 200);
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

namespace {
// Makes the current `nico down` look `minutes` old, in the flag file and in the database row alike (the newer of
// the two decides, so both must agree).
void age_maintenance(AppServer& server, int minutes) {
  std::int64_t since = std::chrono::duration_cast<std::chrono::seconds>(
                           std::chrono::system_clock::now().time_since_epoch()).count() - minutes * 60LL;
  std::int64_t since_ms = since * 1000;
  {
    std::ofstream flag(server.base_path() / "storage/framework/down", std::ios::trunc);
    flag << "created_at=" << since << "\nretry=0\nsecret=\nrender=errors%3A%3A503\nwritten_ms=" << since_ms << "\n";
  }
  server.database().lease()->once << "UPDATE maintenance_mode SET created_at = " << since
                                  << ", changed_ms = " << since_ms << " WHERE id = 1";
}

std::string alert_logs(const AppServer& server) {
  std::string all;
  for (const auto& entry : std::filesystem::directory_iterator(server.base_path() / "storage/logs")) {
    if (entry.path().filename().string().rfind("ops-alerts-", 0) != 0) continue;
    std::ifstream in(entry.path());
    all.append(std::istreambuf_iterator<char>(in), std::istreambuf_iterator<char>());
  }
  return all;
}
}  // namespace

TEST_F(Ops, ForgottenMaintenanceWarnsAfterTheWarnMinutesAndFailsAfterFourTimesThat) {
  ASSERT_EQ(server_->run({"down"}).exit_code, 0);
  auto fresh = server_->run({"ops:health-check"});
  EXPECT_NE(fresh.output.find("| OK     | Maintenance mode"), std::string::npos) << fresh.output;
  EXPECT_NE(fresh.output.find("recently switched on"), std::string::npos) << fresh.output;

  age_maintenance(*server_, 45);  // default OPS_MAINTENANCE_WARN_MINUTES is 30
  auto warned = server_->run({"ops:health-check"});
  EXPECT_NE(warned.output.find("| WARN   | Maintenance mode"), std::string::npos) << warned.output;
  EXPECT_NE(warned.output.find("On for 45 minutes, more than 30 minutes"), std::string::npos) << warned.output;
  EXPECT_NE(warned.output.find("Run `nico up` when done."), std::string::npos) << warned.output;

  age_maintenance(*server_, 121);
  auto failed = server_->run({"ops:health-check"});
  EXPECT_EQ(failed.exit_code, 1) << failed.output;
  EXPECT_NE(failed.output.find("| FAIL   | Maintenance mode"), std::string::npos) << failed.output;
  EXPECT_NE(failed.output.find("On for 121 minutes, more than 120 minutes"), std::string::npos) << failed.output;

  // The key is read like every other: a shop that wants a longer window gets it.
  auto patient = server_->run({"ops:health-check"}, {{"OPS_MAINTENANCE_WARN_MINUTES", "240"}});
  EXPECT_NE(patient.output.find("| OK     | Maintenance mode"), std::string::npos) << patient.output;
}

TEST_F(Ops, ForgottenMaintenanceRaisesOneOpsAlertWhileScheduledJobsAreSkipped) {
  ASSERT_EQ(server_->run({"down"}).exit_code, 0);
  auto early = server_->run({"schedule:run", "--now=2026-03-02 12:00"});
  EXPECT_EQ(early.output.find("Maintenance mode has been on"), std::string::npos) << early.output;
  EXPECT_EQ(alert_logs(*server_).find("MaintenanceOverdue"), std::string::npos);

  age_maintenance(*server_, 31);
  // A minute when the daily backup is due: it is skipped, and the alert goes out all the same.
  auto overdue = server_->run({"schedule:run", "--now=2026-03-03 03:15"});
  EXPECT_EQ(overdue.exit_code, 0) << overdue.output;
  EXPECT_NE(overdue.output.find("Skipping [backup]: the application is in maintenance mode."), std::string::npos)
      << overdue.output;
  EXPECT_NE(overdue.output.find("Maintenance mode has been on for 31 minutes (more than OPS_MAINTENANCE_WARN_MINUTES): "
                                "ops alert sent."),
            std::string::npos)
      << overdue.output;
  auto alerts = alert_logs(*server_);
  EXPECT_NE(alerts.find("Maintenance mode has been on for 31 minutes"), std::string::npos) << alerts;
  EXPECT_NE(alerts.find("Run `nico up` when done."), std::string::npos) << alerts;

  // The next minute's run (on this node or another) does not repeat it within OPS_ALERTS_DEDUPE_MINUTES.
  age_maintenance(*server_, 32);
  auto again = server_->run({"schedule:run", "--now=2026-03-03 03:16"});
  EXPECT_NE(again.output.find("no new alert"), std::string::npos) << again.output;
  auto after = alert_logs(*server_);
  std::size_t count = 0;
  for (std::size_t at = after.find("CRITICAL"); at != std::string::npos; at = after.find("CRITICAL", at + 1)) ++count;
  EXPECT_EQ(count, 1u) << after;
}

TEST_F(Ops, HealthCheckListsEveryRateLimiterIncludingThePerIpOnes) {
  auto result = server_->run({"ops:health-check"}, {{"RATE_LIMIT_CART_WRITE_PER_IP_PER_MINUTE", "321"},
                                                    {"RATE_LIMIT_CHECKOUT_CONFIRM_PER_IP_PER_MINUTE", "77"}});
  for (const char* row : {"| OK     | Rate limit: cart_write_per_minute", "| OK     | Rate limit: cart_write_per_ip_per_minute",
                          "| OK     | Rate limit: checkout_confirm_per_minute",
                          "| OK     | Rate limit: checkout_confirm_per_ip_per_minute"})
    EXPECT_NE(result.output.find(row), std::string::npos) << row << "\n" << result.output;
  EXPECT_NE(result.output.find("Configured with value 321."), std::string::npos) << result.output;
  EXPECT_NE(result.output.find("Configured with value 77."), std::string::npos) << result.output;
}
