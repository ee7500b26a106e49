// Alert wire formats (see alert_payloads.hpp).
#include "infra/alert_payloads.hpp"

#include <nlohmann/json.hpp>

#include <stdexcept>

#include "core/clock.hpp"
#include "core/version.hpp"

namespace infra {

namespace {
std::string ucfirst(std::string text) {
  if (!text.empty() && text[0] >= 'a' && text[0] <= 'z') text[0] = static_cast<char>(text[0] - 'a' + 'A');
  return text;
}
std::string strip_colons(std::string text) {
  std::erase(text, ':');
  return text;
}
}  // namespace

std::string slack_webhook_json(const AlertRecord& record, const std::string& username, const std::string& emoji) {
  nlohmann::ordered_json fields = nlohmann::ordered_json::array();
  fields.push_back({{"title", "Level"}, {"value", record.level}, {"short", false}});
  for (const auto& [key, value] : record.context) {
    std::string shown = value.size() > 1990 ? value.substr(0, 1990) : value;
    fields.push_back({{"title", ucfirst(key)}, {"value", shown}, {"short", false}});
  }
  nlohmann::ordered_json attachment = {
      {"fallback", record.message}, {"text", record.message},        {"color", "danger"},
      {"fields", fields},           {"mrkdwn_in", {"fields"}},       {"ts", record.unix_time},
      {"footer", username},         {"footer_icon", strip_colons(emoji)}, {"title", "Message"}};
  nlohmann::ordered_json payload = {
      {"username", username}, {"attachments", nlohmann::ordered_json::array({attachment})}, {"icon_emoji", emoji}};
  return payload.dump(-1, ' ', false, nlohmann::json::error_handler_t::replace);
}

SentryDsn parse_sentry_dsn(const std::string& dsn) {
  SentryDsn parsed;
  auto scheme_end = dsn.find("://");
  if (scheme_end == std::string::npos) throw std::invalid_argument("SENTRY_DSN has no scheme");
  parsed.scheme = dsn.substr(0, scheme_end);
  if (parsed.scheme != "https" && parsed.scheme != "http") throw std::invalid_argument("SENTRY_DSN must be http(s)");
  std::string rest = dsn.substr(scheme_end + 3);
  auto at = rest.find('@');
  auto slash = rest.rfind('/');
  if (at == std::string::npos || slash == std::string::npos || slash < at)
    throw std::invalid_argument("SENTRY_DSN must look like https://<key>@<host>/<project>");
  parsed.public_key = rest.substr(0, at);
  if (auto colon = parsed.public_key.find(':'); colon != std::string::npos) parsed.public_key.resize(colon);
  parsed.host = rest.substr(at + 1, slash - at - 1);
  parsed.project_id = rest.substr(slash + 1);
  if (parsed.public_key.empty() || parsed.host.empty() || parsed.project_id.empty())
    throw std::invalid_argument("SENTRY_DSN is missing the key, host or project id");
  return parsed;
}

std::string SentryDsn::envelope_url() const { return scheme + "://" + host + "/api/" + project_id + "/envelope/"; }

std::string SentryDsn::auth_header() const {
  return std::string("X-Sentry-Auth: Sentry sentry_version=7, sentry_client=nicoreparaciones/") + core::kAppVersion +
         ", sentry_key=" + public_key;
}

std::string sentry_envelope(const SentryDsn& dsn, const SentryEvent& event) {
  std::string timestamp = core::to_sql_utc(std::chrono::system_clock::from_time_t(event.unix_time));
  timestamp[10] = 'T';
  timestamp += "Z";
  nlohmann::ordered_json tags = nlohmann::ordered_json::object();
  for (const auto& [key, value] : event.tags) tags[key] = value;
  nlohmann::ordered_json body = {
      {"event_id", event.event_id},
      {"timestamp", timestamp},
      {"platform", "native"},
      {"level", "error"},
      {"logger", "nicoreparaciones"},
      {"server_name", event.server_name},
      {"environment", event.environment},
      {"release", event.release},
      {"message", {{"formatted", event.message}}},
      {"exception", {{"values", nlohmann::ordered_json::array({{{"type", event.exception_type}, {"value", event.message}}})}}},
      {"tags", tags}};
  std::string item = body.dump(-1, ' ', false, nlohmann::json::error_handler_t::replace);
  nlohmann::ordered_json header = {{"event_id", event.event_id},
                                   {"dsn", dsn.scheme + "://" + dsn.public_key + "@" + dsn.host + "/" + dsn.project_id},
                                   {"sent_at", timestamp}};
  nlohmann::ordered_json item_header = {{"type", "event"}, {"length", item.size()}, {"content_type", "application/json"}};
  return header.dump() + "\n" + item_header.dump() + "\n" + item + "\n";
}

}  // namespace infra
