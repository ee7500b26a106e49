#include "domain/inventory/barcode/ean13.hpp"

#include <gtest/gtest.h>

namespace inventory::barcode {
namespace {

TEST(Ean13CheckDigit, MatchesTheCheckDigitOfRealProductCodes) {
  EXPECT_EQ(ean13_check_digit("400638133393"), 1);  // Faber-Castell pencil, 4006381333931
  EXPECT_EQ(ean13_check_digit("590123412345"), 7);  // GS1's own example, 5901234123457
  EXPECT_EQ(ean13_check_digit("978030640615"), 7);  // ISBN 978-0-306-40615-7
  EXPECT_EQ(ean13_check_digit("001234567890"), 5);  // UPC-A 012345678905 written as EAN-13
  EXPECT_EQ(ean13_check_digit("000000000000"), 0);  // a weighted sum that is already a multiple of ten
}

TEST(Ean13CheckDigit, RefusesAnythingButTwelveDigits) {
  EXPECT_FALSE(ean13_check_digit("40063813339"));
  EXPECT_FALSE(ean13_check_digit("4006381333931"));
  EXPECT_FALSE(ean13_check_digit("40063813339A"));
  EXPECT_FALSE(ean13_check_digit(""));
}

TEST(Ean13Validation, AcceptsValidCodesAndRejectsAWrongCheckDigit) {
  EXPECT_TRUE(is_valid_ean13("4006381333931"));
  EXPECT_TRUE(is_valid_ean13("5901234123457"));
  EXPECT_TRUE(is_valid_ean13("9780306406157"));
  EXPECT_FALSE(is_valid_ean13("4006381333932"));
  EXPECT_FALSE(is_valid_ean13("4006381333939"));
  EXPECT_FALSE(is_valid_ean13("012345678905"));   // UPC-A: 12 digits
  EXPECT_FALSE(is_valid_ean13("400638133393 "));
  EXPECT_FALSE(is_valid_ean13("FUN-IP13-NEG"));
}

}  // namespace
}  // namespace inventory::barcode
