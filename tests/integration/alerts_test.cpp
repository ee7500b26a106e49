// Monitoring and ops alerts end to end: the daily log, the webhook and Sentry receivers on 127.0.0.1,
// de-duplication across processes, and `ops:alert-test`.
#include <gtest/gtest.h>

#include <filesystem>
#include <fstream>
#include <sstream>

#include "support/app_server.hpp"
#include "support/test_files.hpp"
#include "support/browser.hpp"
#include "support/http_receiver.hpp"

using testing_support::AppServer;
using testing_support::count_of;
using testing_support::Browser;
using testing_support::HttpReceiver;

namespace {
using Env = std::map<std::string, std::string>;

std::string read_alert_logs(const std::filesystem::path& base) {
  std::string all;
  for (const auto& file : testing_support::entries_with_prefix(base / "storage/logs", "ops-alerts-"))
    all += testing_support::read_text(file);
  return all;
}

// A command failure with a healthy database: a recorded migration this binary does not know.
void plant_unknown_migration(AppServer& server) {
  server.database().lease()->once << "INSERT INTO migrations (migration, batch) VALUES ('9999_from_the_future', 99)";
}
}  // namespace

TEST(OpsAlerts, AlertTestWritesTheDailyLogThroughTheDefaultStack) {
  AppServer server;
  auto result = server.run({"ops:alert-test", "--message=Monitor command test {source}"});
  EXPECT_EQ(result.exit_code, 0) << result.output;
  EXPECT_NE(result.output.find("Alert sent through channel `ops_alerts`."), std::string::npos);
  std::string log = read_alert_logs(server.base_path());
  EXPECT_NE(log.find("testing.CRITICAL: Monitor command test ops:alert-test"), std::string::npos) << log;
  EXPECT_NE(log.find("\"source\":\"ops:alert-test\""), std::string::npos);
}

TEST(OpsAlerts, AlertTestRefusesAnUnknownOrEmptyChannel) {
  AppServer server;
  auto unknown = server.run({"ops:alert-test", "--channel=telegram"});
  EXPECT_EQ(unknown.exit_code, 1);
  EXPECT_NE(unknown.output.find("Unknown alert channel `telegram`."), std::string::npos);
  auto empty = server.run({"ops:alert-test"}, {{"OPS_ALERTS_CHANNEL", " "}});
  EXPECT_EQ(empty.exit_code, 1);
  EXPECT_NE(empty.output.find("Alert channel is empty. Configure OPS_ALERTS_CHANNEL."), std::string::npos);
}

TEST(OpsAlerts, WebhookReceivesTheSlackCompatiblePayload) {
  HttpReceiver webhook;
  AppServer server;
  auto result = server.run({"ops:alert-test", "--channel=ops_slack", "--message=Prueba de webhook"},
                           {{"OPS_ALERT_WEBHOOK_URL", webhook.url("/hooks/abc")}});
  ASSERT_EQ(result.exit_code, 0) << result.output;
  ASSERT_EQ(webhook.wait_for(1), 1u);
  auto request = webhook.requests()[0];
  EXPECT_EQ(request.method, "POST");
  EXPECT_EQ(request.target, "/hooks/abc");
  EXPECT_EQ(request.headers["content-type"], "application/json");
  EXPECT_EQ(request.body.rfind("{\"username\":\"NicoReparaciones Alerts\",\"attachments\":[{\"fallback\":\"Prueba de webhook\","
                               "\"text\":\"Prueba de webhook\",\"color\":\"danger\",\"fields\":[{\"title\":\"Level\","
                               "\"value\":\"CRITICAL\",\"short\":false},{\"title\":\"Source\",\"value\":\"ops:alert-test\"",
                               0),
            0u)
      << request.body;
  EXPECT_NE(request.body.find("\"mrkdwn_in\":[\"fields\"]"), std::string::npos);
  EXPECT_NE(request.body.find("\"footer_icon\":\"rotating_light\",\"title\":\"Message\"}],\"icon_emoji\":\":rotating_light:\"}"),
            std::string::npos);
}

TEST(OpsAlerts, AFailingWebhookIsReportedWithExit1) {
  HttpReceiver broken(500);
  AppServer server;
  auto result = server.run({"ops:alert-test", "--channel=ops_slack"}, {{"OPS_ALERT_WEBHOOK_URL", broken.url()}});
  EXPECT_EQ(result.exit_code, 1);
  EXPECT_NE(result.output.find("Failed to write alert on channel `ops_slack`: webhook answered HTTP 500"), std::string::npos)
      << result.output;
  auto unreachable = server.run({"ops:alert-test", "--channel=ops_slack"}, {{"OPS_ALERT_WEBHOOK_URL", "http://127.0.0.1:1/"}});
  EXPECT_EQ(unreachable.exit_code, 1);
  EXPECT_NE(unreachable.output.find("Failed to write alert on channel `ops_slack`: POST failed"), std::string::npos);
}

TEST(OpsAlerts, TheSameFailureTwiceAlertsOnceButReachesSentryTwice) {
  HttpReceiver webhook, sentry;
  AppServer server(Env{{"OPS_ALERT_STACK", "ops_daily,ops_slack"},
                    {"OPS_ALERT_WEBHOOK_URL", webhook.url()},
                    {"SENTRY_DSN", "http://clave-publica@127.0.0.1:" + std::to_string(sentry.port()) + "/42"}});
  plant_unknown_migration(server);
  EXPECT_EQ(server.run({"migrate:rollback"}).exit_code, 1);
  EXPECT_EQ(server.run({"migrate:rollback"}).exit_code, 1);

  std::string log = read_alert_logs(server.base_path());
  EXPECT_EQ(count_of(log, "Unhandled exception: std::runtime_error"), 1u) << log;
  EXPECT_NE(log.find("\"file\":\"nico migrate:rollback\""), std::string::npos);
  // Webhook and Sentry deliveries are queued; a worker sends them.
  EXPECT_EQ(webhook.requests().size(), 0u);
  EXPECT_EQ(server.run({"queue:work", "--stop-when-empty"}).exit_code, 0);
  EXPECT_EQ(webhook.wait_for(1), 1u);
  EXPECT_EQ(sentry.wait_for(2), 2u);
  auto event = sentry.requests()[0];
  EXPECT_EQ(event.target, "/api/42/envelope/");
  EXPECT_NE(event.headers["x-sentry-auth"].find("sentry_key=clave-publica"), std::string::npos);
  EXPECT_EQ(event.headers["content-type"], "application/x-sentry-envelope");
  EXPECT_NE(event.body.find("{\"type\":\"event\""), std::string::npos);
  EXPECT_NE(event.body.find("\"type\":\"std::runtime_error\""), std::string::npos);
  EXPECT_NE(event.body.find("9999_from_the_future"), std::string::npos);
}

TEST(OpsAlerts, MonitoringDisabledMeansNoAlert) {
  AppServer server(Env{{"MONITORING_ENABLED", "false"}});
  plant_unknown_migration(server);
  EXPECT_EQ(server.run({"migrate:rollback"}).exit_code, 1);
  EXPECT_EQ(read_alert_logs(server.base_path()).find("Unhandled exception"), std::string::npos);
}

TEST(OpsAlerts, AServerErrorShowsTheReferenceAndRaisesAnAlert) {
  AppServer server;
  server.start();
  Browser browser(server.base_url());
  auto login_page = browser.get("/login");
  ASSERT_EQ(login_page.status, 200);
  server.database().lease()->once << "ALTER TABLE users RENAME TO users_gone";  // sign-in now hits a broken schema
  auto response = browser.post("/login", {{"_token", testing_support::csrf_token_in(login_page.body)},
                                          {"email", "ana@example.com"},
                                          {"password", "secreto123"}});
  EXPECT_EQ(response.status, 500);
  EXPECT_TRUE(response.contains("Algo salió mal"));
  EXPECT_TRUE(response.contains(response.header("x-request-id")));
  EXPECT_FALSE(response.contains("no such table"));  // no internals for visitors
  std::string log = read_alert_logs(server.base_path());
  EXPECT_NE(log.find("Unhandled exception: soci::"), std::string::npos) << log;
  EXPECT_NE(log.find("\"method\":\"POST\""), std::string::npos);
}

TEST(OpsAlerts, WebhookDeliveriesFromTheServerGoThroughTheQueue) {
  HttpReceiver webhook;
  AppServer server(Env{{"OPS_ALERT_STACK", "ops_slack"}, {"OPS_ALERT_WEBHOOK_URL", webhook.url()}});
  server.start();
  Browser browser(server.base_url());
  auto login_page = browser.get("/login");
  server.database().lease()->once << "ALTER TABLE users RENAME TO users_gone";
  auto response = browser.post("/login", {{"_token", testing_support::csrf_token_in(login_page.body)},
                                          {"email", "ana@example.com"}, {"password", "secreto123"}});
  ASSERT_EQ(response.status, 500);
  int queued = 0;
  server.database().lease()->once << "SELECT COUNT(*) FROM jobs WHERE payload LIKE '%ops.alert.webhook%'", soci::into(queued);
  EXPECT_EQ(queued, 1);
  EXPECT_EQ(webhook.requests().size(), 0u);  // the request did not wait for the webhook
  auto worker = server.run({"queue:work", "--stop-when-empty"});
  EXPECT_EQ(worker.exit_code, 0) << worker.output;
  ASSERT_EQ(webhook.wait_for(1), 1u);
  EXPECT_NE(webhook.requests()[0].body.find("Unhandled exception: soci::"), std::string::npos);
}

TEST(OpsAlerts, FailedScheduledTasksAndJobsRaiseAlerts) {
  AppServer server(Env{{"NICO_SCHEDULE_TEST_TASK", "migrate:rollback"}});
  plant_unknown_migration(server);
  auto schedule = server.run({"schedule:run", "--now=2026-11-27 10:17"});
  EXPECT_EQ(schedule.exit_code, 1) << schedule.output;
  auto probe = server.run({"queue:probe", "--count=1", "--fail"});
  ASSERT_EQ(probe.exit_code, 0) << probe.output;
  server.run({"queue:work", "--stop-when-empty", "--tries=1"});
  std::string log = read_alert_logs(server.base_path());
  EXPECT_NE(log.find("Unhandled exception: ScheduledTaskFailed"), std::string::npos) << log;
  EXPECT_NE(log.find("\"file\":\"schedule test-task\""), std::string::npos);
  EXPECT_NE(log.find("Unhandled exception: QueueJobFailed"), std::string::npos) << log;
}

TEST(OpsAlerts, AFailedBackupRaisesAnAlert) {
  AppServer server;
  auto result = server.run({"ops:backup"}, {{"OPS_BACKUP_PATH", "/proc/no-se-puede"}});
  EXPECT_EQ(result.exit_code, 1);
  std::string log = read_alert_logs(server.base_path());
  EXPECT_NE(log.find("Unhandled exception: BackupFailed"), std::string::npos) << log;
  EXPECT_NE(log.find("Backup setup failed"), std::string::npos);
}

TEST(OpsAlerts, RestoreDrillRunsTheHealthCheckOnTheRestoredCopy) {
  AppServer server;
  ASSERT_EQ(server.run({"ops:backup"}).exit_code, 0);
  auto drill = server.run({"ops:restore", "latest", "--drill"});
  EXPECT_EQ(drill.exit_code, 0) << drill.output;
  EXPECT_NE(drill.output.find("| OK     | Core tables"), std::string::npos) << drill.output;
  EXPECT_NE(drill.output.find("| OK     | Migrations"), std::string::npos);
  EXPECT_NE(drill.output.find("Restore drill OK"), std::string::npos);
}
