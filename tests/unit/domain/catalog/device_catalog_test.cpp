// Name collisions in the device catalog (no database).
#include "domain/catalog/device_catalog.hpp"

#include <gtest/gtest.h>

TEST(DeviceCatalogNames, DuplicatesIgnoreCaseAccentsAndPunctuation) {
  EXPECT_EQ(catalog::name_key("Batería"), catalog::name_key("BATERIA"));
  EXPECT_EQ(catalog::name_key("Pin de carga"), catalog::name_key("pin-de-carga"));
  EXPECT_NE(catalog::name_key("iPhone 12"), catalog::name_key("iPhone 13"));
  EXPECT_EQ(catalog::name_key("  ++ "), "++");  // nothing sluggable: the lower-cased name itself
}
