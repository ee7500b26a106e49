// The route table: method + path pattern → handler, with a name and the access rule the kernel enforces
// before the handler runs. src/routes/routes.cpp fills it; nothing else adds routes.
#pragma once

#include <functional>
#include <string>
#include <string_view>
#include <vector>

#include "http/message.hpp"
#include "http/route_pattern.hpp"

namespace web {

class Context;

using Handler = std::function<http::Response(Context&)>;

// Who may reach a route (checked in this order by the kernel, after CSRF).
enum class Access {
  kAnyone,  // public pages
  kGuest,   // signed-in users are sent to "/" (login, register)
  kAuth,    // guests are sent to /login (the URL is remembered for after sign-in)
  kAdmin,   // auth + role admin (403 "No tenés permisos para acceder a esta sección.") + the admin gate:
            // email allowlist → IP allowlist → re-auth window → 2FA → admin-requests limit (kernel.cpp)
  kAdminChallenge,  // the admin gate without its 2FA and rate-limit steps: the 2FA challenge page itself
};

struct Route {
  std::string method;          // "GET", "POST", "PUT", "DELETE"
  http::RoutePattern pattern;
  std::string name;            // "login.post"
  Access access = Access::kAnyone;
  Handler handler;
  bool stateless = false;      // no session, no CSRF cookie (health probes, manifest)
  bool accepts_uploads = false;  // multipart bodies up to HTTP_MAX_BODY_BYTES; every other route gets the form limit
};

class Router final {
 public:
  void add(std::string method, std::string_view path, std::string name, Access access, Handler handler,
           bool stateless = false);
  // The route for (method, path); sets `method_mismatch` when only another method matches the path.
  const Route* match(std::string_view method, std::string_view path, http::PathParams& params,
                     bool& method_mismatch) const;
  // Marks a named route as taking file uploads (see Route::accepts_uploads); throws std::invalid_argument for an
  // unknown name.
  void allow_uploads(std::string_view name);
  // Whether a request with this method, as sent, may carry an upload to this path. A browser sends PUT/DELETE
  // forms as POST with `_method` inside the body, which is not read yet when this is asked: POST counts for
  // every method of the path.
  bool accepts_uploads(std::string_view method, std::string_view path) const;
  // Path of a named route; throws std::invalid_argument for an unknown name or a missing parameter.
  std::string url(std::string_view name, const http::PathParams& params = {}) const;
  const std::vector<Route>& routes() const { return routes_; }

 private:
  std::vector<Route> routes_;
};

}  // namespace web
