// Route table lookups (see router.hpp). Routes are tried in insertion order, so literal paths listed before a
// parameterised sibling win ("/admin/reparaciones/crear" before "/admin/reparaciones/{repair}").
#include "web/router.hpp"

#include <stdexcept>

namespace web {

void Router::add(std::string method, std::string_view path, std::string name, Access access, Handler handler,
                 bool stateless) {
  routes_.push_back({std::move(method), http::RoutePattern(path), std::move(name), access, std::move(handler), stateless});
}

const Route* Router::match(std::string_view method, std::string_view path, http::PathParams& params,
                           bool& method_mismatch) const {
  method_mismatch = false;
  // HEAD is answered by the GET route (the server drops the body).
  std::string_view wanted = method == "HEAD" ? std::string_view("GET") : method;
  const auto parts = http::path_segments(path);
  for (const auto& route : routes_) {
    http::PathParams found;
    if (!route.pattern.match_segments(parts, found)) continue;
    if (route.method == wanted) {
      params = std::move(found);
      return &route;
    }
    method_mismatch = true;
  }
  return nullptr;
}

void Router::allow_uploads(std::string_view name) {
  for (auto& route : routes_) {
    if (route.name == name) {
      route.accepts_uploads = true;
      return;
    }
  }
  throw std::invalid_argument("unknown route name: " + std::string(name));
}

bool Router::accepts_uploads(std::string_view method, std::string_view path) const {
  for (const auto& route : routes_) {
    if (!route.accepts_uploads || (route.method != method && method != "POST")) continue;
    http::PathParams ignored;
    if (route.pattern.match(path, ignored)) return true;
  }
  return false;
}

std::string Router::url(std::string_view name, const http::PathParams& params) const {
  for (const auto& route : routes_) {
    if (route.name == name) return route.pattern.build(params);
  }
  throw std::invalid_argument("unknown route name: " + std::string(name));
}

}  // namespace web
