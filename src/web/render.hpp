// Rendering a page inside the layout, and the Spanish error pages (403, 404, 409, 422, 419, 429, 500, 503, plus the
// transport rejections 400, 408, 413, 431 which reuse the generic error page).
#pragma once

#include <string>

#include "http/message.hpp"
#include "web/views.hpp"

namespace web {

class Context;
struct Services;

// Renders `view` and wraps it in layouts/app.tpl with the shared values (user, CSRF token, flash, assets).
http::Response render(Context& context, View& view, int status = 200);
// Page caching (page_cache.hpp) for a page whose body depends only on `key` (which must carry the version of
// the data shown, e.g. the catalog version, and every request input the handler reads), on whether the visitor
// is signed in, and on the CSRF token. True when a body is cached: the handler may then skip filling the
// dictionary and call render() at once. Without a page cache (tests) always false.
bool use_cached_page(Context& context, View& view, const std::string& key);
// Sets STYLESHEET/SCRIPT sections for pages that skip the layout (print views): every stylesheet, and only the
// scripts every page loads (app.js: print buttons, ?autoprint=1), not the area scripts (page_scripts.hpp).
void add_assets(Dict& dict, const Services& services);

struct ErrorDetails {
  std::string message;     // 403/409/422: the reason shown to the user; 400: replaces the generic reason;
                           // 503: what is unavailable (else: maintenance)
  std::string request_id;  // 500/503: reference to the log line
  std::string debug;       // 500 with APP_DEBUG=true outside production only
};

// The error page for `status`, in the layout. `context` may be null (errors before a session exists).
http::Response error_page(const Services& services, Context* context, int status, const ErrorDetails& details = {});

}  // namespace web
