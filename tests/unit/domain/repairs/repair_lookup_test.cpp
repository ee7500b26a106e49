#include "domain/repairs/repair_lookup.hpp"

#include <gtest/gtest.h>

TEST(RepairLookupCode, IsTrimmedAndUpperCased) {
  EXPECT_EQ(repairs::normalise_lookup_code("  r-20260101-00001 \t"), "R-20260101-00001");
  EXPECT_EQ(repairs::normalise_lookup_code("R-20260101-00001"), "R-20260101-00001");
  EXPECT_EQ(repairs::normalise_lookup_code("   "), "");
  // Non-ASCII bytes are left alone (no locale-dependent folding of UTF-8).
  EXPECT_EQ(repairs::normalise_lookup_code("ñ-1"), "ñ-1");
}
