#include "infra/schedule_cadence.hpp"

#include <gtest/gtest.h>

#include <stdexcept>

#include "infra/schedule_time.hpp"

using infra::Cadence;
using infra::LocalMinute;

namespace {
LocalMinute at(const char* text) { return infra::parse_local_minute(text).value(); }
}  // namespace

TEST(ScheduleCadence, DailyIsDueOnlyAtItsMinute) {
  auto backup = Cadence::daily_at("03:15");
  EXPECT_TRUE(is_due(backup, at("2026-03-01 03:15")));
  EXPECT_TRUE(is_due(backup, at("2026-12-31 03:15")));
  EXPECT_FALSE(is_due(backup, at("2026-03-01 03:14")));
  EXPECT_FALSE(is_due(backup, at("2026-03-01 03:16")));
  EXPECT_FALSE(is_due(backup, at("2026-03-01 15:15")));
  EXPECT_EQ(describe(backup), "daily at 03:15");
}

TEST(ScheduleCadence, MonthlyIsDueOnItsDayAndSkipsShortMonths) {
  auto drill = Cadence::monthly_on(1, "04:00");
  EXPECT_TRUE(is_due(drill, at("2026-03-01 04:00")));
  EXPECT_FALSE(is_due(drill, at("2026-03-02 04:00")));
  EXPECT_FALSE(is_due(drill, at("2026-03-01 04:01")));
  EXPECT_EQ(describe(drill), "monthly on day 1 at 04:00");
  EXPECT_EQ(format_local_minute(next_due_after(drill, at("2026-03-01 04:00"))), "2026-04-01 04:00");
  EXPECT_EQ(format_local_minute(next_due_after(drill, at("2026-12-15 10:00"))), "2027-01-01 04:00");

  auto day31 = Cadence::monthly_on(31, "04:00");
  EXPECT_EQ(format_local_minute(next_due_after(day31, at("2026-01-31 05:00"))), "2026-03-31 04:00");  // not February
}

TEST(ScheduleCadence, EveryNMinutesCountsFromMidnight) {
  auto hourly = Cadence::every_minutes(60);
  EXPECT_TRUE(is_due(hourly, at("2026-03-01 00:00")));
  EXPECT_TRUE(is_due(hourly, at("2026-03-01 10:00")));
  EXPECT_FALSE(is_due(hourly, at("2026-03-01 10:30")));
  EXPECT_EQ(describe(hourly), "hourly");
  auto five = Cadence::every_minutes(5);
  EXPECT_TRUE(is_due(five, at("2026-03-01 10:35")));
  EXPECT_FALSE(is_due(five, at("2026-03-01 10:36")));
  EXPECT_EQ(describe(five), "every 5 minutes");
  EXPECT_EQ(format_local_minute(next_due_after(five, at("2026-03-01 23:58"))), "2026-03-02 00:00");
  EXPECT_EQ(format_local_minute(next_due_after(hourly, at("2026-03-01 10:00"))), "2026-03-01 11:00");
  EXPECT_TRUE(is_due(Cadence::every_minutes(1), at("2026-03-01 10:37")));
}

TEST(ScheduleCadence, NextDailyRunIsTodayOrTomorrow) {
  auto check = Cadence::daily_at("03:00");
  EXPECT_EQ(format_local_minute(next_due_after(check, at("2026-03-01 02:59"))), "2026-03-01 03:00");
  EXPECT_EQ(format_local_minute(next_due_after(check, at("2026-03-01 03:00"))), "2026-03-02 03:00");
  EXPECT_EQ(format_local_minute(next_due_after(check, at("2026-12-31 23:59"))), "2027-01-01 03:00");
  EXPECT_EQ(format_local_minute(next_due_after(check, at("2028-02-28 12:00"))), "2028-02-29 03:00");  // leap day
}

TEST(ScheduleCadence, BadCadencesAreRejected) {
  EXPECT_THROW(Cadence::daily_at("3:15"), std::invalid_argument);
  EXPECT_THROW(Cadence::daily_at("24:00"), std::invalid_argument);
  EXPECT_THROW(Cadence::daily_at("03:60"), std::invalid_argument);
  EXPECT_THROW(Cadence::monthly_on(0, "04:00"), std::invalid_argument);
  EXPECT_THROW(Cadence::monthly_on(32, "04:00"), std::invalid_argument);
  EXPECT_THROW(Cadence::every_minutes(0), std::invalid_argument);
  EXPECT_THROW(Cadence::every_minutes(7), std::invalid_argument);  // does not divide the day
}

TEST(ScheduleCadence, VerifyTimeIsHalfAnHourAfterTheBackupAndWrapsAtMidnight) {
  EXPECT_EQ(infra::shift_time_of_day("03:15", 30), "03:45");
  EXPECT_EQ(infra::shift_time_of_day("23:50", 30), "00:20");
  EXPECT_EQ(infra::shift_time_of_day("00:10", -30), "23:40");
}

TEST(ScheduleCadence, WeeklyIsDueOnItsIsoWeekdayAndTime) {
  EXPECT_EQ(infra::iso_weekday(at("1970-01-01 00:00")), 4);  // a Thursday
  EXPECT_EQ(infra::iso_weekday(at("2026-12-07 10:00")), 1);  // Monday
  EXPECT_EQ(infra::iso_weekday(at("2026-12-13 10:00")), 7);  // Sunday
  EXPECT_EQ(infra::iso_weekday(at("2028-02-29 10:00")), 2);  // leap day, Tuesday
  auto report = Cadence::weekly_on(5, "18:00");
  EXPECT_TRUE(is_due(report, at("2026-12-11 18:00")));
  EXPECT_FALSE(is_due(report, at("2026-12-10 18:00")));
  EXPECT_FALSE(is_due(report, at("2026-12-11 18:01")));
  EXPECT_EQ(format_local_minute(next_due_after(report, at("2026-12-11 18:00"))), "2026-12-18 18:00");
  EXPECT_EQ(infra::describe(report), "weekly on Friday at 18:00");
  EXPECT_THROW(Cadence::weekly_on(0, "08:00"), std::invalid_argument);
  EXPECT_THROW(Cadence::weekly_on(8, "08:00"), std::invalid_argument);
}
