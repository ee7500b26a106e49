// Everything one request carries through the web layer: the request, route parameters, parsed input, the
// session (with this request's flash data), the signed-in user and the services. Created by the kernel,
// handed to exactly one handler, then discarded. Not shared between threads.
#pragma once

#include <cstdint>
#include <map>
#include <memory>
#include <optional>
#include <string>
#include <vector>

#include "core/validation.hpp"
#include "domain/accounts/user.hpp"
#include "http/form.hpp"
#include "http/message.hpp"
#include "http/route_pattern.hpp"
#include "web/services.hpp"
#include "web/session.hpp"

namespace db {
class Tx;
}
namespace audit {
struct AuditEntry;
}

namespace web {

// True for "/" or a path starting with one "/" followed by neither "/" nor a backslash: the only redirect targets taken
// from a Referer or a stored intended URL.
bool is_local_path(std::string_view target);

using FieldErrors = core::FieldErrors;

struct GuestPageParts;

class Context final {
 public:
  Context(const http::Request& request, const Services& services) : request(request), services(services) {}

  const http::Request& request;
  const Services& services;
  std::string method;           // after method spoofing (_method=PUT|DELETE)
  std::string route_name;
  http::PathParams params;
  http::FormData query;         // parsed query string
  http::FormData input;         // parsed body (urlencoded or multipart)
  Session session;
  std::optional<accounts::User> user;
  std::string client_ip;        // the visitor (see client_address.hpp), not necessarily the TCP peer
  bool https = false;           // the visitor reached us over HTTPS (through a trusted proxy)
  std::string request_id;
  std::string csp_nonce;        // nonce of this response's Content-Security-Policy (inline <script nonce=…>)

  // Flash data delivered by the previous request (one-shot).
  std::map<std::string, std::string, std::less<>> flash;
  FieldErrors errors;                       // validation errors from the previous request
  http::FormData old_input;                 // input of the previous request, for re-filling forms

  // Value for a form field: this request's old input when re-rendering after an error, else the fallback.
  std::string old(std::string_view field, std::string_view fallback = {}) const;
  // One-shot message for the next request (e.g. "success" → .alert-success).
  void flash_next(std::string key, std::string value);
  // Validation-style errors for the next request (rendered like form errors).
  void flash_errors(const FieldErrors& errors);
  // Redirect back (to the Referer when it is this site, else `fallback`) with errors and the old input
  // minus the listed fields (passwords are never flashed; a field over 4 KiB is not kept, nor any past 6 KiB
  // in all, so a session row stays small whatever was posted).
  http::Response back_with_errors(const FieldErrors& errors, const std::vector<std::string>& keep_out = {},
                                  std::string fallback = "/", std::string fragment = {});
  // Same-site path of the Referer when it passes is_local_path, or `fallback`.
  std::string previous_url(std::string fallback = "/") const;

  // CSRF token for forms rendered in this response.
  std::string csrf_token();
  bool wants_json() const;

  // Signs the user in: new session id (fixation), fresh CSRF token, and `auth_time` (the moment of the last
  // password check, which the admin re-authentication window measures from) when `password_checked`.
  void login(const accounts::User& signed_in, bool password_checked = true);
  // Signs out: session emptied and given a new id, guest CSRF cookie rotated.
  void logout();

  // Appends to the audit trail with this request's actor, IP, user agent, route and method, inside the use
  // case's transaction: the entry commits or rolls back with the change it records.
  void audit(db::Tx& tx, std::string event, std::string subject_type = {}, std::optional<std::int64_t> subject_id = {},
             std::vector<std::pair<std::string, std::string>> metadata = {}) const;
  // Same, for an event that writes nothing else (failed login, denied access): its own unit of work.
  void audit(std::string event, std::string subject_type = {}, std::optional<std::int64_t> subject_id = {},
             std::vector<std::pair<std::string, std::string>> metadata = {}) const;

  // Set-Cookie headers the kernel adds to the response.
  std::vector<std::string> cookies;
  std::string guest_csrf;               // valid guest token from the cookie, or one issued this request
  bool send_guest_csrf_cookie = false;  // a token was issued: the kernel sends it as a cookie
  std::string browser_id;               // well-formed per-browser id from its cookie, or one issued this request
  bool send_browser_id_cookie = false;  // an id was issued: the kernel sends it as a cookie
  // An anonymous visitor's catalog page may be kept whole for the IO thread (web/guest_pages.hpp): the kernel
  // sets keep_guest_page, and render() leaves the cached pieces it answered with in guest_page.
  bool keep_guest_page = false;
  std::shared_ptr<const GuestPageParts> guest_page;

 private:
  void issue_guest_csrf();  // new guest token bound to this browser's id (issuing the id if there is none)
};

}  // namespace web
