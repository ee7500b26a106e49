// Who is really asking: the TCP peer, unless the peer is a trusted reverse proxy (TRUSTED_PROXIES), in which
// case X-Forwarded-For is read from the right, skipping trusted hops, and the first untrusted address is the
// client (a client can prepend anything to the header, but cannot forge what our proxy appended).
// X-Forwarded-Proto is believed only from a trusted peer too. A spoofed header from anyone else changes nothing.
#pragma once

#include <string>
#include <string_view>
#include <vector>

#include "core/ip_rules.hpp"

namespace web {

struct ClientAddress {
  std::string ip;
  bool https = false;  // the visitor's connection to our edge was HTTPS
};

ClientAddress resolve_client_address(std::string_view peer, std::string_view forwarded_for,
                                     std::string_view forwarded_proto, const std::vector<core::IpRule>& trusted);

}  // namespace web
