// Fault: the database is down while requests fail. The webhook and Sentry still hear about it, once per
// de-duplication window (delivered directly, off the request path), and every delivery also lands in the local
// spool (storage/framework/alert-spool) that `queue:work` drains once the database is back: what was delivered is
// removed without a second post, what could not be delivered is delivered then.
#include <gtest/gtest.h>

#include <chrono>
#include <filesystem>
#include <fstream>
#include <thread>

#include "../integration/support/app_server.hpp"
#include "../integration/support/browser.hpp"
#include "../integration/support/http_receiver.hpp"

using testing_support::AppServer;
using testing_support::Browser;
using testing_support::HttpReceiver;

namespace {
using Env = std::map<std::string, std::string>;

std::string sentry_dsn(int port) { return "http://clave-publica@127.0.0.1:" + std::to_string(port) + "/42"; }

std::filesystem::path database_file(const AppServer& server) { return server.base_path() / "storage/database.sqlite"; }

// Makes the running server's SQLite database unusable: every connection's next transaction fails with "file is
// not a database". The WAL is emptied into the file first, then the file header is overwritten and the shared
// WAL index invalidated (otherwise a connection may keep trusting its page cache). Returns the header to put back.
std::string break_database(AppServer& server) {
  server.database().lease()->once << "PRAGMA wal_checkpoint(TRUNCATE)";
  std::string header(100, '\0');
  std::fstream file(database_file(server), std::ios::in | std::ios::out | std::ios::binary);
  file.read(header.data(), 100);
  file.seekp(0);
  file << std::string(100, 'X');
  file.close();
  std::fstream shm(database_file(server).string() + "-shm", std::ios::in | std::ios::out | std::ios::binary);
  if (shm) shm << std::string(136, '\xff');
  return header;
}

void restore_database(const AppServer& server, const std::string& header) {
  std::fstream file(database_file(server), std::ios::in | std::ios::out | std::ios::binary);
  file << header;
}

// Spool file suffixes (".sent", ".ready", ...) of the entries present now.
std::vector<std::string> spool_states(const AppServer& server) {
  std::vector<std::string> states;
  std::error_code error;
  for (const auto& item : std::filesystem::directory_iterator(server.base_path() / "storage/framework/alert-spool", error))
    states.push_back(item.path().extension().string());
  std::sort(states.begin(), states.end());
  return states;
}

bool wait_for_spool(const AppServer& server, const std::vector<std::string>& expected, int timeout_ms) {
  auto deadline = std::chrono::steady_clock::now() + std::chrono::milliseconds(timeout_ms);
  while (spool_states(server) != expected) {
    if (std::chrono::steady_clock::now() > deadline) return false;
    std::this_thread::sleep_for(std::chrono::milliseconds(50));
  }
  return true;
}

class AlertsWithoutDatabase : public ::testing::Test {
 protected:
  void SetUp() override {
    if (std::getenv("DB_CONNECTION") && std::string(std::getenv("DB_CONNECTION")) != "sqlite")
      GTEST_SKIP() << "SQLite file only: the outage is made by corrupting the database file's header";
  }

  // A sign-in attempt: it needs the database (rate limiter, users), so it fails with 500 while it is down. Each
  // attempt uses another address, as different visitors would (the SQL error then carries other bound values).
  static int failing_request(Browser& browser, const std::string& token, int visitor = 0) {
    return browser
        .post("/login", {{"_token", token}, {"email", "ana" + std::to_string(visitor) + "@example.com"}, {"password", "secreto123"}})
        .status;
  }
};

}  // namespace

TEST_F(AlertsWithoutDatabase, ErrorsDuringTheOutageReachWebhookAndSentryOnceAndTheDrainSendsNothingTwice) {
  HttpReceiver webhook, sentry;
  AppServer server(Env{{"OPS_ALERT_STACK", "ops_daily,ops_slack"},
                       {"OPS_ALERT_WEBHOOK_URL", webhook.url("/hooks/caida")},
                       {"SENTRY_DSN", sentry_dsn(sentry.port())}});
  server.start();
  Browser browser(server.base_url());
  auto login_page = browser.get("/login");
  ASSERT_EQ(login_page.status, 200);
  std::string token = testing_support::csrf_token_in(login_page.body);

  auto header = break_database(server);
  for (int i = 0; i < 4; ++i) EXPECT_EQ(failing_request(browser, token, i), 500) << "request " << i;

  ASSERT_EQ(webhook.wait_for(1, 15000), 1u) << server.log_contents();
  ASSERT_EQ(sentry.wait_for(1, 15000), 1u) << server.log_contents();
  EXPECT_NE(webhook.requests()[0].body.find("Unhandled exception: soci::"), std::string::npos) << webhook.requests()[0].body;
  EXPECT_EQ(sentry.requests()[0].target, "/api/42/envelope/");
  EXPECT_NE(sentry.requests()[0].body.find("file is not a database"), std::string::npos);
  // Both deliveries are in the spool, marked as delivered.
  EXPECT_TRUE(wait_for_spool(server, {".sent", ".sent"}, 5000)) << ::testing::PrintToString(spool_states(server));
  // Four errors (four visitors) within the window: still one post each.
  EXPECT_EQ(webhook.wait_for(2, 1500), 1u);
  EXPECT_EQ(sentry.wait_for(2, 500), 1u);

  server.stop();
  restore_database(server, header);
  auto worker = server.run({"queue:work", "--stop-when-empty"});
  EXPECT_EQ(worker.exit_code, 0) << worker.output;
  EXPECT_TRUE(spool_states(server).empty()) << ::testing::PrintToString(spool_states(server));
  EXPECT_EQ(webhook.wait_for(2, 1000), 1u) << "the drain sent an alert that was already delivered";
  EXPECT_EQ(sentry.wait_for(2, 200), 1u);
}

TEST_F(AlertsWithoutDatabase, AnAlertThatCouldNotBeDeliveredDuringTheOutageIsDeliveredFromTheSpoolLater) {
  AppServer server(Env{{"OPS_ALERT_STACK", "ops_slack"},
                       {"OPS_ALERT_WEBHOOK_URL", "http://127.0.0.1:1/hooks/caida"},  // nothing listens there
                       {"SENTRY_DSN", sentry_dsn(1)}});
  server.start();
  Browser browser(server.base_url());
  auto login_page = browser.get("/login");
  ASSERT_EQ(login_page.status, 200);
  auto header = break_database(server);
  EXPECT_EQ(failing_request(browser, testing_support::csrf_token_in(login_page.body)), 500);
  // Direct delivery failed: both wait in the spool for the worker.
  EXPECT_TRUE(wait_for_spool(server, {".ready", ".ready"}, 15000)) << ::testing::PrintToString(spool_states(server));

  server.stop();
  restore_database(server, header);
  HttpReceiver webhook, sentry;  // the receivers are back
  auto worker = server.run({"queue:work", "--stop-when-empty"},
                           {{"OPS_ALERT_WEBHOOK_URL", webhook.url("/hooks/caida")}, {"SENTRY_DSN", sentry_dsn(sentry.port())}});
  EXPECT_EQ(worker.exit_code, 0) << worker.output;
  ASSERT_EQ(webhook.wait_for(1), 1u) << worker.output;
  ASSERT_EQ(sentry.wait_for(1), 1u) << worker.output;
  EXPECT_NE(webhook.requests()[0].body.find("Unhandled exception: soci::"), std::string::npos);
  EXPECT_NE(sentry.requests()[0].body.find("file is not a database"), std::string::npos);
  EXPECT_TRUE(spool_states(server).empty()) << ::testing::PrintToString(spool_states(server));
  EXPECT_EQ(webhook.wait_for(2, 500), 1u);
}

TEST_F(AlertsWithoutDatabase, CommandsFailingOneAfterAnotherDuringTheOutageAlertOnce) {
  // Each failing command is a new process (a `schedule:run` every minute, a `queue:work` systemd restarts): the
  // de-duplication without the database still holds across them.
  HttpReceiver webhook;
  AppServer server(Env{{"OPS_ALERT_STACK", "ops_slack"}, {"OPS_ALERT_WEBHOOK_URL", webhook.url("/hooks/caida")}});
  auto header = break_database(server);
  for (int i = 0; i < 3; ++i) {
    auto result = server.run({"migrate:status"});
    EXPECT_EQ(result.exit_code, 1) << result.output;
  }
  EXPECT_EQ(webhook.wait_for(1, 5000), 1u);
  EXPECT_NE(webhook.requests()[0].body.find("file is not a database"), std::string::npos);
  EXPECT_EQ(webhook.wait_for(2, 500), 1u);
  EXPECT_EQ(spool_states(server), std::vector<std::string>{".sent"});
  restore_database(server, header);
}
