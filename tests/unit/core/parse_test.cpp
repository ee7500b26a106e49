#include "core/parse.hpp"

#include <gtest/gtest.h>

namespace {

TEST(ParseId, AcceptsPositiveDigitsWithSurroundingBlanks) {
  EXPECT_EQ(core::parse_id("42"), 42);
  EXPECT_EQ(core::parse_id(" 7 "), 7);
  EXPECT_EQ(core::parse_id("000123"), 123);
  EXPECT_EQ(core::parse_id("999999999999999999"), 999999999999999999LL);
}

TEST(ParseId, RefusesZeroSignsJunkAndNumbersTooLongToBeIds) {
  for (const char* text : {"", " ", "0", "-3", "+3", "1e3", "12abc", "1 2", "4.5", "1234567890123456789", "٣"})
    EXPECT_EQ(core::parse_id(text), std::nullopt) << text;
}

TEST(ParsePage, ReadsAPageNumberAndFallsBackToTheFirstPage) {
  EXPECT_EQ(core::parse_page("3"), 3);
  EXPECT_EQ(core::parse_page("999999999"), 999999999);
  for (const char* text : {"", "0", "-2", "abc", "2x", " 2", "1234567890"}) EXPECT_EQ(core::parse_page(text), 1) << text;
}

}  // namespace
