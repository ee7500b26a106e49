#include "domain/settings/brand_assets.hpp"

#include <gtest/gtest.h>

#include <set>

TEST(BrandAssets, TheFifteenSlotsOfTheReferenceWithUniqueKeys) {
  const auto& slots = settings::brand_asset_slots();
  ASSERT_EQ(slots.size(), 15u);
  std::set<std::string_view> keys;
  for (const auto& slot : slots) EXPECT_TRUE(keys.insert(slot.key).second) << slot.key;
  EXPECT_EQ(slots.front().key, "logo_main");
  EXPECT_EQ(slots.back().key, "android_chrome_512");
  EXPECT_EQ(settings::find_brand_asset_slot("favicon_ico")->extensions, "ico");
  EXPECT_EQ(settings::find_brand_asset_slot("android_chrome_512")->max_kb, 4096u);
  EXPECT_EQ(settings::find_brand_asset_slot("nope"), nullptr);
  EXPECT_EQ(settings::brand_asset_setting_key("icon_store"), "brand_asset_icon_store");
}
