// Outbound HTTP POST with libcurl: used by the alert webhook and Sentry delivery. Always bounded by a timeout
// (the reference's webhook had none). Blocking: call from queue workers or commands, never an IO thread.
#pragma once

#include <string>
#include <vector>

namespace infra {

struct HttpPostResult {
  long status = 0;     // HTTP status code (0 when no response)
  std::string body;    // response body (first 64 KiB)
};

// Throws std::runtime_error on transport failure (DNS, refused, timeout) with curl's message.
HttpPostResult http_post(const std::string& url, const std::string& body, const std::vector<std::string>& headers,
                         long timeout_seconds = 10);

}  // namespace infra
