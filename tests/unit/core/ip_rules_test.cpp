#include "core/ip_rules.hpp"

#include <gtest/gtest.h>

TEST(IpRules, SingleAddressesAndCidrRangesMatch) {
  auto rules = core::parse_ip_rules({"203.0.113.10", "198.51.100.0/24", "2001:db8::/32", "::1"}, nullptr);
  ASSERT_EQ(rules.size(), 4u);
  EXPECT_TRUE(core::ip_matches_any(rules, "203.0.113.10"));
  EXPECT_FALSE(core::ip_matches_any(rules, "203.0.113.11"));
  EXPECT_TRUE(core::ip_matches_any(rules, "198.51.100.254"));
  EXPECT_FALSE(core::ip_matches_any(rules, "198.51.101.1"));
  EXPECT_TRUE(core::ip_matches_any(rules, "2001:db8:ffff::1"));
  EXPECT_FALSE(core::ip_matches_any(rules, "2001:db9::1"));
  EXPECT_TRUE(core::ip_matches_any(rules, "::1"));
  EXPECT_TRUE(core::ip_matches_any(rules, "::ffff:198.51.100.7"));  // IPv4-mapped peer
}

TEST(IpRules, OddPrefixesAndMalformedEntries) {
  auto rule = core::parse_ip_rule("10.0.0.0/9");
  ASSERT_TRUE(rule.has_value());
  EXPECT_TRUE(core::ip_matches(*rule, "10.127.255.255"));
  EXPECT_FALSE(core::ip_matches(*rule, "10.128.0.0"));
  std::vector<std::string> malformed;
  auto rules = core::parse_ip_rules({"300.1.1.1", "10.0.0.0/33", "abc", "1.2.3.4/", "0.0.0.0/0"}, &malformed);
  EXPECT_EQ(malformed, (std::vector<std::string>{"300.1.1.1", "10.0.0.0/33", "abc", "1.2.3.4/"}));
  ASSERT_EQ(rules.size(), 1u);
  EXPECT_TRUE(core::ip_matches(rules[0], "8.8.8.8"));
  EXPECT_FALSE(core::ip_matches(rules[0], "::1"));  // an IPv4 rule never matches IPv6
  EXPECT_FALSE(core::ip_matches(rules[0], "garbage"));
}
