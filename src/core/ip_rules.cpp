// IP/CIDR matching (see ip_rules.hpp).
#include "core/ip_rules.hpp"

#include <arpa/inet.h>

#include <algorithm>
#include <cstring>

namespace core {

namespace {
struct Address {
  std::array<unsigned char, 16> bytes{};
  bool v4 = true;
};

std::optional<Address> parse_address(std::string_view text) {
  std::string value(text);
  Address address;
  if (inet_pton(AF_INET, value.c_str(), address.bytes.data()) == 1) return address;
  unsigned char v6[16];
  if (inet_pton(AF_INET6, value.c_str(), v6) != 1) return std::nullopt;
  // ::ffff:a.b.c.d is an IPv4 peer seen through a dual-stack socket.
  static const unsigned char kMapped[12] = {0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0xff, 0xff};
  if (std::memcmp(v6, kMapped, 12) == 0) {
    std::memcpy(address.bytes.data(), v6 + 12, 4);
    return address;
  }
  address.v4 = false;
  std::memcpy(address.bytes.data(), v6, 16);
  return address;
}
}  // namespace

std::optional<IpRule> parse_ip_rule(std::string_view text) {
  std::size_t slash = text.find('/');
  auto address = parse_address(text.substr(0, slash));
  if (!address) return std::nullopt;
  IpRule rule;
  rule.bytes = address->bytes;
  rule.v4 = address->v4;
  rule.prefix_bits = address->v4 ? 32 : 128;
  if (slash != std::string_view::npos) {
    std::string_view prefix = text.substr(slash + 1);
    if (prefix.empty() || prefix.size() > 3 || !std::all_of(prefix.begin(), prefix.end(), [](char c) { return c >= '0' && c <= '9'; }))
      return std::nullopt;
    int bits = std::stoi(std::string(prefix));
    if (bits > rule.prefix_bits) return std::nullopt;
    rule.prefix_bits = bits;
  }
  return rule;
}

bool ip_matches(const IpRule& rule, std::string_view text) {
  auto address = parse_address(text);
  if (!address || address->v4 != rule.v4) return false;
  int full_bytes = rule.prefix_bits / 8, remaining_bits = rule.prefix_bits % 8;
  if (std::memcmp(rule.bytes.data(), address->bytes.data(), static_cast<std::size_t>(full_bytes)) != 0) return false;
  if (remaining_bits == 0) return true;
  unsigned char mask = static_cast<unsigned char>(0xFF << (8 - remaining_bits));
  return (rule.bytes[static_cast<std::size_t>(full_bytes)] & mask) == (address->bytes[static_cast<std::size_t>(full_bytes)] & mask);
}

std::vector<IpRule> parse_ip_rules(const std::vector<std::string>& entries, std::vector<std::string>* malformed) {
  std::vector<IpRule> rules;
  for (const auto& entry : entries) {
    if (auto rule = parse_ip_rule(entry)) rules.push_back(*rule);
    else if (malformed) malformed->push_back(entry);
  }
  return rules;
}

bool ip_matches_any(const std::vector<IpRule>& rules, std::string_view address) {
  return std::any_of(rules.begin(), rules.end(), [&](const IpRule& rule) { return ip_matches(rule, address); });
}

}  // namespace core
