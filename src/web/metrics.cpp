// The Prometheus registry behind /metrics: request counters and histograms by route label and status class,
// the in-flight gauge, and the scrape-time families (see metrics.hpp).
#include "web/metrics.hpp"

#include <prometheus/counter.h>
#include <prometheus/family.h>
#include <prometheus/gauge.h>
#include <prometheus/histogram.h>
#include <prometheus/metric_family.h>
#include <prometheus/registry.h>
#include <prometheus/text_serializer.h>

#include <algorithm>
#include <array>
#include <atomic>
#include <limits>
#include <mutex>
#include <unordered_map>
#include <vector>

#include "db/pool_waits.hpp"
#include "infra/limiter_rejections.hpp"
#include "ops/operational_state.hpp"
#include "web/router.hpp"

namespace web {

namespace {

constexpr std::array<std::string_view, 5> kStatusClasses = {"1xx", "2xx", "3xx", "4xx", "5xx"};
constexpr std::string_view kUnmatched = "unmatched";
// Names web::Kernel gives requests it answers without a router match (kernel.cpp) and the /metrics route.
constexpr std::array<std::string_view, 4> kNamesOutsideTheRouter = {"static", "maintenance", "maintenance.bypass",
                                                                     "metrics"};

// Seconds. Our pages take well under a millisecond to tens of milliseconds; the top buckets catch lock waits
// (DB_REQUEST_LOCK_WAIT_MS, 2 s) and slow uploads.
const prometheus::Histogram::BucketBoundaries& latency_buckets() {
  static const prometheus::Histogram::BucketBoundaries buckets = {0.0005, 0.001, 0.0025, 0.005, 0.01, 0.025, 0.05,
                                                                   0.1,    0.25,  0.5,    1,     2.5,  5,     10};
  return buckets;
}

std::size_t class_index(int status) {
  if (status < 200) return 0;
  if (status >= 500) return 4;
  return static_cast<std::size_t>(status / 100 - 1);
}

prometheus::MetricFamily family(std::string name, std::string help, prometheus::MetricType type) {
  prometheus::MetricFamily result;
  result.name = std::move(name);
  result.help = std::move(help);
  result.type = type;
  return result;
}

prometheus::ClientMetric counter_value(double value, std::vector<prometheus::ClientMetric::Label> labels = {}) {
  prometheus::ClientMetric metric;
  metric.label = std::move(labels);
  metric.counter.value = value;
  return metric;
}

prometheus::ClientMetric gauge_value(double value) {
  prometheus::ClientMetric metric;
  metric.gauge.value = value;
  return metric;
}

}  // namespace

std::string_view status_class(int status) { return kStatusClasses[class_index(status)]; }

struct Metrics::Impl {
  // One (route label, status class) pair: created on its first request, then read without a lock.
  struct Cell {
    std::atomic<prometheus::Counter*> requests{nullptr};
    prometheus::Histogram* duration = nullptr;  // set before `requests` is published
  };
  struct Slot {
    std::string label;
    std::array<Cell, kStatusClasses.size()> by_class;
  };

  prometheus::Registry registry;
  prometheus::Family<prometheus::Counter>& requests;
  prometheus::Family<prometheus::Histogram>& durations;
  prometheus::Gauge& in_flight;
  std::unique_ptr<Slot[]> slots;  // the known names, then "unmatched" last
  std::size_t slot_count = 0;
  std::unordered_map<std::string_view, std::size_t> index;  // keys view the slots' labels
  std::mutex create_mutex;                                  // only while a pair is created

  Impl()
      : requests(prometheus::BuildCounter()
                     .Name("nico_http_requests_total")
                     .Help("HTTP requests answered, by route name and status class.")
                     .Register(registry)),
        durations(prometheus::BuildHistogram()
                      .Name("nico_http_request_duration_seconds")
                      .Help("Time from the request reaching the application to its answer being ready.")
                      .Register(registry)),
        in_flight(prometheus::BuildGauge()
                      .Name("nico_http_requests_in_flight")
                      .Help("Requests being handled right now.")
                      .Register(registry)
                      .Add({})) {}

  Slot& slot_for(std::string_view route_name) {
    auto found = index.find(route_name);
    return slots[found == index.end() ? slot_count - 1 : found->second];
  }

  Cell& cell(Slot& slot, std::size_t klass) {
    Cell& cell = slot.by_class[klass];
    if (cell.requests.load(std::memory_order_acquire)) return cell;
    std::lock_guard lock(create_mutex);
    if (!cell.requests.load(std::memory_order_relaxed)) {
      const prometheus::Labels labels = {{"route", slot.label}, {"status_class", std::string(kStatusClasses[klass])}};
      cell.duration = &durations.Add(labels, latency_buckets());
      cell.requests.store(&requests.Add(labels), std::memory_order_release);
    }
    return cell;
  }
};

Metrics::Metrics(const Router& router, MetricsGate gate) : impl_(std::make_unique<Impl>()), gate_(std::move(gate)) {
  std::vector<std::string> names;
  for (const auto& route : router.routes()) names.push_back(route.name);
  names.insert(names.end(), kNamesOutsideTheRouter.begin(), kNamesOutsideTheRouter.end());
  std::sort(names.begin(), names.end());
  names.erase(std::unique(names.begin(), names.end()), names.end());
  std::erase(names, std::string(kUnmatched));
  names.emplace_back(kUnmatched);
  impl_->slot_count = names.size();
  impl_->slots = std::make_unique<Impl::Slot[]>(names.size());
  for (std::size_t i = 0; i < names.size(); ++i) {
    impl_->slots[i].label = std::move(names[i]);
    if (i + 1 < names.size()) impl_->index.emplace(impl_->slots[i].label, i);
  }
}

Metrics::~Metrics() = default;

Metrics::InFlight::InFlight(Metrics* metrics) : metrics_(metrics) {
  if (metrics_) metrics_->impl_->in_flight.Increment();
}

Metrics::InFlight::~InFlight() {
  if (metrics_) metrics_->impl_->in_flight.Decrement();
}

void Metrics::observe(std::string_view route_name, int status, double seconds) {
  Impl::Cell& cell = impl_->cell(impl_->slot_for(route_name), class_index(status));
  cell.requests.load(std::memory_order_relaxed)->Increment();
  cell.duration->Observe(seconds);
}

std::string_view Metrics::route_label(std::string_view route_name) const {
  return impl_->slot_for(route_name).label;
}

std::string Metrics::scrape(const ops::OperationalState& state) const {
  using prometheus::MetricType;
  std::vector<prometheus::MetricFamily> families = impl_->registry.Collect();

  const db::PoolWaits waits = db::pool_waits();
  auto pool_waits = family("nico_db_pool_waits_total",
                           "Database leases that found every pooled connection in use and waited.", MetricType::Counter);
  pool_waits.metric.push_back(counter_value(static_cast<double>(waits.count)));
  families.push_back(std::move(pool_waits));
  auto pool_wait_time = family("nico_db_pool_wait_seconds_total", "Total time spent waiting for a pooled connection.",
                               MetricType::Counter);
  pool_wait_time.metric.push_back(counter_value(waits.seconds));
  families.push_back(std::move(pool_wait_time));

  auto rejections = family("nico_rate_limiter_rejections_total", "Hits refused by a rate limiter, by limiter name.",
                           MetricType::Counter);
  for (const auto& [limiter, count] : infra::limiter_rejections())
    rejections.metric.push_back(counter_value(static_cast<double>(count), {{"limiter", limiter}}));
  families.push_back(std::move(rejections));

  if (state.queue_depth) {
    auto depth = family("nico_queue_jobs", "Jobs in the queue (waiting, delayed or running).", MetricType::Gauge);
    depth.metric.push_back(gauge_value(static_cast<double>(*state.queue_depth)));
    families.push_back(std::move(depth));
  }
  if (state.failed_jobs) {
    auto failed = family("nico_queue_failed_jobs", "Jobs in failed_jobs (see nico queue:failed).", MetricType::Gauge);
    failed.metric.push_back(gauge_value(static_cast<double>(*state.failed_jobs)));
    families.push_back(std::move(failed));
  }
  auto backup_age = family("nico_backup_newest_age_seconds",
                           "Seconds since the newest complete snapshot in OPS_BACKUP_PATH was finished (+Inf: none).",
                           MetricType::Gauge);
  backup_age.metric.push_back(gauge_value(state.newest_backup_age_seconds
                                              ? static_cast<double>(*state.newest_backup_age_seconds)
                                              : std::numeric_limits<double>::infinity()));
  families.push_back(std::move(backup_age));
  auto maintenance = family("nico_maintenance_mode", "1 while maintenance mode (nico down) is on.", MetricType::Gauge);
  maintenance.metric.push_back(gauge_value(state.maintenance ? 1 : 0));
  families.push_back(std::move(maintenance));

  return prometheus::TextSerializer().Serialize(families);
}

}  // namespace web
