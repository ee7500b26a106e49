// Client address resolution behind trusted proxies (see client_address.hpp).
#include "web/client_address.hpp"

#include <algorithm>

#include "core/strings.hpp"

namespace web {

ClientAddress resolve_client_address(std::string_view peer, std::string_view forwarded_for,
                                     std::string_view forwarded_proto, const std::vector<core::IpRule>& trusted) {
  ClientAddress client{std::string(peer), false};
  if (trusted.empty() || !core::ip_matches_any(trusted, peer)) return client;

  auto hops = core::split_csv(forwarded_for);
  for (auto hop = hops.rbegin(); hop != hops.rend(); ++hop) {
    std::string address = *hop;
    // "[2001:db8::1]:443" / "203.0.113.7:51234" → the address alone.
    if (!address.empty() && address.front() == '[') address = address.substr(1, address.find(']') - 1);
    else if (std::count(address.begin(), address.end(), ':') == 1) address = address.substr(0, address.find(':'));
    client.ip = address;
    if (!core::ip_matches_any(trusted, address)) break;
  }
  auto protos = core::split_csv(forwarded_proto);
  client.https = !protos.empty() && core::equals_ci(protos.back(), "https");
  return client;
}

}  // namespace web
