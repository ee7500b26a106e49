#include "web/client_address.hpp"

#include <gtest/gtest.h>

namespace {
std::vector<core::IpRule> proxies(std::vector<std::string> entries) { return core::parse_ip_rules(entries, nullptr); }
}  // namespace

TEST(ClientAddress, WithoutTrustedProxiesTheSocketPeerIsTheClient) {
  auto client = web::resolve_client_address("203.0.113.5", "10.0.0.1", "https", {});
  EXPECT_EQ(client.ip, "203.0.113.5");
  EXPECT_FALSE(client.https);
}

TEST(ClientAddress, SpoofedHeadersFromAnUntrustedPeerChangeNothing) {
  auto client = web::resolve_client_address("198.51.100.9", "127.0.0.1", "https", proxies({"127.0.0.1"}));
  EXPECT_EQ(client.ip, "198.51.100.9");
  EXPECT_FALSE(client.https);
}

TEST(ClientAddress, TrustedProxyYieldsTheRightMostUntrustedHop) {
  // The client prepended a fake address; nginx appended the real one.
  auto client = web::resolve_client_address("127.0.0.1", "1.1.1.1, 203.0.113.7", "https", proxies({"127.0.0.1"}));
  EXPECT_EQ(client.ip, "203.0.113.7");
  EXPECT_TRUE(client.https);
  auto chained = web::resolve_client_address("10.0.0.2", "203.0.113.7, 10.0.0.9", "http",
                                             proxies({"10.0.0.0/8"}));
  EXPECT_EQ(chained.ip, "203.0.113.7");
  EXPECT_FALSE(chained.https);
  auto v6 = web::resolve_client_address("::1", "[2001:db8::5]:443", "https", proxies({"::1"}));
  EXPECT_EQ(v6.ip, "2001:db8::5");
}
