#include "core/money.hpp"

#include <gtest/gtest.h>

namespace {

TEST(Money, FormatsPesosWithThousandsDots) {
  EXPECT_EQ(core::format_ars(0), "$ 0");
  EXPECT_EQ(core::format_ars(1234500), "$ 12.345");
  EXPECT_EQ(core::format_ars(123456789), "$ 1.234.567,89");
  EXPECT_EQ(core::format_ars(1234550), "$ 12.345,50");
  EXPECT_EQ(core::format_ars(-100000), "-$ 1.000");
}

TEST(Money, PlainPesosRoundHalfUp) {
  EXPECT_EQ(core::format_pesos_plain(1234550), "12.346");
  EXPECT_EQ(core::format_pesos_plain(1234549), "12.345");
  EXPECT_EQ(core::format_pesos_plain(99900), "999");
}

TEST(Money, ParsesWhatFormsSend) {
  EXPECT_EQ(core::parse_ars("12345"), 1234500);
  EXPECT_EQ(core::parse_ars(" 12345.5 "), 1234550);
  EXPECT_EQ(core::parse_ars("12345,50"), 1234550);
  EXPECT_EQ(core::parse_ars("$ 12.345,50"), 1234550);
  EXPECT_EQ(core::parse_ars("12.345"), 1234500);
  EXPECT_EQ(core::parse_ars("1.234.567"), 123456700);
  EXPECT_EQ(core::parse_ars("0"), 0);
}

TEST(Money, RefusesAnythingElse) {
  for (const char* bad : {"", "$", "-5", "abc", "12a", "1.2.3", "12,345.5", "1,234,5", "12.3456", "12,", ".5", "1e5",
                          "1234567890123", "12..3"}) {
    EXPECT_FALSE(core::parse_ars(bad).has_value()) << bad;
  }
}

TEST(Money, InputValueRoundTrips) {
  EXPECT_EQ(core::centavos_to_input(1234550), "12345.50");
  EXPECT_EQ(core::centavos_to_input(1234500), "12345");
  EXPECT_EQ(core::parse_ars(core::centavos_to_input(7)), 7);
}

}  // namespace
