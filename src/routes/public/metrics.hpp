// GET /metrics: the Prometheus text exposition (web/metrics.hpp), registered by register_metrics_route in
// src/routes/routes.cpp. Stateless (no session, no CSRF cookie) and exempt from maintenance mode (kernel.cpp) so
// a scrape keeps working while the site is down — the maintenance gauge is what it reports then.
//   METRICS_ENABLED=false (default)      → 404, the page of any unknown address
//   address or token not allowed          → 403 (web/metrics_gate.hpp)
//   otherwise                             → 200 text/plain; version=0.0.4, Cache-Control: no-store
#pragma once

#include "http/message.hpp"

namespace web {
class Context;
class Metrics;
class Router;
}  // namespace web

namespace routes {

// `metrics` null: metrics are off.
http::Response metrics_exposition(web::Context& context, const web::Metrics* metrics);
void register_metrics_route(web::Router& router, const web::Metrics* metrics);

}  // namespace routes
