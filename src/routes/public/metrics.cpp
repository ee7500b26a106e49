// The /metrics handler (see metrics.hpp): the gate, then the scrape-time readings and the exposition.
#include "routes/public/metrics.hpp"

#include "ops/operational_state.hpp"
#include "web/context.hpp"
#include "web/metrics.hpp"
#include "web/render.hpp"

namespace routes {

http::Response metrics_exposition(web::Context& context, const web::Metrics* metrics) {
  // Off: the same page as any address that does not exist, so a scanner learns nothing.
  if (!metrics) return web::error_page(context.services, nullptr, 404);
  // client_ip is the kernel's resolved client (TRUSTED_PROXIES applied), never a header taken at face value.
  if (!web::metrics_access_allowed(metrics->gate(), context.client_ip, context.request.header("authorization")))
    return web::error_page(context.services, nullptr, 403);
  auto state = ops::read_operational_state(context.services.config, context.services.database);
  auto response = http::Response::text(200, metrics->scrape(state));
  response.set_header("Content-Type", std::string(web::kMetricsContentType));
  response.set_header("Cache-Control", "no-store");
  return response;
}

}  // namespace routes
