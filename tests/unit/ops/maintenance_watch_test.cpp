// The maintenance age table of ops/maintenance_watch.hpp: OK, WARN after the warn minutes, FAIL after four times.
#include "ops/maintenance_watch.hpp"

#include <gtest/gtest.h>

namespace {

ops::MaintenanceState down_since(std::int64_t unix_seconds) {
  ops::MaintenanceState state;
  state.created_at = unix_seconds;
  state.written_ms = unix_seconds * 1000;
  return state;
}

constexpr std::int64_t kNow = 1'800'000'000;

}  // namespace

TEST(MaintenanceWatch, UpIsOff) {
  auto age = ops::judge_maintenance(std::nullopt, 30, kNow);
  EXPECT_EQ(age.level, ops::MaintenanceLevel::kOff);
  EXPECT_EQ(age.minutes, 0);
}

TEST(MaintenanceWatch, WarnsPastTheWarnMinutesAndFailsPastFourTimesThem) {
  EXPECT_EQ(ops::judge_maintenance(down_since(kNow - 30 * 60), 30, kNow).level, ops::MaintenanceLevel::kRecent);
  auto warned = ops::judge_maintenance(down_since(kNow - 31 * 60), 30, kNow);
  EXPECT_EQ(warned.level, ops::MaintenanceLevel::kWarn);
  EXPECT_EQ(warned.minutes, 31);
  EXPECT_EQ(ops::judge_maintenance(down_since(kNow - 120 * 60), 30, kNow).level, ops::MaintenanceLevel::kWarn);
  EXPECT_EQ(ops::judge_maintenance(down_since(kNow - 121 * 60), 30, kNow).level, ops::MaintenanceLevel::kFail);
}

TEST(MaintenanceWatch, ZeroWarnMinutesNeverWarns) {
  EXPECT_EQ(ops::judge_maintenance(down_since(kNow - 86400 * 7), 0, kNow).level, ops::MaintenanceLevel::kRecent);
}

TEST(MaintenanceWatch, AnOldFlagWithoutWrittenMsUsesCreatedAtAndAClockBehindIsNotNegative) {
  ops::MaintenanceState old_file;
  old_file.created_at = kNow - 45 * 60;
  EXPECT_EQ(ops::judge_maintenance(old_file, 30, kNow).level, ops::MaintenanceLevel::kWarn);
  auto future = ops::judge_maintenance(down_since(kNow + 600), 30, kNow);
  EXPECT_EQ(future.level, ops::MaintenanceLevel::kRecent);
  EXPECT_EQ(future.minutes, 0);
}
