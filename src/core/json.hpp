// Writing small JSON answers (the AJAX replies of the store and the admin pages) field by field, in the order
// written. Strings are encoded by nlohmann-json (core/json.cpp), so escaping has one implementation; the header
// stays free of nlohmann because it is slow to compile. Reading JSON, and big documents, use nlohmann directly.
#pragma once

#include <string>
#include <string_view>

namespace core {

// `text` as a JSON string literal, quotes included. Invalid UTF-8 is replaced (U+FFFD), never thrown; "<" is
// written as \u003c so a body inlined in a page can never close a <script>.
std::string json_string(std::string_view text);

// A JSON object, keys in insertion order (callers do not add a key twice).
class JsonObject final {
 public:
  JsonObject& add(std::string_view key, std::string_view value);
  JsonObject& add(std::string_view key, const char* value) { return add(key, std::string_view(value)); }
  JsonObject& add(std::string_view key, const std::string& value) { return add(key, std::string_view(value)); }
  JsonObject& add(std::string_view key, long long value);
  JsonObject& add(std::string_view key, long value) { return add(key, static_cast<long long>(value)); }
  JsonObject& add(std::string_view key, int value) { return add(key, static_cast<long long>(value)); }
  JsonObject& add(std::string_view key, bool value);
  JsonObject& add(std::string_view key, const JsonObject& object) { return add_raw(key, object.str()); }
  JsonObject& add_null(std::string_view key);
  // An already-encoded value (an array, a number with decimals, another writer's output): written as is.
  JsonObject& add_raw(std::string_view key, std::string_view json);
  std::string str() const { return "{" + body_ + "}"; }

 private:
  void key(std::string_view name);
  std::string body_;
};

}  // namespace core
