// core::SegmentedLru: bounded by entries and bytes; entries seen once cannot push out entries used again.
#include "core/segmented_lru.hpp"

#include <gtest/gtest.h>

namespace {

using Cache = core::SegmentedLru<int>;

TEST(SegmentedLru, KeepsWhatWasUsedAgainThroughAFloodOfOneOffKeys) {
  Cache cache({.max_entries = 10});
  cache.put("hot", 1);
  ASSERT_NE(cache.find("hot"), nullptr);  // used again: protected
  for (int i = 0; i < 1000; ++i) cache.put("once-" + std::to_string(i), i);
  ASSERT_NE(cache.find("hot"), nullptr);
  EXPECT_EQ(*cache.find("hot"), 1);
  EXPECT_EQ(cache.find("once-0"), nullptr);
  EXPECT_NE(cache.find("once-999"), nullptr);
  EXPECT_LE(cache.size(), 10u);
}

TEST(SegmentedLru, EvictsTheLeastRecentlyUsedProtectedEntryFirst) {
  Cache cache({.max_entries = 5, .probation_percent = 20});  // 1 probation slot, 4 protected
  for (int i = 0; i < 5; ++i) {
    cache.put("k" + std::to_string(i), i);
    cache.find("k" + std::to_string(i));
  }
  cache.find("k0");  // used again: k0 stays, the entries used longest ago go first
  cache.put("new", 9);
  cache.find("new");  // promoting it demotes the oldest protected entry (k2) to probation for a second chance
  EXPECT_NE(cache.find("k0"), nullptr);
  EXPECT_NE(cache.find("new"), nullptr);
  EXPECT_LE(cache.size(), 5u);
}

TEST(SegmentedLru, StaysWithinItsByteBudgetAndNeverKeepsAnOversizedValue) {
  core::SegmentedLru<std::string> cache({.max_entries = 100, .max_bytes = 1000},
                                        [](const std::string&, const std::string& value) { return value.size(); });
  cache.put("big", std::string(500, 'x'));  // larger than the probation share (200 bytes)
  EXPECT_EQ(cache.find("big"), nullptr);
  for (int i = 0; i < 50; ++i) {
    cache.put("p" + std::to_string(i), std::string(100, 'y'));
    cache.find("p" + std::to_string(i));
  }
  EXPECT_LE(cache.bytes(), 1000u);
}

TEST(SegmentedLru, ReplacingAValueKeepsOneEntry) {
  Cache cache({.max_entries = 10});
  cache.put("a", 1);
  cache.put("a", 2);
  EXPECT_EQ(cache.size(), 1u);
  EXPECT_EQ(*cache.find("a"), 2);
}

}  // namespace

TEST(SegmentedLru, AnOversizedValueEvictsNothingElse) {
  core::SegmentedLru<std::string> cache({.max_entries = 100, .max_bytes = 1000},
                                        [](const std::string&, const std::string& value) { return value.size(); });
  cache.put("small-1", std::string(50, 'a'));
  cache.put("small-2", std::string(50, 'b'));
  cache.put("big", std::string(500, 'x'));  // over the 200-byte probation share
  EXPECT_EQ(cache.find("big"), nullptr);
  EXPECT_NE(cache.find("small-1"), nullptr);
  EXPECT_NE(cache.find("small-2"), nullptr);
  cache.put("small-1", std::string(900, 'c'));  // a replacement too large for the cache drops the old copy
  EXPECT_EQ(cache.find("small-1"), nullptr);
  EXPECT_EQ(cache.size(), 1u);
  EXPECT_EQ(cache.bytes(), 50u);
}
