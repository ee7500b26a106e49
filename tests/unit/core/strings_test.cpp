#include "core/strings.hpp"

#include <gtest/gtest.h>

TEST(Utf8, AcceptsSpanishTextAndRejectsMalformedBytes) {
  EXPECT_TRUE(core::is_valid_utf8("Batería, señal, pingüino"));
  EXPECT_TRUE(core::is_valid_utf8("emoji 📱"));
  EXPECT_FALSE(core::is_valid_utf8("\xC3"));              // truncated
  EXPECT_FALSE(core::is_valid_utf8("\xC0\xAF"));          // overlong '/'
  EXPECT_FALSE(core::is_valid_utf8("\xED\xA0\x80"));      // surrogate
  EXPECT_FALSE(core::is_valid_utf8("\xF4\x90\x80\x80"));  // past U+10FFFF
  EXPECT_FALSE(core::is_valid_utf8("abc\xFF"));
}

TEST(Slugify, FoldsAccentsAndSeparatesWords) {
  EXPECT_EQ(core::slugify("Fundas y vidrios"), "fundas-y-vidrios");
  EXPECT_EQ(core::slugify("Batería / Carga"), "bateria-carga");
  EXPECT_EQ(core::slugify("  iPhone 15 Pro!! "), "iphone-15-pro");
  EXPECT_EQ(core::slugify("Diagnóstico"), "diagnostico");
}

TEST(SplitCsv, TrimsAndDropsEmptyPieces) {
  auto parts = core::split_csv(" a@b.com , ,C@D.com,");
  ASSERT_EQ(parts.size(), 2u);
  EXPECT_EQ(parts[0], "a@b.com");
  EXPECT_EQ(parts[1], "C@D.com");
}

TEST(DigitsOnly, KeepsDigits) { EXPECT_EQ(core::digits_only("+54 (351) 555-0000"), "543515550000"); }
