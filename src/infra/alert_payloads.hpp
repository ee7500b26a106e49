// The wire formats of outbound alerts (the only translation unit of the alert pipeline that uses nlohmann):
//  - the Slack/Discord-compatible incoming-webhook JSON (docs/domain/operations.md "Alert channels"; Discord accepts it
// on /slack URLs);
//  - the Sentry envelope (header line, item header line, event JSON).
#pragma once

#include <cstdint>
#include <string>
#include <utility>
#include <vector>

namespace infra {

struct AlertRecord {
  std::string level = "CRITICAL";
  std::string message;
  std::vector<std::pair<std::string, std::string>> context;  // in order; values are strings
  std::int64_t unix_time = 0;
};

std::string slack_webhook_json(const AlertRecord& record, const std::string& username, const std::string& emoji);

struct SentryDsn {
  std::string scheme, public_key, host, project_id;  // host may include ":port"
  std::string envelope_url() const;
  std::string auth_header() const;
};
// Parses "https://<public_key>@<host>[:port]/<project_id>"; throws std::invalid_argument when malformed.
SentryDsn parse_sentry_dsn(const std::string& dsn);

struct SentryEvent {
  std::string event_id;        // 32 hex chars
  std::string exception_type;  // e.g. "std::runtime_error"
  std::string message;
  std::string environment;
  std::string release;
  std::string server_name;
  std::vector<std::pair<std::string, std::string>> tags;   // request/user context
  std::int64_t unix_time = 0;
};
std::string sentry_envelope(const SentryDsn& dsn, const SentryEvent& event);

}  // namespace infra
