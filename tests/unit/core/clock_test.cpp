// core::parse_sql_utc: the hand-written fast path and the stream parser agree, impossible dates are refused.
// core::format_local: the hand-written patterns write what date::format writes.
#include <date/tz.h>
#include <gtest/gtest.h>

#include "core/clock.hpp"

namespace {

long long unix_of(const char* text) {
  core::SystemTime time;
  if (!core::parse_sql_utc(text, time)) return -1;
  return std::chrono::duration_cast<std::chrono::seconds>(time.time_since_epoch()).count();
}

TEST(ParseSqlUtc, ReadsTheDatabaseFormat) {
  EXPECT_EQ(unix_of("1970-01-01 00:00:00"), 0);
  EXPECT_EQ(unix_of("2026-11-28 01:30:00"), 1795829400);
  EXPECT_EQ(unix_of("2024-02-29 23:59:59"), 1709251199);
  EXPECT_EQ(unix_of("2026-11-28 01:30:00.123456"), 1795829400);  // fractions are ignored, as before
}

TEST(ParseSqlUtc, RefusesImpossibleDatesAndGarbage) {
  EXPECT_EQ(unix_of("2023-02-29 10:00:00"), -1);
  EXPECT_EQ(unix_of("2026-13-01 10:00:00"), -1);
  EXPECT_EQ(unix_of("2026-11-28 24:00:00"), -1);
  EXPECT_EQ(unix_of("no es una fecha"), -1);
  EXPECT_EQ(unix_of(""), -1);
}

}  // namespace

TEST(FormatLocal, WritesWhatDateFormatWritesForEveryPatternPagesUse) {
  core::set_display_time_zone("America/Argentina/Cordoba");
  const auto* zone = date::locate_zone("America/Argentina/Cordoba");
  const char* patterns[] = {"%d/%m/%Y", "%d/%m/%Y %H:%M", "%d/%m/%Y %H:%M:%S", "%Y-%m-%d", "%Y-%m-%d %H:%M:%S",
                            "%Y%m%d-%H%M%S", "%H:%M:%S", "100%% listo el %d", "%z", "%Y-%m-%dT%H:%M:%S%Ez", "%A %d"};
  // Every 37 h 13 min 7 s over five years: all hours, days, months, a leap day and New Year's Eve in UTC-3.
  auto time = date::sys_days(date::year(2023) / 1 / 1) + std::chrono::seconds(0);
  for (int i = 0; i < 1200; ++i, time += std::chrono::hours(37) + std::chrono::minutes(13) + std::chrono::seconds(7)) {
    const std::string sql = core::to_sql_utc(time);
    for (const char* pattern : patterns)
      ASSERT_EQ(core::format_local(sql, pattern), date::format(pattern, date::make_zoned(zone, time))) << sql << " " << pattern;
  }
  EXPECT_EQ(core::format_local("2024-12-31 23:30:00", "%d/%m/%Y %H:%M"), "31/12/2024 20:30");
  EXPECT_EQ(core::format_local("2025-01-01 02:59:59", "%d/%m/%Y %H:%M:%S"), "31/12/2024 23:59:59");
  EXPECT_EQ(core::format_local("no es una fecha", "%d/%m/%Y"), "no es una fecha");
}
