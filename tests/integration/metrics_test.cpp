// /metrics as Prometheus and an operator see it: off by default, gated by address or bearer token, counting
// requests by route name and status class, and reporting queue, backup age and maintenance at scrape time.
#include <gtest/gtest.h>

#include <cmath>
#include <limits>
#include <sstream>

#include "support/app_server.hpp"
#include "support/browser.hpp"

using testing_support::AppServer;
using testing_support::Browser;
using testing_support::HttpResponse;

namespace {
using Env = std::map<std::string, std::string>;

const std::string kToken = "3f1c9a0e7b5d4c2a8e6f1b0d9c7a5e3f";

Env metrics_on(Env more = {}) {
  Env env = {{"METRICS_ENABLED", "true"}, {"METRICS_TOKEN", kToken}};
  env.insert(more.begin(), more.end());
  return env;
}

HttpResponse scrape(AppServer& server, const std::string& token = kToken, Env headers = {}) {
  if (!token.empty()) headers["Authorization"] = "Bearer " + token;
  return Browser(server.base_url()).get("/metrics", headers);
}

// The value of the sample `series` (name plus labels, exactly as exposed); 0 when the series is absent (a
// counter nobody incremented yet is not exposed).
double sample(const std::string& exposition, const std::string& series) {
  std::istringstream lines(exposition);
  for (std::string line; std::getline(lines, line);) {
    if (line.rfind(series + " ", 0) == 0) return std::stod(line.substr(series.size() + 1));
  }
  return 0;
}

bool has_series(const std::string& exposition, const std::string& series) {
  return exposition.find("\n" + series + " ") != std::string::npos;
}

std::string requests(const std::string& route, const std::string& status_class) {
  return "nico_http_requests_total{route=\"" + route + "\",status_class=\"" + status_class + "\"}";
}

}  // namespace

TEST(Metrics, OffByDefaultTheAddressDoesNotExist) {
  AppServer server;
  server.start();
  auto response = scrape(server);
  EXPECT_EQ(response.status, 404);
  EXPECT_EQ(response.body.find("nico_http_requests_total"), std::string::npos);
}

TEST(Metrics, CountsEachRouteNameAndStatusClassByTheRightAmount) {
  AppServer server(metrics_on());
  server.start();
  Browser visitor(server.base_url());
  ASSERT_EQ(visitor.get("/login").status, 200);  // warm-up: the series exists before the first scrape
  auto before = scrape(server);
  ASSERT_EQ(before.status, 200);

  EXPECT_EQ(visitor.get("/login").status, 200);
  EXPECT_EQ(visitor.get("/login").status, 200);
  EXPECT_EQ(visitor.get("/esto-no-existe").status, 404);
  EXPECT_EQ(visitor.get("/wp-login.php?x=1").status, 404);
  EXPECT_EQ(visitor.post("/login", {{"email", "ana@example.com"}, {"password", "x"}}).status, 419);  // no CSRF token
  EXPECT_EQ(visitor.get("/mi-cuenta").status, 302);  // a guest is sent to /login

  auto after = scrape(server);
  ASSERT_EQ(after.status, 200);
  const std::string& a = after.body;
  const std::string& b = before.body;
  EXPECT_EQ(sample(a, requests("login", "2xx")) - sample(b, requests("login", "2xx")), 2);
  EXPECT_EQ(sample(a, requests("unmatched", "4xx")) - sample(b, requests("unmatched", "4xx")), 2);
  EXPECT_EQ(sample(a, requests("login.post", "4xx")) - sample(b, requests("login.post", "4xx")), 1);
  EXPECT_EQ(sample(a, requests("account.edit", "3xx")) - sample(b, requests("account.edit", "3xx")), 1);
  EXPECT_EQ(sample(a, requests("metrics", "2xx")), 1);  // the first scrape; this one is still in flight
  // Raw paths never become labels.
  EXPECT_EQ(a.find("esto-no-existe"), std::string::npos);
  EXPECT_EQ(a.find("wp-login"), std::string::npos);

  // The latency histogram: buckets in seconds, the +Inf bucket and _count equal to the counter.
  const std::string labels = "route=\"login\",status_class=\"2xx\"";
  EXPECT_NE(a.find("# TYPE nico_http_request_duration_seconds histogram"), std::string::npos);
  EXPECT_TRUE(has_series(a, "nico_http_request_duration_seconds_bucket{" + labels + ",le=\"0.005\"}"));
  EXPECT_TRUE(has_series(a, "nico_http_request_duration_seconds_bucket{" + labels + ",le=\"1\"}"));
  EXPECT_EQ(sample(a, "nico_http_request_duration_seconds_bucket{" + labels + ",le=\"+Inf\"}"), 3);
  EXPECT_EQ(sample(a, "nico_http_request_duration_seconds_count{" + labels + "}"), 3);
  EXPECT_GT(sample(a, "nico_http_request_duration_seconds_sum{" + labels + "}"), 0);

  // Gauges read at scrape time.
  EXPECT_EQ(sample(a, "nico_http_requests_in_flight"), 1);  // the scrape itself
  EXPECT_TRUE(has_series(a, "nico_queue_jobs"));
  EXPECT_TRUE(has_series(a, "nico_queue_failed_jobs"));
  EXPECT_TRUE(has_series(a, "nico_db_pool_waits_total"));
  EXPECT_TRUE(has_series(a, "nico_db_pool_wait_seconds_total"));
  EXPECT_NE(a.find("\nnico_backup_newest_age_seconds +Inf\n"), std::string::npos);  // no backup yet
  EXPECT_EQ(sample(a, "nico_maintenance_mode"), 0);

  // A scrape is plain text, never cached, and leaves no cookie behind.
  EXPECT_EQ(after.header("content-type").rfind("text/plain; version=0.0.4", 0), 0u);
  EXPECT_EQ(after.header("cache-control"), "no-store");
  EXPECT_TRUE(after.header_values("set-cookie").empty());
}

TEST(Metrics, ReportsTheNewestBackupAgeTheQueueAndMaintenanceWhileTheSiteIsDown) {
  AppServer server(metrics_on({{"RATE_LIMIT_REPAIR_LOOKUP_PER_MINUTE", "1"}}));
  server.start();
  ASSERT_EQ(server.run({"ops:backup"}).exit_code, 0);
  server.database().lease()->once
      << "INSERT INTO failed_jobs (uuid, \"connection\", queue, payload, exception) "
         "VALUES ('metrics-test', 'database', 'default', '{}', 'boom')";
  Browser visitor(server.base_url());
  EXPECT_EQ(visitor.submit("/reparacion", "/reparacion", {{"code", "R-20260101-00009"}, {"phone", "3415550000"}}).status,
            302);
  EXPECT_EQ(visitor.submit("/reparacion", "/reparacion", {{"code", "R-20260101-00009"}, {"phone", "3415550000"}}).status,
            429);

  auto up = scrape(server);
  ASSERT_EQ(up.status, 200);
  double age = sample(up.body, "nico_backup_newest_age_seconds");
  EXPECT_GE(age, 0);
  EXPECT_LT(age, 3600);  // the snapshot this test just took, not +Inf
  EXPECT_EQ(sample(up.body, "nico_queue_failed_jobs"), 1);
  EXPECT_EQ(sample(up.body, "nico_rate_limiter_rejections_total{limiter=\"repair-lookup\"}"), 1);

  ASSERT_EQ(server.run({"down"}).exit_code, 0);
  EXPECT_EQ(visitor.get("/login").status, 503);
  auto down = scrape(server);
  EXPECT_EQ(down.status, 200);  // scrapes are not subject to maintenance mode
  EXPECT_EQ(sample(down.body, "nico_maintenance_mode"), 1);
  EXPECT_GE(sample(down.body, requests("maintenance", "5xx")), 1);
  ASSERT_EQ(server.run({"up"}).exit_code, 0);
  EXPECT_EQ(sample(scrape(server).body, "nico_maintenance_mode"), 0);
}

TEST(Metrics, OnlyAllowedAddressesOrTheTokenMayScrape) {
  AppServer server(metrics_on({{"METRICS_ALLOWED_IPS", "10.1.2.0/24"}}));
  server.start();
  // The suite talks from 127.0.0.1, which is not in the list.
  EXPECT_EQ(scrape(server, "").status, 403);
  EXPECT_EQ(scrape(server, "not-the-token").status, 403);
  EXPECT_EQ(scrape(server, "", {{"Authorization", "Basic " + kToken}}).status, 403);
  // Without TRUSTED_PROXIES a forwarded address is ignored: claiming to be 10.1.2.3 opens nothing.
  EXPECT_EQ(scrape(server, "", {{"X-Forwarded-For", "10.1.2.3"}}).status, 403);
  auto with_token = scrape(server);
  EXPECT_EQ(with_token.status, 200);
  EXPECT_NE(with_token.body.find("nico_http_requests_total"), std::string::npos);
}

TEST(Metrics, BehindATrustedProxyTheForwardedClientAddressDecides) {
  AppServer server({{"METRICS_ENABLED", "true"}, {"METRICS_ALLOWED_IPS", "10.1.2.0/24"},
                    {"TRUSTED_PROXIES", "127.0.0.1"}});
  server.start();
  EXPECT_EQ(scrape(server, "", {{"X-Forwarded-For", "10.1.2.3"}}).status, 200);
  // The proxy itself (or a visitor it forwards from elsewhere) is not the monitoring host.
  EXPECT_EQ(scrape(server, "").status, 403);
  EXPECT_EQ(scrape(server, "", {{"X-Forwarded-For", "10.1.2.3, 203.0.113.7"}}).status, 403);
  // No token configured: a bearer header opens nothing either.
  EXPECT_EQ(scrape(server, kToken, {{"X-Forwarded-For", "203.0.113.7"}}).status, 403);
}
