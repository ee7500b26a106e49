// Per-request helpers: old input, flash, redirects back, CSRF token, sign-in and sign-out.
#include "web/context.hpp"

#include "core/clock.hpp"
#include "core/crypto.hpp"
#include "core/strings.hpp"
#include "domain/audit/audit_log.hpp"
#include "web/csrf.hpp"

namespace web {

std::string Context::old(std::string_view field, std::string_view fallback) const {
  if (auto value = old_input.get(field)) return *value;
  return std::string(fallback);
}

void Context::flash_next(std::string key, std::string value) { session.put("_flash." + key, std::move(value)); }

void Context::flash_errors(const FieldErrors& field_errors) {
  flash_next("_errors", http::build_urlencoded(field_errors.items()));
}

bool is_local_path(std::string_view target) {
  // Browsers drop tabs and newlines from URLs ("/\t/host" becomes "//host"), so no control byte is allowed at all.
  for (unsigned char c : target)
    if (c < 0x20 || c == 0x7f) return false;
  if (target == "/") return true;
  // "//host" and "/\host" are both read by browsers as another site, so the second character must be neither.
  return target.size() >= 2 && target[0] == '/' && target[1] != '/' && target[1] != '\\';
}

std::string Context::previous_url(std::string fallback) const {
  std::string_view referer = request.header("referer");
  std::string_view host = request.header("host");
  if (referer.empty() || host.empty()) return fallback;
  // Only a Referer on this very host is followed, and only its path + query: never an open redirect.
  for (std::string_view scheme : {"http://", "https://"}) {
    if (referer.rfind(scheme, 0) != 0) continue;
    std::string_view rest = referer.substr(scheme.size());
    if (rest.rfind(host, 0) != 0) continue;
    std::string_view path = rest.substr(host.size());
    if (path.empty()) return "/";
    path = path.substr(0, path.find('#'));
    return is_local_path(path) ? std::string(path) : fallback;
  }
  return fallback;
}

http::Response Context::back_with_errors(const FieldErrors& field_errors, const std::vector<std::string>& keep_out,
                                         std::string fallback, std::string fragment) {
  // Old input rides in the session row until the next request, so it is capped: a field whose encoded form is
  // over kOldFieldMaxBytes is not kept (the form shows it empty), nor one that would take the whole past
  // kOldInputMaxBytes. Encoded once more inside the payload, the row stays within a few KiB whatever was posted.
  constexpr std::size_t kOldFieldMaxBytes = 4 * 1024;
  constexpr std::size_t kOldInputMaxBytes = 6 * 1024;
  std::string old_input;
  // Secrets never ride along: passwords, tokens, secrets and recovery codes.
  auto secret = [](const std::string& name) {
    for (std::string_view part : {"password", "token", "secret", "recovery"})
      if (name.find(part) != std::string::npos) return true;
    return name == "_method";
  };
  for (const auto& [name, value] : input.fields()) {
    bool excluded = secret(name);
    for (const auto& out : keep_out) excluded = excluded || name == out;
    if (excluded || name.size() + value.size() > kOldFieldMaxBytes) continue;  // before encoding a 9 MiB value
    std::string pair = http::build_urlencoded({{name, value}});
    if (pair.size() > kOldFieldMaxBytes || old_input.size() + 1 + pair.size() > kOldInputMaxBytes) continue;
    if (!old_input.empty()) old_input.push_back('&');
    old_input += pair;
  }
  flash_next("_old", std::move(old_input));
  flash_errors(field_errors);
  std::string target = previous_url(std::move(fallback));
  return http::Response::redirect(target + fragment, 302);
}

std::string Context::csrf_token() {
  if (auto token = session.get("_token")) return *token;
  // Guests use the signed cookie even when they have a session (e.g. a flash message), so that session can
  // disappear once it is empty again.
  if (user) {
    std::string token = core::random_token(40);
    session.put("_token", token);
    return token;
  }
  if (guest_csrf.empty()) issue_guest_csrf();
  return guest_csrf;
}

void Context::issue_guest_csrf() {
  if (browser_id.empty()) {
    browser_id = issue_browser_id();
    send_browser_id_cookie = true;
  }
  guest_csrf = issue_guest_csrf_token(services.app_key, browser_id);
  send_guest_csrf_cookie = true;
}

bool Context::wants_json() const {
  std::string_view accept = request.header("accept");
  return accept.find("application/json") != std::string_view::npos ||
         core::equals_ci(request.header("x-requested-with"), "XMLHttpRequest");
}

void Context::login(const accounts::User& signed_in, bool password_checked) {
  session.regenerate();
  session.put(kSessionStartedKey, std::to_string(core::unix_now()));  // the absolute lifetime counts from sign-in
  session.put("user_id", std::to_string(signed_in.id));
  if (password_checked) session.put("auth_time", std::to_string(core::unix_now()));
  session.forget("admin_2fa_passed_at");
  session.put("_token", core::random_token(40));
  user = signed_in;
}

void Context::logout() {
  session.invalidate();
  user.reset();
  // A new guest token replaces the one the signed-in tabs may still hold.
  issue_guest_csrf();
}

}  // namespace web

namespace web {

namespace {
audit::AuditEntry entry_for(const Context& context, std::string event, std::string subject_type,
                            std::optional<std::int64_t> subject_id,
                            std::vector<std::pair<std::string, std::string>> metadata) {
  audit::AuditEntry entry;
  entry.event = std::move(event);
  if (context.user) {
    entry.actor_id = context.user->id;
    entry.actor_role = context.user->role;
  }
  entry.subject_type = std::move(subject_type);
  entry.subject_id = subject_id;
  entry.ip_address = context.client_ip;
  entry.user_agent = std::string(context.request.header("user-agent"));
  entry.route_name = context.route_name;
  entry.http_method = context.method;
  entry.metadata = std::move(metadata);
  return entry;
}
}  // namespace

void Context::audit(db::Tx& tx, std::string event, std::string subject_type, std::optional<std::int64_t> subject_id,
                    std::vector<std::pair<std::string, std::string>> metadata) const {
  if (!services.audit_log) return;
  services.audit_log->append(
      tx, entry_for(*this, std::move(event), std::move(subject_type), subject_id, std::move(metadata)));
}

void Context::audit(std::string event, std::string subject_type, std::optional<std::int64_t> subject_id,
                    std::vector<std::pair<std::string, std::string>> metadata) const {
  if (!services.audit_log) return;
  services.audit_log->record(
      entry_for(*this, std::move(event), std::move(subject_type), subject_id, std::move(metadata)));
}

}  // namespace web
