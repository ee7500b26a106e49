#include "infra/schedule_time.hpp"

#include <gtest/gtest.h>

#include <stdexcept>

#include "infra/schedule_cadence.hpp"

using infra::Cadence;

namespace {
infra::LocalMinute at(const char* text) { return infra::parse_local_minute(text).value(); }
}  // namespace

TEST(ScheduleTime, ParsesOnlyRealLocalMinutes) {
  EXPECT_EQ(format_local_minute(at("2026-03-01 04:00")), "2026-03-01 04:00");
  EXPECT_EQ(infra::minute_key(at("2026-03-01 04:05")), "202603010405");
  for (const char* bad : {"2026-02-29 10:00", "2026-13-01 10:00", "2026-03-01 24:00", "2026-03-01 10:60",
                          "2026-03-01T10:00", "2026-3-1 10:00", "2026-03-01 10:00:00", ""})
    EXPECT_FALSE(infra::parse_local_minute(bad).has_value()) << bad;
  EXPECT_TRUE(infra::parse_local_minute("2028-02-29 10:00").has_value());
}

TEST(ScheduleTime, LocalMinuteFollowsTheConfiguredTimeZone) {
  // 2026-03-01 06:15:42 UTC.
  std::int64_t instant = 1772345742;
  EXPECT_EQ(format_local_minute(infra::local_minute_at(instant, "UTC")), "2026-03-01 06:15");
  // Córdoba is UTC-3 all year: the 03:15 backup runs at 06:15 UTC.
  EXPECT_EQ(format_local_minute(infra::local_minute_at(instant, "America/Argentina/Cordoba")), "2026-03-01 03:15");
  EXPECT_TRUE(is_due(Cadence::daily_at("03:15"), infra::local_minute_at(instant, "America/Argentina/Cordoba")));
  // Madrid is UTC+1 in winter and UTC+2 in summer: the same wall-clock time moves in UTC.
  EXPECT_EQ(format_local_minute(infra::local_minute_at(instant, "Europe/Madrid")), "2026-03-01 07:15");
  EXPECT_EQ(format_local_minute(infra::local_minute_at(instant + 120 * 86400, "Europe/Madrid")), "2026-06-29 08:15");
  EXPECT_THROW(infra::local_minute_at(instant, "Mars/Olympus_Mons"), std::runtime_error);
}
