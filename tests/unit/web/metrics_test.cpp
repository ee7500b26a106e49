#include "web/metrics.hpp"

#include <gtest/gtest.h>

#include <cmath>
#include <limits>
#include <sstream>

#include "infra/limiter_rejections.hpp"
#include "ops/operational_state.hpp"
#include "web/router.hpp"

namespace {

web::Router two_routes() {
  web::Router router;
  auto ok = [](web::Context&) { return http::Response::text(200, "ok"); };
  router.add("GET", "/tienda", "store.index", web::Access::kAnyone, ok);
  router.add("POST", "/login", "login.post", web::Access::kGuest, ok);
  return router;
}

// The value of the sample line that starts with `series` followed by a space; NaN when there is none.
double sample(const std::string& exposition, const std::string& series) {
  std::istringstream lines(exposition);
  for (std::string line; std::getline(lines, line);) {
    if (line.rfind(series + " ", 0) == 0) return std::stod(line.substr(series.size() + 1));
  }
  return std::numeric_limits<double>::quiet_NaN();
}

}  // namespace

TEST(Metrics, StatusClassesGroupByTheHundred) {
  EXPECT_EQ(web::status_class(200), "2xx");
  EXPECT_EQ(web::status_class(204), "2xx");
  EXPECT_EQ(web::status_class(302), "3xx");
  EXPECT_EQ(web::status_class(404), "4xx");
  EXPECT_EQ(web::status_class(419), "4xx");
  EXPECT_EQ(web::status_class(500), "5xx");
  EXPECT_EQ(web::status_class(503), "5xx");
  EXPECT_EQ(web::status_class(101), "1xx");
  EXPECT_EQ(web::status_class(0), "1xx");
  EXPECT_EQ(web::status_class(600), "5xx");
}

TEST(Metrics, RouteNamesAreLabelsAndAnythingElseIsUnmatched) {
  auto router = two_routes();
  web::Metrics metrics(router, {});
  EXPECT_EQ(metrics.route_label("store.index"), "store.index");
  EXPECT_EQ(metrics.route_label("login.post"), "login.post");
  // Names the kernel gives outside the router.
  EXPECT_EQ(metrics.route_label("static"), "static");
  EXPECT_EQ(metrics.route_label("maintenance"), "maintenance");
  EXPECT_EQ(metrics.route_label("metrics"), "metrics");
  // No route: never the raw path, so a scanner cannot create series.
  EXPECT_EQ(metrics.route_label("404"), "unmatched");
  EXPECT_EQ(metrics.route_label("405"), "unmatched");
  EXPECT_EQ(metrics.route_label(""), "unmatched");
  EXPECT_EQ(metrics.route_label("/wp-login.php"), "unmatched");
}

TEST(Metrics, RequestsAreCountedAndTimedByRouteAndStatusClass) {
  auto router = two_routes();
  web::Metrics metrics(router, {});
  metrics.observe("store.index", 200, 0.002);
  metrics.observe("store.index", 200, 0.2);
  metrics.observe("store.index", 503, 2.0);
  metrics.observe("404", 404, 0.0001);
  metrics.observe("/.env", 404, 0.0001);
  std::string text = metrics.scrape(ops::OperationalState{});
  EXPECT_EQ(sample(text, R"(nico_http_requests_total{route="store.index",status_class="2xx"})"), 2);
  EXPECT_EQ(sample(text, R"(nico_http_requests_total{route="store.index",status_class="5xx"})"), 1);
  EXPECT_EQ(sample(text, R"(nico_http_requests_total{route="unmatched",status_class="4xx"})"), 2);
  // No series for pairs that never happened.
  EXPECT_EQ(text.find(R"(route="login.post")"), std::string::npos);
  EXPECT_EQ(text.find("/.env"), std::string::npos);
  // Cumulative buckets in seconds.
  const std::string bucket = R"(nico_http_request_duration_seconds_bucket{route="store.index",status_class="2xx",le=)";
  EXPECT_EQ(sample(text, bucket + R"("0.001"})"), 0);
  EXPECT_EQ(sample(text, bucket + R"("0.0025"})"), 1);
  EXPECT_EQ(sample(text, bucket + R"("0.25"})"), 2);
  EXPECT_EQ(sample(text, bucket + R"("+Inf"})"), 2);
  EXPECT_EQ(sample(text, R"(nico_http_request_duration_seconds_count{route="store.index",status_class="2xx"})"), 2);
  EXPECT_DOUBLE_EQ(sample(text, R"(nico_http_request_duration_seconds_sum{route="store.index",status_class="2xx"})"),
                   0.202);
  EXPECT_NE(text.find("# TYPE nico_http_request_duration_seconds histogram"), std::string::npos);
}

TEST(Metrics, TheInFlightGaugeFollowsTheRequestsBeingHandled) {
  auto router = two_routes();
  web::Metrics metrics(router, {});
  EXPECT_EQ(sample(metrics.scrape({}), "nico_http_requests_in_flight"), 0);
  {
    web::Metrics::InFlight first(&metrics);
    web::Metrics::InFlight second(&metrics);
    EXPECT_EQ(sample(metrics.scrape({}), "nico_http_requests_in_flight"), 2);
  }
  EXPECT_EQ(sample(metrics.scrape({}), "nico_http_requests_in_flight"), 0);
  web::Metrics::InFlight off(nullptr);  // metrics off: nothing to hold
}

TEST(Metrics, ScrapeTimeReadingsBecomeGauges) {
  auto router = two_routes();
  web::Metrics metrics(router, {});
  ops::OperationalState state;
  state.queue_depth = 3;
  state.failed_jobs = 1;
  state.newest_backup_age_seconds = 7200;
  state.maintenance = true;
  std::string text = metrics.scrape(state);
  EXPECT_EQ(sample(text, "nico_queue_jobs"), 3);
  EXPECT_EQ(sample(text, "nico_queue_failed_jobs"), 1);
  EXPECT_EQ(sample(text, "nico_backup_newest_age_seconds"), 7200);
  EXPECT_EQ(sample(text, "nico_maintenance_mode"), 1);
  EXPECT_EQ(sample(text, "nico_db_pool_waits_total") >= 0, true);
  EXPECT_NE(text.find("# TYPE nico_db_pool_wait_seconds_total counter"), std::string::npos);

  // No complete backup: +Inf, so "older than 26 h" fires; unreadable queue tables: no sample rather than a lie.
  std::string empty = metrics.scrape(ops::OperationalState{});
  EXPECT_NE(empty.find("nico_backup_newest_age_seconds +Inf\n"), std::string::npos);
  EXPECT_NE(empty.find("nico_maintenance_mode 0\n"), std::string::npos);
  EXPECT_EQ(empty.find("nico_queue_jobs "), std::string::npos);
}

TEST(Metrics, LimiterRefusalsAreCountedPerLimiterName) {
  auto router = two_routes();
  web::Metrics metrics(router, {});
  const std::string series = R"(nico_rate_limiter_rejections_total{limiter="unit-test-limiter"})";
  const double seen = sample(metrics.scrape({}), series);  // counters are per process: other tests may add
  const double before = std::isnan(seen) ? 0 : seen;
  infra::note_limiter_rejection("unit-test-limiter");
  infra::note_limiter_rejection("unit-test-limiter");
  EXPECT_EQ(sample(metrics.scrape({}), series), before + 2);
}
