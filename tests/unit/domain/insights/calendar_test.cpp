#include "domain/insights/calendar.hpp"

#include <gtest/gtest.h>

#include "domain/insights/dashboard.hpp"

// The display zone defaults to America/Argentina/Cordoba (UTC-3, no daylight saving).
TEST(Calendar, LocalMidnightIsThreeInTheMorningUtc) {
  EXPECT_EQ(insights::local_day_start_utc("2026-11-27"), "2026-11-27 03:00:00");
  EXPECT_EQ(insights::local_day_end_utc("2026-11-27"), "2026-11-28 03:00:00");
  EXPECT_EQ(insights::local_day_end_utc("2026-12-31"), "2027-01-01 03:00:00");
}

TEST(Calendar, MalformedDatesAreRejected) {
  EXPECT_FALSE(insights::local_day_start_utc("2026-02-30"));
  EXPECT_FALSE(insights::local_day_start_utc("27/11/2026"));
  EXPECT_FALSE(insights::local_day_start_utc(""));
  EXPECT_FALSE(insights::local_day_start_utc("2999-01-01"));  // past what the clock type can hold
}

TEST(Calendar, LocalDateFollowsTheShopsClock) {
  core::SystemTime t;
  ASSERT_TRUE(core::parse_sql_utc("2026-11-28 01:30:00", t));  // still the 27th in Córdoba
  EXPECT_EQ(insights::local_date(t), "2026-11-27");
  EXPECT_EQ(insights::local_date(t, 7), "2026-11-20");
}

TEST(Calendar, LastSixMonthsOldestFirstWithSpanishLabels) {
  core::SystemTime t;
  ASSERT_TRUE(core::parse_sql_utc("2026-02-10 12:00:00", t));
  auto months = insights::last_months(t, 6);
  ASSERT_EQ(months.size(), 6u);
  EXPECT_EQ(months.front().label, "sep");
  EXPECT_EQ(months.front().start_utc, "2025-09-01 03:00:00");
  EXPECT_EQ(months.back().label, "feb");
  EXPECT_EQ(months.back().end_utc, "2026-03-01 03:00:00");
}

TEST(DashboardRange, OnlySevenThirtyOrNinety) {
  EXPECT_EQ(insights::parse_range("7"), 7);
  EXPECT_EQ(insights::parse_range("90"), 90);
  EXPECT_EQ(insights::parse_range("45"), 30);
  EXPECT_EQ(insights::parse_range(""), 30);
}

TEST(DashboardDelta, RoundedPercentOrNoHistory) {
  EXPECT_EQ(insights::delta_percent(4, 1), 300);
  EXPECT_EQ(insights::delta_percent(1, 3), -67);
  EXPECT_EQ(insights::delta_percent(5, 5), 0);
  EXPECT_FALSE(insights::delta_percent(5, 0));
}
