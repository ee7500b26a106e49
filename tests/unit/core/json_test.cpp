#include "core/json.hpp"

#include <gtest/gtest.h>

#include <string>

namespace {

TEST(JsonString, EscapesQuotesBackslashesControlsAndTheScriptOpener) {
  EXPECT_EQ(core::json_string("Pin de carga"), "\"Pin de carga\"");
  EXPECT_EQ(core::json_string("a\"b\\c\nd"), "\"a\\\"b\\\\c\\nd\"");
  EXPECT_EQ(core::json_string(std::string("x\x01y", 3)), "\"x\\u0001y\"");
  EXPECT_EQ(core::json_string("</script>"), "\"\\u003c/script>\"");
  EXPECT_EQ(core::json_string("Batería ✅"), "\"Batería ✅\"");
}

TEST(JsonString, InvalidUtf8IsReplacedNotThrown) {
  EXPECT_EQ(core::json_string("a\xC3"), "\"a\xEF\xBF\xBD\"");
}

TEST(JsonObject, KeepsFieldOrderAndNestsObjects) {
  core::JsonObject inner;
  inner.add("id", 3).add("name", "A52");
  core::JsonObject object;
  object.add("ok", true).add("inner", inner).add_null("group").add_raw("items", "[]").add("count", 7LL);
  EXPECT_EQ(object.str(), "{\"ok\":true,\"inner\":{\"id\":3,\"name\":\"A52\"},\"group\":null,\"items\":[],\"count\":7}");
  EXPECT_EQ(core::JsonObject().str(), "{}");
}

}  // namespace
