#include "domain/repairs/repair_lookup.hpp"

#include <gtest/gtest.h>

TEST(RepairLookupCode, IsTrimmedAndUpperCased) {
  EXPECT_EQ(repairs::normalise_lookup_code("  r-20260101-00001 \t"), "R-20260101-00001");
  EXPECT_EQ(repairs::normalise_lookup_code("R-20260101-00001"), "R-20260101-00001");
  EXPECT_EQ(repairs::normalise_lookup_code("   "), "");
  // Non-ASCII bytes are left alone (no locale-dependent folding of UTF-8).
  EXPECT_EQ(repairs::normalise_lookup_code("ñ-1"), "ñ-1");
}

TEST(CustomerRepairView, WarrantyEndsOnTheLocalDeliveryDatePlusItsDays) {
  // 02:00 UTC on Jan 5 is still Jan 4 in Córdoba (UTC-3): the warranty counts from the shop's date.
  EXPECT_EQ(repairs::warranty_expiry_date("2026-01-05 02:00:00", 30), "2026-02-03");
  EXPECT_EQ(repairs::warranty_expiry_date("2026-01-05 15:00:00", 90), "2026-04-05");
  EXPECT_EQ(repairs::warranty_expiry_date("2026-12-20 15:00:00", 15), "2027-01-04");
  EXPECT_EQ(repairs::warranty_expiry_date("", 30), "");
  EXPECT_EQ(repairs::warranty_expiry_date("2026-01-05 15:00:00", 0), "");
  EXPECT_TRUE(repairs::in_warranty("2999-01-01"));
  EXPECT_FALSE(repairs::in_warranty("2000-01-01"));
  EXPECT_FALSE(repairs::in_warranty(""));
}

