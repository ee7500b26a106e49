// Probes for load balancers and orchestrators. Stateless: no session, no cookies.
//   /up            the process answers (the seed's probe)
//   /health/live   same, under the /health namespace
//   /health/ready  this node can serve: the database takes a small write within ~1 s (not locked, full, read-only
//                  or missing) and maintenance mode has not been left on past OPS_MAINTENANCE_WARN_MINUTES;
//                  503 otherwise (take this node out of rotation, page someone)
#include <chrono>

#include "core/clock.hpp"
#include "core/config.hpp"
#include "ops/database_probe.hpp"
#include "ops/maintenance.hpp"
#include "routes/handlers.hpp"
#include "web/context.hpp"

namespace routes {

namespace {
constexpr auto kWriteBudget = std::chrono::milliseconds(1000);

http::Response probe(int status, const std::string& body) {
  auto response = http::Response::json(status, body);
  response.set_header("Cache-Control", "no-store");
  return response;
}
}  // namespace

http::Response health_up(web::Context&) {
  auto response = http::Response::text(200, "OK");
  response.set_header("Cache-Control", "no-store");
  return response;
}

http::Response health_live(web::Context&) { return probe(200, "{\"status\":\"live\"}"); }

http::Response health_ready(web::Context& context) {
  const auto& config = context.services.config;
  if (auto maintenance = ops::read_maintenance(config.base_path())) {
    auto overdue = ops::maintenance_overdue_minutes(
        *maintenance, static_cast<int>(config.integer("OPS_MAINTENANCE_WARN_MINUTES")), core::unix_now());
    if (overdue)
      return probe(503, "{\"status\":\"not_ready\",\"maintenance\":\"on for " + std::to_string(*overdue) + " minutes\"}");
  }
  // The problem names are fixed words (ops::WriteProbe), safe to place in the JSON as they are.
  auto write = ops::probe_database_write(context.services.database, kWriteBudget);
  if (!write.ok) return probe(503, "{\"status\":\"not_ready\",\"database\":\"" + write.problem + "\"}");
  return probe(200, "{\"status\":\"ready\",\"database\":\"ok\"}");
}

}  // namespace routes
