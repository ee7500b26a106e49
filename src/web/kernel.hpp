// The web kernel: turns one http::Request into one http::Response. On an IO thread it answers only /up, static files
// and kept guest pages (answer_without_blocking, web/guest_pages.hpp); everything else, on the worker pool, runs the
// pipeline, in this order:
//   1. static files from public/ (no session, no database), then maintenance mode (503 unless probe or bypass)
//   2. route lookup (404 / 405) and method spoofing (_method=PUT|DELETE on POST)
//   3. body parsing (urlencoded / multipart; too many or too large fields → 413, invalid UTF-8 → 400); the body's
//      size was already bounded by body_limit() before it was read
//   4. session load, flash hand-over
//   5. CSRF check on POST/PUT/PATCH/DELETE → 419
//   6. user resolution, then the route's access rule (guest / auth / admin)
//   7. the handler
//   8. session save and cookies; security headers on every response; one access-log line and, with
//      METRICS_ENABLED, one count and timing for /metrics (web/metrics.hpp)
// Domain errors (core::DomainError, thrown by handlers and domain code) map to their status and page, or to a
// {"ok":false,"message":…} body for fetch() calls, logged as info; a database that cannot serve answers 503
// (db::classify); anything else is logged with the request id and answered with 500.
#pragma once

#include <exception>
#include <filesystem>
#include <memory>
#include <optional>
#include <string>
#include <utility>
#include <vector>

#include "db/errors.hpp"
#include "http/cookies.hpp"
#include "http/message.hpp"
#include "web/client_address.hpp"
#include "web/services.hpp"

namespace ops {
struct MaintenanceState;
class MaintenanceFlag;
}

namespace web {

class Metrics;
class GuestPages;
struct GuestPage;

// The names of the cookies a request may carry, as cookie_name() gives them for this configuration.
struct CookieNames {
  std::string session, remember, browser_id, guest_csrf;
};

class Kernel final {
 public:
  // `metrics` (null = METRICS_ENABLED off) counts and times every answer (web/metrics.hpp).
  Kernel(const Services& services, std::filesystem::path public_root, Metrics* metrics = nullptr);
  ~Kernel();
  http::Response handle(const http::Request& request) const;
  // The page for a request rejected by the transport layer (400, 408, 413, 431).
  http::Response rejection(int status) const;
  // The largest body accepted for a request, asked by the server once the header has arrived: HTTP_MAX_BODY_BYTES
  // for a multipart body to a route that takes uploads, HTTP_FORM_BODY_LIMIT_KIB for everything else.
  // Runs on an IO thread (route patterns only, no I/O).
  std::size_t body_limit(std::string_view method, std::string_view path, std::string_view content_type) const;
  // The answer when it can be given without blocking, on an IO thread: GET/HEAD of /up or of a file that exists
  // in public/ (answered before the session, the database or any template), and an anonymous visitor's catalog
  // page kept whole (web/guest_pages.hpp). nullopt: the request goes to the worker pool (handle()).
  // A stat or two at most, no SQL.
  std::optional<http::Response> answer_without_blocking(const http::Request& request) const;

 private:
  // handle() with its request id, nonce, security headers, metrics and access log around either the whole
  // pipeline (`kept` null) or a kept guest page.
  http::Response answer(const http::Request& request, const GuestPage* kept) const;
  // A GET/HEAD without a session or remember-me cookie that is not a fetch() call (guest_pages.hpp).
  bool is_anonymous_page_request(const http::Request& request) const;
  std::string guest_page_key(const http::Request& request) const;
  bool in_maintenance_as_last_known() const;
  // The kept page with this visitor's CSRF token (from their cookies, or a new one with its cookies) and nonce.
  http::Response kept_page_answer(const GuestPage& page, const http::Request& request, const std::string& csp_nonce) const;
  // The catalog version a page rendered now belongs to (nullopt: not keepable), reading it when none is trusted.
  std::optional<long long> guest_page_version() const;

  // The answers for a handler that threw: 500 (a bug: logged and reported) or 503 (the database cannot serve now).
  http::Response internal_error(const std::exception& error, const http::Request& request, const ClientAddress& client,
                                const std::string& route_name, const std::string& request_id) const;
  http::Response unavailable(const std::exception& error, db::Failure failure, const http::Request& request,
                             const ClientAddress& client, const std::string& route_name,
                             const std::string& request_id) const;
  void report(const std::exception& error, const http::Request& request, const ClientAddress& client,
              const std::string& route_name) const;
  http::Response dispatch(const http::Request& request, const ClientAddress& client, const std::string& csp_nonce,
                          std::string& route_name, const std::string& request_id) const;
  // The 503 page (or the bypass redirect) while in maintenance; nullopt lets the request through.
  std::optional<http::Response> maintenance_answer(const http::Request& request, const ops::MaintenanceState& state,
                                                   std::string& route_name) const;
  void apply_security_headers(http::Response& response, bool https, const std::string& csp_nonce) const;

  const Services& services_;
  std::filesystem::path public_root_;
  Metrics* metrics_;
  std::string node_name_;  // NODE_NAME: sent as X-Node on every response when set (several nodes behind a proxy)
  std::size_t form_body_limit_bytes_;    // HTTP_FORM_BODY_LIMIT_KIB × 1024, at most upload_body_limit_bytes_
  std::size_t upload_body_limit_bytes_;  // HTTP_MAX_BODY_BYTES
  bool access_log_ = true;  // LOG_LEVEL lets the per-request info line through (else its fields are not even built)
  // Security headers, decided once from the configuration (they are the same on every response).
  bool security_headers_ = true;                          // SECURITY_HEADERS_ENABLED
  std::shared_ptr<const http::PresetHeaders> constant_security_headers_;
  bool csp_ = true;                                       // SECURITY_CSP_ENABLED
  std::string custom_csp_;                                // SECURITY_CSP ("" → the default with this response's nonce)
  std::unique_ptr<GuestPages> guest_pages_;  // null: no page cache, or CATALOG_VERSION_REUSE_MS=0 on a server engine
  // Cookie names, decided once from the configuration (cookie_name: the __Host- prefix or not).
  CookieNames cookie_names_;
  http::CookieOptions session_cookie_options_;
  std::unique_ptr<ops::MaintenanceFlag> maintenance_flag_;  // storage/framework/down, asked on every request
};

}  // namespace web
