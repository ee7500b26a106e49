#include "web/metrics_gate.hpp"

#include <gtest/gtest.h>

namespace {
web::MetricsGate gate(std::vector<std::string> ips, std::string token) {
  return web::MetricsGate{core::parse_ip_rules(ips, nullptr), std::move(token)};
}
}  // namespace

TEST(MetricsGate, ReadsTheTokenOfABearerHeaderOnly) {
  EXPECT_EQ(web::bearer_token("Bearer s3cret"), "s3cret");
  EXPECT_EQ(web::bearer_token("bearer   s3cret  "), "s3cret");
  EXPECT_EQ(web::bearer_token("  BEARER s3cret"), "s3cret");
  EXPECT_EQ(web::bearer_token("Basic czNjcmV0"), "");
  EXPECT_EQ(web::bearer_token("Bearer"), "");
  EXPECT_EQ(web::bearer_token("Bearers3cret"), "");
  EXPECT_EQ(web::bearer_token(""), "");
}

TEST(MetricsGate, AnAddressInTheListGetsInWithoutAToken) {
  auto rules = gate({"10.0.0.5", "192.168.1.0/24", "2001:db8::/32"}, "");
  EXPECT_TRUE(web::metrics_access_allowed(rules, "10.0.0.5", ""));
  EXPECT_TRUE(web::metrics_access_allowed(rules, "192.168.1.77", ""));
  EXPECT_TRUE(web::metrics_access_allowed(rules, "::ffff:192.168.1.77", ""));
  EXPECT_TRUE(web::metrics_access_allowed(rules, "2001:db8::1", ""));
  EXPECT_FALSE(web::metrics_access_allowed(rules, "10.0.0.6", ""));
  EXPECT_FALSE(web::metrics_access_allowed(rules, "127.0.0.1", ""));
}

TEST(MetricsGate, TheRightTokenGetsInFromAnywhereAndNothingElseDoes) {
  auto rules = gate({"10.0.0.5"}, "0123456789abcdef0123456789abcdef");
  EXPECT_TRUE(web::metrics_access_allowed(rules, "203.0.113.9", "Bearer 0123456789abcdef0123456789abcdef"));
  EXPECT_FALSE(web::metrics_access_allowed(rules, "203.0.113.9", "Bearer 0123456789abcdef0123456789abcdeX"));
  EXPECT_FALSE(web::metrics_access_allowed(rules, "203.0.113.9", "Bearer 0123456789abcdef"));
  EXPECT_FALSE(web::metrics_access_allowed(rules, "203.0.113.9", "Basic 0123456789abcdef0123456789abcdef"));
  EXPECT_FALSE(web::metrics_access_allowed(rules, "203.0.113.9", ""));
}

TEST(MetricsGate, WithNeitherListNorTokenNobodyGetsIn) {
  auto closed = gate({}, "");
  EXPECT_FALSE(web::metrics_access_allowed(closed, "127.0.0.1", ""));
  // An empty bearer must not match the empty token.
  EXPECT_FALSE(web::metrics_access_allowed(closed, "127.0.0.1", "Bearer "));
  // A malformed entry is dropped, never a rule that matches everything.
  auto malformed = gate({"not-an-ip", "10.0.0.0/99"}, "");
  EXPECT_TRUE(malformed.allowed_ips.empty());
  EXPECT_FALSE(web::metrics_access_allowed(malformed, "10.0.0.1", ""));
}
