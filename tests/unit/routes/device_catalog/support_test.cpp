// Peso amounts in the device-catalog JSON answers (ids and the JSON writer are core's: tests/unit/core).
#include "routes/device_catalog/support.hpp"

#include <gtest/gtest.h>

using namespace routes::device_catalog;

TEST(DeviceCatalogSupport, CentavosBecomePesoNumbers) {
  EXPECT_EQ(json_pesos(2400000), "24000");
  EXPECT_EQ(json_pesos(1234550), "12345.5");
  EXPECT_EQ(json_pesos(1234505), "12345.05");
  EXPECT_EQ(json_pesos(0), "0");
  EXPECT_EQ(json_pesos(-150), "-1.5");
}
