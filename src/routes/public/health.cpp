// Probes for load balancers and orchestrators. Stateless: no session, no cookies.
//   /up            the process answers (the seed's probe)
//   /health/live   same, under the /health namespace
//   /health/ready  the database answers too; 503 while it does not (take this node out of rotation)
#include "db/database.hpp"
#include "routes/handlers.hpp"
#include "web/context.hpp"

namespace routes {

namespace {
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
  try {
    int one = 0;
    context.services.database.lease()->once << "SELECT 1", soci::into(one);
    return probe(200, "{\"status\":\"ready\",\"database\":\"ok\"}");
  } catch (const std::exception&) {
    return probe(503, "{\"status\":\"not_ready\",\"database\":\"unreachable\"}");
  }
}

}  // namespace routes
