// A flat JSON object writer for the store's AJAX answers ({ok, message, cartCount, …}); nested objects are
// added as already-built JsonObject text. Keeps nlohmann-json (slow to compile) out of the handlers.
#pragma once

#include <cstdint>
#include <string>
#include <string_view>

namespace routes::store_web {

class JsonObject final {
 public:
  JsonObject& add(std::string_view key, std::string_view value);
  JsonObject& add(std::string_view key, const char* value) { return add(key, std::string_view(value)); }
  JsonObject& add(std::string_view key, long long value);
  JsonObject& add(std::string_view key, int value) { return add(key, static_cast<long long>(value)); }
  JsonObject& add(std::string_view key, bool value);
  JsonObject& add_null(std::string_view key);
  JsonObject& add_object(std::string_view key, const JsonObject& object);
  std::string str() const { return "{" + body_ + "}"; }

 private:
  void key(std::string_view name);
  std::string body_;
};

}  // namespace routes::store_web
