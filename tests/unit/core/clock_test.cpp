// core::parse_sql_utc: the hand-written fast path and the stream parser agree, impossible dates are refused.
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
