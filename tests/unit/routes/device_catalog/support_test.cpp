// Id parsing and the JSON writer of the device-catalog endpoints.
#include "routes/device_catalog/support.hpp"

#include <gtest/gtest.h>

using namespace routes::device_catalog;

TEST(DeviceCatalogSupport, IdsArePositiveDecimalIntegersOnly) {
  EXPECT_EQ(parse_id("12"), 12);
  EXPECT_EQ(parse_id(" 7 "), 7);
  for (const char* bad : {"", "0", "-3", "abc", "1e3", "1.5", "+4", "9999999999999999999"})
    EXPECT_FALSE(parse_id(bad).has_value()) << bad;
}

TEST(DeviceCatalogSupport, JsonStringsAreEscaped) {
  EXPECT_EQ(json_string("Pin de carga"), "\"Pin de carga\"");
  EXPECT_EQ(json_string("a\"b\\c\nd"), "\"a\\\"b\\\\c\\nd\"");
  EXPECT_EQ(json_string(std::string("x\x01y", 3)), "\"x\\u0001y\"");
  EXPECT_EQ(json_string("</script>"), "\"\\u003c/script>\"");
  EXPECT_EQ(json_string("Batería ✅"), "\"Batería ✅\"");
}

TEST(DeviceCatalogSupport, CentavosBecomePesoNumbers) {
  EXPECT_EQ(json_pesos(2400000), "24000");
  EXPECT_EQ(json_pesos(1234550), "12345.5");
  EXPECT_EQ(json_pesos(1234505), "12345.05");
  EXPECT_EQ(json_pesos(0), "0");
  EXPECT_EQ(json_pesos(-150), "-1.5");
}

TEST(DeviceCatalogSupport, ObjectsKeepFieldOrder) {
  JsonObject object;
  object.boolean("ok", true).num("id", 3).str("name", "A52").null("group").raw("items", "[]");
  EXPECT_EQ(object.done(), "{\"ok\":true,\"id\":3,\"name\":\"A52\",\"group\":null,\"items\":[]}");
}
