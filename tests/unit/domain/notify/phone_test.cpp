#include "domain/notify/phone.hpp"

#include <gtest/gtest.h>

#include <optional>
#include <string>

using notify::normalise_order_phone;
using notify::normalise_repair_phone;

namespace {
struct Case {
  const char* input;
  std::optional<std::string> expected;
};
}  // namespace

TEST(RepairWhatsAppPhone, FollowsTheRepairRuleTable) {
  const Case cases[] = {
      {"11 3333 2222", "541133332222"},          // docs/domain/whatsapp.md "Phone rules": 10 digits → 54 prefix, no 9
      {"341 555-0000", "543415550000"},
      {"+54 341 555 0000", "543415550000"},      // already international
      {"5493415550000", "5493415550000"},        // kept as is
      {"0341 15555000", "5434115555000"},       // leading 0 dropped → 11 digits → 54 prefix
      {"0054 11 4444 5555", "541144445555"},     // international 00 dropped before the 54 test
      {"4444555", "4444555"},                    // too short for the prefix: unchanged digits
      {"1234567890123", "1234567890123"},        // 13 digits: unchanged
      {"0000", std::nullopt},
      {"", std::nullopt},
      {"sin teléfono", std::nullopt},
  };
  for (const auto& c : cases) EXPECT_EQ(normalise_repair_phone(c.input), c.expected) << c.input;
}

TEST(OrderWhatsAppPhone, FollowsTheArgentineMobileRuleTable) {
  const Case cases[] = {
      {"11 4444 5555", "5491144445555"},         // docs/domain/whatsapp.md "Phone rules"
      {"1176543210", "5491176543210"},
      {"+54 11 4444 5555", "5491144445555"},     // 54 without 9 → 9 inserted
      {"+54 9 11 4444 5555", "5491144445555"},   // already 549
      {"0054 9 11 4444 5555", "5491144445555"},  // 00 dropped
      {"011 4444 5555", "5491144445555"},        // leading 0 dropped
      {"15 4444 5555", "54944445555"},           // leading 15 dropped
      {"4444555", std::nullopt},                 // fewer than 8 digits
      {"", std::nullopt},
      {"---", std::nullopt},
  };
  for (const auto& c : cases) EXPECT_EQ(normalise_order_phone(c.input), c.expected) << c.input;
}

TEST(WhatsAppLink, EncodesTheWholeMessage) {
  EXPECT_EQ(notify::wa_me_url("541133332222", "Hola Ana 👋\nListo: *sí* & 100%?"),
            "https://wa.me/541133332222?text=Hola%20Ana%20%F0%9F%91%8B%0AListo%3A%20%2As%C3%AD%2A%20%26%20100%25%3F");
}
