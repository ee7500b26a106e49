// IP addresses and CIDR ranges (IPv4 and IPv6) for allowlists and trusted proxies.
// "10.0.0.1", "198.51.100.0/24", "2001:db8::/32", "::1". IPv4-mapped IPv6 peers ("::ffff:10.0.0.1") match
// IPv4 rules. A malformed rule never matches anything (and the health check reports it).
#pragma once

#include <array>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace core {

struct IpRule {
  std::array<unsigned char, 16> bytes{};  // IPv4 stored in the first 4 bytes
  bool v4 = true;
  int prefix_bits = 32;
};

std::optional<IpRule> parse_ip_rule(std::string_view text);
bool ip_matches(const IpRule& rule, std::string_view address);

// Parses a CSV of rules; malformed entries are returned in `malformed` (may be null) and left out.
std::vector<IpRule> parse_ip_rules(const std::vector<std::string>& entries, std::vector<std::string>* malformed);
bool ip_matches_any(const std::vector<IpRule>& rules, std::string_view address);

}  // namespace core
