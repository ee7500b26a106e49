// The request pipeline (the order and the reason for each step are listed in kernel.hpp).
#include "web/kernel.hpp"

#include <algorithm>
#include <cctype>
#include <chrono>
#include <optional>
#include <typeinfo>

#include <nlohmann/json.hpp>

#include "core/clock.hpp"
#include "core/config.hpp"
#include "core/crypto.hpp"
#include "core/errors.hpp"
#include "core/log.hpp"
#include "core/strings.hpp"
#include "db/database.hpp"
#include "db/errors.hpp"
#include "domain/settings/brand_assets.hpp"
#include "domain/store/catalog_cache.hpp"
#include "domain/accounts/account_service.hpp"
#include "http/cookies.hpp"
#include "http/gzip_template.hpp"
#include "web/context.hpp"
#include "infra/exception_monitor.hpp"
#include "infra/rate_limiter.hpp"
#include "ops/maintenance.hpp"
#include "ops/maintenance_flag.hpp"
#include "ops/maintenance_monitor.hpp"
#include "web/admin_gate.hpp"
#include "web/cookie_policy.hpp"
#include "web/csrf.hpp"
#include "web/guest_pages.hpp"
#include "web/metrics.hpp"
#include "web/remember.hpp"
#include "web/render.hpp"
#include "web/router.hpp"
#include "web/session.hpp"
#include "web/static_files.hpp"

namespace web {

namespace {

constexpr const char* kMaintenanceBypassCookie = "nico_maintenance_bypass";
// Characters of a response's CSP nonce (random_token: 22 alphanumerics, ~131 bits).
constexpr std::size_t kCspNonceLength = 22;
// A person re-sends an expired form now and then; more than this from one address in a minute is a script.
constexpr int kStaleFormsKeptPerIpPerMinute = 20;

// Accept-Encoding over every line the client sent (a list may be split over several).
bool accepts_gzip(const http::Request& request) {
  std::string joined;
  for (const auto& header : request.headers) {
    if (header.name != "accept-encoding") continue;
    if (!joined.empty()) joined += ',';
    joined += header.value;
  }
  return http::accepts_gzip(joined);
}

// Strict CSP: scripts only from this origin or carrying this response's nonce; nothing inline otherwise.
std::string default_csp(const std::string& nonce) {
  static constexpr std::string_view kBefore = "default-src 'self'; script-src 'self' 'nonce-";
  static constexpr std::string_view kAfter =
      "'; style-src 'self'; img-src 'self' data:; font-src 'self'; connect-src 'self'; object-src 'none'; "
      "base-uri 'none'; frame-ancestors 'none'; form-action 'self'";
  std::string csp;
  csp.reserve(kBefore.size() + nonce.size() + kAfter.size());
  csp.append(kBefore).append(nonce).append(kAfter);
  return csp;
}

constexpr std::chrono::milliseconds kSqliteKeptPageBound{1000};

// Statuses answered before a handler could change anything (or by a limiter in front of it).
bool refused_before_handler(int status) {
  return status == 400 || status == 404 || status == 405 || status == 413 || status == 419 || status == 429;
}

bool is_state_changing(std::string_view method) {
  return method == "POST" || method == "PUT" || method == "PATCH" || method == "DELETE";
}

int status_for(core::ErrorKind kind) {
  switch (kind) {
    case core::ErrorKind::kBadRequest: return 400;
    case core::ErrorKind::kNotFound: return 404;
    case core::ErrorKind::kInvalid: return 422;
    case core::ErrorKind::kConflict: return 409;
    case core::ErrorKind::kForbidden: return 403;
    case core::ErrorKind::kUnavailable: return 503;
  }
  return 500;
}

// What the JSON answer says when the error carries no message of its own.
const char* default_message(int status) {
  switch (status) {
    case 400: return "No pudimos entender la solicitud.";
    case 403: return "No tenés permisos para acceder a esta sección.";
    case 404: return "No encontramos lo que buscabas.";
    case 409: return "Otra persona cambió estos datos recién. Recargá la página y probá de nuevo.";
    case 422: return "Los datos enviados no son válidos.";
    default: return "El servicio no está disponible por ahora. Probá de nuevo en unos segundos.";
  }
}

// The one place a domain error becomes an answer: an info log line (an answer, not an incident: no alert), then
// {"ok":false,"message":…} for the app's fetch() calls (they send Accept: application/json and/or
// X-Requested-With: XMLHttpRequest, see Context::wants_json) or the Spanish page for the status.
http::Response domain_error_answer(const Services& services, Context& context, const core::DomainError& error) {
  const int status = status_for(error.kind());
  core::log::info("domain error", {{"request_id", context.request_id},
                                   {"status", std::to_string(status)},
                                   {"path", context.request.path},
                                   {"detail", error.what()}});
  http::Response response;
  if (context.wants_json()) {
    const std::string& message = error.user_message().empty() ? default_message(status) : error.user_message();
    response = http::Response::json(status, nlohmann::ordered_json{{"ok", false}, {"message", message}}.dump());
  } else {
    response = error_page(services, &context, status, {.message = error.user_message()});
  }
  if (status == 503) response.set_header("Retry-After", "5");
  return response;
}


// Loads the session and hands this request the flash data the previous one left (then forgets it).
void load_session(Context& context, const std::map<std::string, std::string, std::less<>>& cookies,
                  const CookieNames& names) {
  auto cookie = cookies.find(names.session);
  context.session = context.services.sessions.load(cookie == cookies.end() ? std::string_view() : cookie->second);
  // Whether the session the request came with holds its own CSRF token (before a remember-me sign-in below
  // gives it one): if so, that token is the only one accepted.
  bool session_has_token = context.session.has("_token");
  std::vector<std::string> flash_keys;
  for (const auto& [key, value] : context.session.data()) {
    if (key.rfind("_flash.", 0) == 0) flash_keys.push_back(key);
  }
  for (const auto& key : flash_keys) {
    std::string name = key.substr(7);
    std::string value = *context.session.pull(key);
    if (name == "_errors") {
      http::FormData pairs;
      http::parse_urlencoded(value, pairs);
      for (const auto& [field, message] : pairs.fields()) context.errors.add(field, message);
    } else if (name == "_old") {
      http::parse_urlencoded(value, context.old_input);
    } else {
      context.flash[name] = value;
    }
  }
  // A visitor whose session expired but who ticked "Recordarme" is signed in again (new session, no auth_time).
  if (!context.session.has("user_id")) {
    if (auto remember = cookies.find(names.remember); remember != cookies.end()) {
      if (auto user = remembered_user(context, remember->second)) context.login(*user, /*password_checked=*/false);
    }
  }
  if (auto id = cookies.find(names.browser_id); id != cookies.end() && browser_id_is_well_formed(id->second))
    context.browser_id = id->second;
  // The guest token counts only without a session token, and only when signed for this browser's id.
  auto guest = cookies.find(names.guest_csrf);
  if (!session_has_token && guest != cookies.end() &&
      guest_csrf_token_is_authentic(guest->second, context.services.app_key, context.browser_id))
    context.guest_csrf = guest->second;
}

bool csrf_passes(Context& context) {
  std::string token = context.input.value("_token");
  if (token.empty()) token = std::string(context.request.header("x-csrf-token"));
  if (token.empty()) return false;
  if (auto expected = context.session.get("_token"); expected && core::constant_time_equals(token, *expected))
    return true;
  // Empty whenever the request's session held a token of its own (load_session): no fallback for signed-in users.
  return !context.guest_csrf.empty() && core::constant_time_equals(token, context.guest_csrf);
}

void resolve_user(Context& context) {
  auto id_text = context.session.get("user_id");
  if (!id_text) return;
  std::int64_t id = 0;
  try {
    id = std::stoll(*id_text);
  } catch (...) {
    context.session.forget("user_id");
    return;
  }
  context.user = context.services.accounts.find(id);
  if (!context.user) context.session.forget("user_id");  // account deleted meanwhile
}

}  // namespace

Kernel::Kernel(const Services& services, std::filesystem::path public_root, Metrics* metrics)
    : services_(services),
      public_root_(std::move(public_root)),
      metrics_(metrics),
      node_name_(services.config.str("NODE_NAME")),
      upload_body_limit_bytes_(static_cast<std::size_t>(services.config.integer("HTTP_MAX_BODY_BYTES"))) {
  form_body_limit_bytes_ =
      std::min(upload_body_limit_bytes_, static_cast<std::size_t>(services.config.integer("HTTP_FORM_BODY_LIMIT_KIB")) * 1024);
  const auto& config = services.config;
  access_log_ = core::log::parse_level(config.str("LOG_LEVEL")) <= core::log::Level::kInfo;
  security_headers_ = config.boolean("SECURITY_HEADERS_ENABLED");
  csp_ = config.boolean("SECURITY_CSP_ENABLED");
  custom_csp_ = config.str("SECURITY_CSP");
  constant_security_headers_ = std::make_shared<const http::PresetHeaders>(std::vector<http::Header>{
      {"X-Frame-Options", "DENY"},
      {"X-Content-Type-Options", "nosniff"},
      {"Referrer-Policy", "strict-origin-when-cross-origin"},
      {"X-Permitted-Cross-Domain-Policies", "none"},
      {"Cross-Origin-Opener-Policy", "same-origin"},
      {"Cross-Origin-Resource-Policy", "same-origin"},
      {"Permissions-Policy", "camera=(), microphone=(), geolocation=(), payment=(), usb=()"},
  });
  cookie_names_ = {cookie_name(config, config.str("SESSION_COOKIE")), cookie_name(config, kRememberCookie),
                   cookie_name(config, kBrowserIdCookie), cookie_name(config, kGuestCsrfCookie)};
  session_cookie_options_ = session_cookie_options(config);
  maintenance_flag_ = std::make_unique<ops::MaintenanceFlag>(ops::maintenance_flag_path(config.base_path()));
  // How long a catalog version read by a worker is trusted for kept pages: on MariaDB/PostgreSQL the same time a
  // worker reuses it (CATALOG_VERSION_REUSE_MS; 0 = no kept pages), on SQLite a backstop only (every commit of
  // any process ends the trust at once, see guest_pages.hpp).
  const auto& database = services.database.settings();
  const bool sqlite = database.dialect == db::Dialect::kSqlite;
  auto trusted_for = sqlite ? kSqliteKeptPageBound
                            : std::chrono::milliseconds(config.integer("CATALOG_VERSION_REUSE_MS"));
  if (services.page_cache && services.catalog_cache && services.settings_cache && trusted_for.count() > 0) {
    guest_pages_ = std::make_unique<GuestPages>(
        trusted_for, sqlite ? std::filesystem::path(database.sqlite_path) : std::filesystem::path(),
        GuestPages::SlotLengths{.token = kGuestCsrfTokenLength, .nonce = kCspNonceLength});
  }
}

Kernel::~Kernel() = default;

std::optional<http::Response> Kernel::answer_without_blocking(const http::Request& request) const {
  if (request.method != "GET" && request.method != "HEAD") return std::nullopt;
  // The same test as dispatch's first step: a file found there is answered before anything else runs.
  if (request.path == "/up" ||
      (request.path.find('.') != std::string::npos && resolve_static(public_root_, request.path).has_value()))
    return handle(request);
  if (!is_anonymous_page_request(request)) return std::nullopt;
  auto page = guest_pages_->find(guest_page_key(request));
  if (!page) return std::nullopt;
  // Kept with the brand assets of one settings snapshot: a newer one (or none loaded) goes through the pool.
  if (page->snapshot != services_.settings_cache->current_if_fresh()) return std::nullopt;
  if (in_maintenance_as_last_known()) return std::nullopt;  // the pool answers the 503 (and notices `nico up`)
  return answer(request, page.get());
}

// ops::read_maintenance without its one blocking step (re-reading the database row right after `nico up` removed
// the file, which the pool's next request does): the flag file, then the database state the monitor last read.
bool Kernel::in_maintenance_as_last_known() const {
  if (maintenance_flag_->file()) return true;
  auto* monitor = ops::MaintenanceMonitor::installed();
  if (!monitor) return false;
  auto database = monitor->database_state();
  return database && ops::combine_maintenance(std::nullopt, *database).has_value();
}

bool Kernel::is_anonymous_page_request(const http::Request& request) const {
  if (!guest_pages_ || (request.method != "GET" && request.method != "HEAD")) return false;
  if (request.header("accept").find("application/json") != std::string_view::npos ||
      !request.header("x-requested-with").empty())
    return false;
  std::string_view cookie_header = request.header("cookie");
  if (cookie_header.empty()) return true;
  auto cookies = http::parse_cookies(cookie_header);
  return !cookies.count(cookie_names_.session) && !cookies.count(cookie_names_.remember);
}

// The layout shows the year: a page kept on the 31st of December is not the one for the 1st of January.
std::string Kernel::guest_page_key(const http::Request& request) const {
  return std::to_string(core::current_year_local()) + ' ' + request.target;
}

std::optional<long long> Kernel::guest_page_version() const {
  if (auto trusted = guest_pages_->trusted_version()) return trusted;
  auto reading = guest_pages_->begin_reading();
  try {
    auto version = store::CatalogCache::current_version(services_.database);
    if (version) guest_pages_->finish_reading(reading, *version);
    return version;
  } catch (const std::exception&) {
    return std::nullopt;  // the handler meets the same database and answers for it
  }
}

http::Response Kernel::kept_page_answer(const GuestPage& page, const http::Request& request,
                                        const std::string& csp_nonce) const {
  // The visitor's token as load_session and Context::csrf_token decide it for a guest without a session.
  std::string browser_id, token;
  if (std::string_view header = request.header("cookie"); !header.empty()) {
    auto cookies = http::parse_cookies(header);
    if (auto id = cookies.find(cookie_names_.browser_id); id != cookies.end() && browser_id_is_well_formed(id->second))
      browser_id = id->second;
    if (auto guest = cookies.find(cookie_names_.guest_csrf);
        guest != cookies.end() && guest_csrf_token_is_authentic(guest->second, services_.app_key, browser_id))
      token = guest->second;
  }
  http::Response response;
  response.status = page.status;
  response.headers = page.headers;
  response.set_header("X-Page-Cache", "hit");
  if (token.empty()) {
    const auto& options = session_cookie_options_;
    if (browser_id.empty()) {
      browser_id = issue_browser_id();
      response.add_header("Set-Cookie", http::build_set_cookie(cookie_names_.browser_id, browser_id, options));
    }
    token = issue_guest_csrf_token(services_.app_key, browser_id);
    response.add_header("Set-Cookie", http::build_set_cookie(cookie_names_.guest_csrf, token, options));
  }
  // Compressed for a client that takes gzip (every browser): a fifth of the bytes for a phone on mobile data.
  const std::string_view slot_values[] = {token, csp_nonce};
  if (page.gzip && accepts_gzip(request) &&
      page.gzip->render_into(response.body, slot_values))
    response.set_header("Content-Encoding", "gzip");
  else
    response.body = PageCache::fill(page.pieces, page.bytes, token, csp_nonce);
  response.set_header("Vary", "Accept-Encoding");
  response.set_header("Cache-Control", "no-cache, private");
  return response;
}

std::size_t Kernel::body_limit(std::string_view method, std::string_view path, std::string_view content_type) const {
  if (core::starts_with_ci(content_type, "multipart/form-data") && services_.router.accepts_uploads(method, path))
    return upload_body_limit_bytes_;
  return form_body_limit_bytes_;
}

http::Response Kernel::handle(const http::Request& request) const { return answer(request, nullptr); }

http::Response Kernel::answer(const http::Request& request, const GuestPage* kept) const {
  auto started = std::chrono::steady_clock::now();
  const Metrics::InFlight in_flight(metrics_);
  // The request id and a fresh CSP nonce per response (an injected <script> cannot guess it), drawn at once:
  // every character of a token is independent, so its two parts are as random as two tokens.
  std::string csp_nonce = core::random_token(12 + kCspNonceLength);
  std::string request_id = csp_nonce.substr(kCspNonceLength);
  csp_nonce.resize(kCspNonceLength);
  std::string route_name;
  http::Response response;
  ClientAddress client = resolve_client_address(request.peer_address, request.header("x-forwarded-for"),
                                                request.header("x-forwarded-proto"), services_.trusted_proxies);
  // A connection found dead fails the request that found it; a GET changes nothing, so it runs once more (the
  // pool checks and reopens connections first). Anything else is answered from the failure's kind.
  const bool safe_method = request.method == "GET" || request.method == "HEAD";
  if (kept) {
    route_name = kept->route_name;
    response = kept_page_answer(*kept, request, csp_nonce);
  }
  for (int attempt = 1; !kept; ++attempt) {
    try {
      response = dispatch(request, client, csp_nonce, route_name, request_id);
      break;
    } catch (const std::exception& e) {
      const db::Failure failure = db::classify(e);
      if (failure == db::Failure::kConnectionLost) services_.database.note_connection_lost();
      if (failure == db::Failure::kConnectionLost && safe_method && attempt == 1) {
        core::log::warning("database connection lost; answering the request again",
                           {{"request_id", request_id}, {"error", e.what()}});
        continue;
      }
      response = failure == db::Failure::kOther ? internal_error(e, request, client, route_name, request_id)
                                                : unavailable(e, failure, request, client, route_name, request_id);
      break;
    }
  }
  // Whatever this request changed, the catalog version read before it is not trusted for kept pages any more —
  // unless it was refused before any handler ran (no route, no method, a bad or stale form, a limit), so a
  // stream of junk POSTs cannot keep every visitor on the pool.
  if (!safe_method && guest_pages_ && !refused_before_handler(response.status)) guest_pages_->forget();
  apply_security_headers(response, client.https, csp_nonce);
  response.set_header("X-Request-Id", request_id);
  if (!node_name_.empty()) response.set_header("X-Node", node_name_);

  if (!access_log_ && !metrics_) return response;
  auto elapsed_us =
      std::chrono::duration_cast<std::chrono::microseconds>(std::chrono::steady_clock::now() - started).count();
  if (metrics_) metrics_->observe(route_name, response.status, static_cast<double>(elapsed_us) / 1e6);
  if (access_log_)
    core::log::info("request", {{"id", request_id},
                                {"method", request.method},
                                {"path", request.path},
                                {"route", route_name},
                                {"status", std::to_string(response.status)},
                                {"ms", std::to_string(elapsed_us / 1000.0).substr(0, 6)},
                                {"ip", client.ip}});
  return response;
}

http::Response Kernel::dispatch(const http::Request& request, const ClientAddress& client, const std::string& csp_nonce,
                                std::string& route_name, const std::string& request_id) const {
  // 1. Static files: answered before anything touches the session or the database.
  if ((request.method == "GET" || request.method == "HEAD") && request.path.find('.') != std::string::npos) {
    if (auto file = resolve_static(public_root_, request.path)) {
      route_name = "static";
      return static_file_response(*file, request.query.rfind("v=", 0) == 0, request);
    }
  }

  // 1b. Maintenance mode: everything but probes and bypass holders gets the 503 page.
  if (auto maintenance = maintenance_flag_->current()) {
    if (auto answer = maintenance_answer(request, *maintenance, route_name)) return std::move(*answer);
  }

  Context context(request, services_);
  context.request_id = request_id;
  context.client_ip = client.ip;
  context.https = client.https;
  context.csp_nonce = csp_nonce;
  // 2-3. Body first, because `_method` lives in it. The parsers stop at the first field past their limits
  // (http::FormLimits: 1000 fields, 64 KiB per text field), so junk is refused before it is stored.
  auto refused_form = [this](http::FormStatus status) {
    return rejection(status == http::FormStatus::kMalformed ? 400 : 413);
  };
  if (auto status = http::parse_urlencoded(request.query, context.query); status != http::FormStatus::kOk)
    return refused_form(status);
  std::string_view content_type = request.header("content-type");
  if (!request.body.empty()) {
    auto status = http::FormStatus::kOk;
    if (core::starts_with_ci(content_type, "application/x-www-form-urlencoded"))
      status = http::parse_urlencoded(request.body, context.input);
    else if (core::starts_with_ci(content_type, "multipart/form-data"))
      status = http::parse_multipart(content_type, request.body, context.input);
    if (status != http::FormStatus::kOk) return refused_form(status);
  }
  for (const auto& [name, value] : context.input.fields()) {
    if (!core::is_valid_utf8(name) || !core::is_valid_utf8(value)) return rejection(400);
  }
  for (const auto& [name, value] : context.query.fields()) {
    if (!core::is_valid_utf8(name) || !core::is_valid_utf8(value)) return rejection(400);
  }
  context.method = request.method;
  if (request.method == "POST") {
    std::string spoofed = core::to_upper(context.input.value("_method"));
    if (spoofed == "PUT" || spoofed == "PATCH" || spoofed == "DELETE") context.method = spoofed;
  }

  bool method_mismatch = false;
  const Route* route = services_.router.match(context.method, request.path, context.params, method_mismatch);
  if (!route) {
    route_name = method_mismatch ? "405" : "404";
    if (method_mismatch) {
      auto response = http::Response::text(405, "Método no permitido.");
      return response;
    }
    return error_page(services_, nullptr, 404);
  }
  route_name = route->name;
  context.route_name = route->name;
  if (route->stateless) {  // no session, no CSRF, no user: straight to the handler (step 7 without the rest)
    try {
      return route->handler(context);
    } catch (const core::DomainError& e) {
      return domain_error_answer(services_, context, e);
    }
  }

  // An anonymous visitor's page may be kept whole for the IO thread, under the catalog version read now — read
  // only for routes that have answered with a keepable page before (the store, not /login), learnt on the way.
  std::optional<long long> guest_page_version;
  if (is_anonymous_page_request(request)) {
    context.keep_guest_page = true;
    if (guest_pages_->route_keeps_pages(route->name)) guest_page_version = this->guest_page_version();
  }

  // 4. Session.
  auto cookies = http::parse_cookies(request.header("cookie"));
  load_session(context, cookies, cookie_names_);

  std::optional<http::Response> refusal;
  // 5. CSRF before anything acts on the request.
  if (is_state_changing(context.method) && !csrf_passes(context)) {
    resolve_user(context);
    // A form left open too long: what was typed (never passwords) waits in the session as old input, exactly as
    // after a validation error (back_with_errors flashes it; its redirect is not used), and the 419 page links
    // back to the form (previous_url, a fresh GET with a fresh token) instead of re-sending the stale one; the
    // form then shows the text again. Only for a form of this site (same-host Referer) that sent something, and
    // at most kStaleFormsKeptPerIpPerMinute times a minute per address: a script can forge the Referer, and each
    // kept form may write a session row, so a flood of stale POSTs cannot grow the sessions table.
    if (!context.previous_url("").empty() && !context.input.fields().empty() &&
        services_.limiter.hit("stale-form-ip", context.client_ip, kStaleFormsKeptPerIpPerMinute).allowed)
      context.back_with_errors({}, {"code"});  // an unchecked 2FA code is a credential (the repair code is retyped)
    refusal = error_page(services_, &context, 419);
  } else {
    // 6. Who is asking, and may they?
    resolve_user(context);
    switch (route->access) {
      case Access::kAnyone:
        break;
      case Access::kGuest:
        if (context.user) refusal = http::Response::redirect("/", 302);
        break;
      case Access::kAuth:
      case Access::kAdmin:
      case Access::kAdminChallenge:
        if (!context.user) {
          // Unlike the reference, the page asked for is remembered, so sign-in continues where the visitor was.
          if (context.method == "GET" && is_local_path(request.target))
            context.session.put("url.intended", request.target);
          refusal = http::Response::redirect("/login", 302);
        } else if (route->access != Access::kAuth) {
          if (!context.user->is_admin())
            refusal = error_page(services_, &context, 403, {.message = "No tenés permisos para acceder a esta sección."});
          else
            refusal = admin_gate(context, route->access == Access::kAdminChallenge);
        }
        break;
    }
  }
  // 7. The handler, unless a step above already answered.
  http::Response response;
  if (refusal) {
    response = std::move(*refusal);
  } else {
    try {
      response = route->handler(context);
    } catch (const core::DomainError& e) {
      response = domain_error_answer(services_, context, e);
    }
  }

  // Only what render() answered for a plain guest page, untouched by the handler afterwards, is kept.
  std::optional<GuestPage> keep;
  if (context.guest_page && !guest_page_version) guest_pages_->note_route_keeps_pages(route->name);
  if (context.guest_page && guest_page_version && response.status == 200 && !context.user &&
      context.cookies.empty()) {
    const PageCache& cache = *services_.page_cache;
    keep.emplace(GuestPage{.snapshot = context.guest_page->layout->snapshot,
                           .pieces = cache.cut_layout(cache.assemble(*context.guest_page->layout, *context.guest_page->body,
                                                                     cache.token_slot(), cache.nonce_slot())),
                           .status = response.status,
                           .headers = response.headers,
                           .route_name = route->name,
                           .catalog_version = *guest_page_version});
    for (const auto& piece : keep->pieces) keep->bytes += piece.text.size();
  }

  // 8. Session and cookies.
  web::SessionSaveInfo info;
  if (context.user) info.user_id = context.user->id;
  info.ip_address = context.client_ip;
  info.user_agent = std::string(request.header("user-agent"));
  const auto& options = session_cookie_options_;
  const std::string& session_cookie = cookie_names_.session;
  // The handler's own writes have committed by now: a session that cannot be saved (locked, lost or full database)
  // costs this request its flash or login, never its answer — a 503 here would invite a second submit.
  CookieAction session_action = CookieAction::kNone;
  try {
    session_action = services_.sessions.save(context.session, info);
  } catch (const std::exception& e) {
    if (db::classify(e) == db::Failure::kOther) throw;
    core::log::warning("session not saved; answering anyway",
                       {{"request_id", request_id}, {"path", request.path}, {"error", e.what()}});
  }
  switch (session_action) {
    case CookieAction::kSet:
      response.add_header("Set-Cookie", http::build_set_cookie(session_cookie, context.session.id(), options));
      break;
    case CookieAction::kClear:
      response.add_header("Set-Cookie", http::build_set_cookie(session_cookie, "", cookie_options(services_.config, 0)));
      break;
    case CookieAction::kNone:
      break;
  }
  if (keep && session_action == CookieAction::kNone)
    guest_pages_->store(guest_page_key(request), std::move(*keep));
  for (auto& cookie : context.cookies) response.add_header("Set-Cookie", std::move(cookie));
  if (context.send_browser_id_cookie) {
    response.add_header("Set-Cookie", http::build_set_cookie(cookie_names_.browser_id, context.browser_id, options));
  }
  if (context.send_guest_csrf_cookie) {
    response.add_header("Set-Cookie", http::build_set_cookie(cookie_names_.guest_csrf, context.guest_csrf, options));
  }
  // Pages that show a CSRF token or personal data must not be stored by shared caches.
  if (response.header("Cache-Control").empty()) response.set_header("Cache-Control", "no-cache, private");
  return response;
}

void Kernel::report(const std::exception& error, const http::Request& request, const ClientAddress& client,
                    const std::string& route_name) const {
  if (!services_.monitor) return;
  infra::ErrorReport report;
  report.exception_class = infra::demangle(typeid(error).name());
  report.message = error.what();
  report.file = route_name.empty() ? "http" : "route " + route_name;
  report.url = services_.config.str("APP_URL") + request.target;
  report.method = request.method;
  report.ip = client.ip;
  report.path = request.path == "/" ? "/" : request.path.substr(1);
  services_.monitor->report(report);
}

http::Response Kernel::internal_error(const std::exception& error, const http::Request& request,
                                      const ClientAddress& client, const std::string& route_name,
                                      const std::string& request_id) const {
  core::log::error("Unhandled exception: " + std::string(error.what()),
                   {{"request_id", request_id}, {"method", request.method}, {"path", request.path}});
  report(error, request, client, route_name);
  ErrorDetails details{.request_id = request_id};
  if (services_.config.debug() && !services_.config.is_production()) details.debug = error.what();
  try {
    return error_page(services_, nullptr, 500, details);
  } catch (const std::exception&) {
    return http::Response::text(500, "Error interno. Código de referencia: " + request_id);
  }
}

// 503 with Retry-After for a database that cannot serve this request now. Lock waits and conflicts are load, not
// incidents (logged); a lost, full or read-only database is an incident and reaches the alerts.
http::Response Kernel::unavailable(const std::exception& error, db::Failure failure, const http::Request& request,
                                   const ClientAddress& client, const std::string& route_name,
                                   const std::string& request_id) const {
  struct Answer {
    const char* message;
    int retry_after_seconds;
    bool incident;
  };
  Answer answer{"Estamos con mucha demanda, probá en unos segundos.", 5, false};
  switch (failure) {
    case db::Failure::kConnectionLost:
      answer = {"No pudimos conectarnos con la base de datos. Probá de nuevo en unos segundos.", 10, true};
      break;
    case db::Failure::kFull:
      answer = {"El servidor se quedó sin espacio para guardar datos. Probá de nuevo más tarde.", 60, true};
      break;
    case db::Failure::kReadOnly:
      answer = {"Por ahora no podemos guardar cambios. Probá de nuevo más tarde.", 60, true};
      break;
    case db::Failure::kBusy: case db::Failure::kConflict: case db::Failure::kOther:
      break;
  }
  core::log::warning("database unavailable", {{"request_id", request_id},
                                              {"method", request.method},
                                              {"path", request.path},
                                              {"error", error.what()}});
  if (answer.incident) report(error, request, client, route_name);
  http::Response response;
  try {
    response = error_page(services_, nullptr, 503, {.message = answer.message, .request_id = request_id});
  } catch (const std::exception&) {
    response = http::Response::text(503, answer.message);
  }
  response.set_header("Retry-After", std::to_string(answer.retry_after_seconds));
  response.set_header("Cache-Control", "no-store");
  return response;
}

std::optional<http::Response> Kernel::maintenance_answer(const http::Request& request,
                                                        const ops::MaintenanceState& state,
                                                        std::string& route_name) const {
  if (request.path == "/up" || request.path.rfind("/health/", 0) == 0 || request.path == "/metrics") return std::nullopt;
  std::string pass = state.secret.empty()
                         ? std::string()
                         : core::hex_encode(core::hmac_sha256(services_.app_key, "maintenance|" + state.secret));
  if (!state.secret.empty() && request.path == "/" + state.secret) {
    // The bypass link: remember this browser with a signed cookie and send it to the site.
    route_name = "maintenance.bypass";
    auto response = http::Response::redirect("/", 302);
    response.add_header("Set-Cookie", http::build_set_cookie(cookie_name(services_.config, kMaintenanceBypassCookie), pass,
                                                             cookie_options(services_.config, 12 * 3600)));
    return response;
  }
  if (!pass.empty()) {
    auto cookies = http::parse_cookies(request.header("cookie"));
    auto bypass = cookies.find(cookie_name(services_.config, kMaintenanceBypassCookie));
    if (bypass != cookies.end() && core::constant_time_equals(bypass->second, pass)) return std::nullopt;
  }
  route_name = "maintenance";
  auto response = error_page(services_, nullptr, 503);
  // `nico down` without --retry announces five minutes, so browsers and crawlers always get a hint.
  response.set_header("Retry-After", std::to_string(state.retry_seconds > 0 ? state.retry_seconds : 300));
  response.set_header("Cache-Control", "no-store");
  return response;
}

http::Response Kernel::rejection(int status) const {
  try {
    auto response = error_page(services_, nullptr, status);
    response.set_header("Connection", "close");
    apply_security_headers(response, false, core::random_token(22));
    return response;
  } catch (const std::exception&) {
    return http::Response::text(status, std::string(http::reason_phrase(status)));
  }
}

void Kernel::apply_security_headers(http::Response& response, bool https, const std::string& csp_nonce) const {
  if (!security_headers_) return;
  // No handler sets these itself, so they are pointed at rather than copied (see http::PresetHeaders).
  response.preset_headers = constant_security_headers_;
  if (csp_ && response.header("Content-Security-Policy").empty())
    response.set_header("Content-Security-Policy", custom_csp_.empty() ? default_csp(csp_nonce) : custom_csp_);
  // HSTS only means something on HTTPS (which reaches us through a trusted TLS-terminating proxy).
  if (https) response.set_header("Strict-Transport-Security", "max-age=31536000; includeSubDomains");
}

}  // namespace web
