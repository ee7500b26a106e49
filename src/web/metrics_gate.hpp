// Who may read /metrics: a client address in METRICS_ALLOWED_IPS (IPs or CIDRs, core/ip_rules), or a request
// carrying METRICS_TOKEN as `Authorization: Bearer <token>` (compared in constant time). Either is enough; with
// neither configured nobody is let in. The address is the one the kernel already resolved (web/client_address:
// the TCP peer, or the forwarded client when the peer is in TRUSTED_PROXIES), so a spoofed X-Forwarded-For from
// an untrusted peer opens nothing. Refusals are 403 (see routes/public/metrics.cpp).
#pragma once

#include <string>
#include <string_view>
#include <vector>

#include "core/ip_rules.hpp"

namespace core {
class Config;
}

namespace web {

struct MetricsGate {
  std::vector<core::IpRule> allowed_ips;  // METRICS_ALLOWED_IPS
  std::string token;                      // METRICS_TOKEN ("" = no token accepted)
};

// Builds the gate from METRICS_ALLOWED_IPS and METRICS_TOKEN; malformed IP entries go to `malformed` (may be
// null) and are left out.
MetricsGate metrics_gate_from_config(const core::Config& config, std::vector<std::string>* malformed);

// The token of an `Authorization: Bearer <token>` header (scheme case-insensitive, spaces around trimmed);
// "" for any other header.
std::string_view bearer_token(std::string_view authorization);

bool metrics_access_allowed(const MetricsGate& gate, std::string_view client_ip, std::string_view authorization);

}  // namespace web
