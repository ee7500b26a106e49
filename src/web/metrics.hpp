// Prometheus metrics for /metrics (METRICS_ENABLED), through prometheus-cpp's core library: its Registry and
// TextSerializer only; the exposition is served by our own route (routes/public/metrics.cpp), not by the
// library's civetweb server. The prometheus headers stay inside metrics.cpp.
//
// Per request (web::Kernel::handle, one call where the access-log line is written): a counter and a latency
// histogram labelled by route NAME (never the raw path: the label set is bounded by the route table) and status
// class, and an in-flight gauge. Names the kernel gives outside the router ("static", "maintenance",
// "maintenance.bypass", "metrics") are labels too; "404"/"405", early 400/413 refusals and anything else are
// "unmatched". The label table is built once from the router and never changes, so a request looks its route up
// without a lock; each (route, class) pair's counter and histogram are created on first use and cached.
//
// At scrape time: DB pool waits (db/pool_waits), limiter refusals (infra/limiter_rejections), queue depth, failed
// jobs, newest backup age and the maintenance flag (ops/operational_state).
#pragma once

#include <memory>
#include <string>
#include <string_view>

#include "web/metrics_gate.hpp"

namespace ops {
struct OperationalState;
}

namespace web {

class Router;

// "1xx" … "5xx" (anything below 200 counts as 1xx, anything from 500 up as 5xx).
std::string_view status_class(int status);

class Metrics final {
 public:
  Metrics(const Router& router, MetricsGate gate);
  ~Metrics();
  Metrics(const Metrics&) = delete;
  Metrics& operator=(const Metrics&) = delete;

  // Holds the in-flight gauge up for one request (nothing when `metrics` is null).
  class InFlight final {
   public:
    explicit InFlight(Metrics* metrics);
    ~InFlight();
    InFlight(const InFlight&) = delete;
    InFlight& operator=(const InFlight&) = delete;

   private:
    Metrics* metrics_;
  };

  // One finished request: counted and timed under (route label, status class).
  void observe(std::string_view route_name, int status, double seconds);
  // The label a route name is counted under: the name itself when the table knows it, else "unmatched".
  std::string_view route_label(std::string_view route_name) const;
  const MetricsGate& gate() const { return gate_; }
  // The text exposition (format 0.0.4) of every metric, with `state` and the process counters read now.
  std::string scrape(const ops::OperationalState& state) const;

 private:
  struct Impl;
  std::unique_ptr<Impl> impl_;
  MetricsGate gate_;
};

// Content-Type of the text exposition format.
inline constexpr std::string_view kMetricsContentType = "text/plain; version=0.0.4; charset=utf-8";

}  // namespace web
