// The /metrics access rule (see metrics_gate.hpp).
#include "web/metrics_gate.hpp"

#include "core/config.hpp"
#include "core/crypto.hpp"
#include "core/strings.hpp"

namespace web {

MetricsGate metrics_gate_from_config(const core::Config& config, std::vector<std::string>* malformed) {
  MetricsGate gate;
  gate.allowed_ips = core::parse_ip_rules(config.list("METRICS_ALLOWED_IPS"), malformed);
  gate.token = config.str("METRICS_TOKEN");
  return gate;
}

std::string_view bearer_token(std::string_view authorization) {
  constexpr std::string_view kScheme = "bearer ";
  while (!authorization.empty() && authorization.front() == ' ') authorization.remove_prefix(1);
  if (!core::starts_with_ci(authorization, kScheme)) return {};
  authorization.remove_prefix(kScheme.size());
  while (!authorization.empty() && authorization.front() == ' ') authorization.remove_prefix(1);
  while (!authorization.empty() && authorization.back() == ' ') authorization.remove_suffix(1);
  return authorization;
}

bool metrics_access_allowed(const MetricsGate& gate, std::string_view client_ip, std::string_view authorization) {
  if (core::ip_matches_any(gate.allowed_ips, client_ip)) return true;
  if (gate.token.empty()) return false;
  std::string_view presented = bearer_token(authorization);
  return !presented.empty() && core::constant_time_equals(presented, gate.token);
}

}  // namespace web
