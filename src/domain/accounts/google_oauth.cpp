// Google OAuth 2.0 client (see google_oauth.hpp): authorization URL, PKCE, code exchange and userinfo over libcurl.
#include "domain/accounts/google_oauth.hpp"

#include <curl/curl.h>

#include <memory>
#include <nlohmann/json.hpp>

#include "core/config.hpp"
#include "core/crypto.hpp"
#include "core/strings.hpp"
#include "core/url.hpp"
#include "core/version.hpp"
#include "infra/http_post.hpp"

namespace accounts {

namespace {
constexpr long kTimeoutSeconds = 10;
constexpr std::size_t kMaxBody = 64 * 1024;
constexpr const char* kDefaultAuthUrl = "https://accounts.google.com/o/oauth2/v2/auth";
constexpr const char* kDefaultTokenUrl = "https://oauth2.googleapis.com/token";
constexpr const char* kDefaultUserinfoUrl = "https://openidconnect.googleapis.com/v1/userinfo";

std::string or_default(const std::string& value, const char* fallback) { return value.empty() ? fallback : value; }

std::string base64url(std::string_view bytes) {
  std::string text = core::base64_encode(bytes);
  while (!text.empty() && text.back() == '=') text.pop_back();
  for (char& c : text) {
    if (c == '+') c = '-';
    else if (c == '/') c = '_';
  }
  return text;
}

size_t collect(char* data, size_t size, size_t count, void* target) {
  auto* body = static_cast<std::string*>(target);
  std::size_t bytes = size * count;
  if (body->size() < kMaxBody) body->append(data, std::min(bytes, kMaxBody - body->size()));
  return bytes;
}

// GET with a bearer token (infra::http_post only posts). Same bounds as the POST: timeout, http(s) only,
// no redirects followed.
std::pair<long, std::string> get_with_bearer(const std::string& url, const std::string& token) {
  std::unique_ptr<CURL, decltype(&curl_easy_cleanup)> curl(curl_easy_init(), curl_easy_cleanup);
  if (!curl) throw GoogleSignInError("curl_easy_init failed");
  std::string authorization = "Authorization: Bearer " + token;
  curl_slist* list = curl_slist_append(nullptr, authorization.c_str());
  list = curl_slist_append(list, "Accept: application/json");
  std::unique_ptr<curl_slist, decltype(&curl_slist_free_all)> headers(list, curl_slist_free_all);
  std::string body;
  curl_easy_setopt(curl.get(), CURLOPT_URL, url.c_str());
  curl_easy_setopt(curl.get(), CURLOPT_HTTPHEADER, headers.get());
  curl_easy_setopt(curl.get(), CURLOPT_TIMEOUT, kTimeoutSeconds);
  curl_easy_setopt(curl.get(), CURLOPT_CONNECTTIMEOUT, 5L);
  curl_easy_setopt(curl.get(), CURLOPT_NOSIGNAL, 1L);
  curl_easy_setopt(curl.get(), CURLOPT_PROTOCOLS_STR, "http,https");
  curl_easy_setopt(curl.get(), CURLOPT_WRITEFUNCTION, collect);
  curl_easy_setopt(curl.get(), CURLOPT_WRITEDATA, &body);
  static const std::string kUserAgent = std::string("NicoReparaciones/") + core::kAppVersion;
  curl_easy_setopt(curl.get(), CURLOPT_USERAGENT, kUserAgent.c_str());
  CURLcode code = curl_easy_perform(curl.get());
  if (code != CURLE_OK) throw GoogleSignInError(std::string("userinfo request failed: ") + curl_easy_strerror(code));
  long status = 0;
  curl_easy_getinfo(curl.get(), CURLINFO_RESPONSE_CODE, &status);
  return {status, body};
}

nlohmann::json parse_object(const std::string& body, const char* what) {
  auto json = nlohmann::json::parse(body, nullptr, /*allow_exceptions=*/false);
  if (!json.is_object()) throw GoogleSignInError(std::string(what) + " answered something that is not a JSON object");
  return json;
}

std::string string_field(const nlohmann::json& json, const char* key) {
  auto it = json.find(key);
  return it != json.end() && it->is_string() ? it->get<std::string>() : std::string();
}

// Google sends a boolean; some OpenID providers send "true" as a string.
bool true_field(const nlohmann::json& json, const char* key) {
  auto it = json.find(key);
  if (it == json.end()) return false;
  if (it->is_boolean()) return it->get<bool>();
  return it->is_string() && it->get<std::string>() == "true";
}
}  // namespace

std::optional<GoogleClient> google_client_from(const core::Config& config) {
  GoogleClient client;
  client.client_id = core::trim(config.str("GOOGLE_CLIENT_ID"));
  client.client_secret = config.str("GOOGLE_CLIENT_SECRET");
  if (client.client_id.empty() || client.client_secret.empty()) return std::nullopt;
  client.redirect_uri = config.str("GOOGLE_REDIRECT_URI");
  if (client.redirect_uri.empty()) {
    std::string base = config.str("APP_URL");
    while (!base.empty() && base.back() == '/') base.pop_back();
    client.redirect_uri = base + "/auth/google/callback";
  }
  client.auth_url = or_default(config.str("GOOGLE_AUTH_URL"), kDefaultAuthUrl);
  client.token_url = or_default(config.str("GOOGLE_TOKEN_URL"), kDefaultTokenUrl);
  client.userinfo_url = or_default(config.str("GOOGLE_USERINFO_URL"), kDefaultUserinfoUrl);
  return client;
}

std::string pkce_challenge(const std::string& verifier) {
  return base64url(core::hex_decode(core::sha256_hex(verifier)));
}

std::string google_authorization_url(const GoogleClient& client, const std::string& state, const std::string& verifier) {
  std::string url = client.auth_url;
  url += url.find('?') == std::string::npos ? '?' : '&';
  url += "response_type=code&client_id=" + core::url_encode(client.client_id) +
         "&redirect_uri=" + core::url_encode(client.redirect_uri) + "&scope=" + core::url_encode("openid email profile") +
         "&state=" + core::url_encode(state) + "&code_challenge=" + core::url_encode(pkce_challenge(verifier)) +
         "&code_challenge_method=S256&prompt=select_account";
  return url;
}

GoogleProfile fetch_google_profile(const GoogleClient& client, const std::string& code, const std::string& verifier) {
  std::string form = "grant_type=authorization_code&code=" + core::url_encode(code) +
                     "&redirect_uri=" + core::url_encode(client.redirect_uri) +
                     "&client_id=" + core::url_encode(client.client_id) +
                     "&client_secret=" + core::url_encode(client.client_secret) +
                     "&code_verifier=" + core::url_encode(verifier);
  infra::HttpPostResult token;
  try {
    token = infra::http_post(client.token_url, form,
                             {"Content-Type: application/x-www-form-urlencoded", "Accept: application/json"},
                             kTimeoutSeconds);
  } catch (const std::exception& error) {
    throw GoogleSignInError(std::string("code exchange failed: ") + error.what());
  }
  if (token.status != 200) throw GoogleSignInError("code exchange answered HTTP " + std::to_string(token.status));
  std::string access_token = string_field(parse_object(token.body, "code exchange"), "access_token");
  if (access_token.empty()) throw GoogleSignInError("code exchange gave no access_token");

  auto [status, body] = get_with_bearer(client.userinfo_url, access_token);
  if (status != 200) throw GoogleSignInError("userinfo endpoint answered HTTP " + std::to_string(status));
  auto info = parse_object(body, "userinfo endpoint");
  GoogleProfile profile;
  profile.subject = string_field(info, "sub");
  if (profile.subject.empty()) throw GoogleSignInError("userinfo gave no subject");
  profile.email = core::to_lower(core::trim(string_field(info, "email")));
  profile.email_verified = true_field(info, "email_verified");
  profile.given_name = core::trim(string_field(info, "given_name"));
  profile.family_name = core::trim(string_field(info, "family_name"));
  profile.name = core::trim(string_field(info, "name"));
  return profile;
}

}  // namespace accounts
