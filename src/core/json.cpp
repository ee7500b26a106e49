// The field-by-field JSON writer (see json.hpp); string encoding is nlohmann-json's.
#include "core/json.hpp"

#include <nlohmann/json.hpp>

namespace core {

std::string json_string(std::string_view text) {
  std::string encoded = nlohmann::json(std::string(text)).dump(-1, ' ', false, nlohmann::json::error_handler_t::replace);
  // '<' only occurs inside string literals here, so this cannot break the syntax.
  std::string out;
  out.reserve(encoded.size());
  for (char c : encoded) {
    if (c == '<') out += "\\u003c";
    else out += c;
  }
  return out;
}

void JsonObject::key(std::string_view name) {
  if (!body_.empty()) body_ += ',';
  body_ += json_string(name);
  body_ += ':';
}

JsonObject& JsonObject::add(std::string_view name, std::string_view value) {
  key(name);
  body_ += json_string(value);
  return *this;
}

JsonObject& JsonObject::add(std::string_view name, long long value) {
  key(name);
  body_ += std::to_string(value);
  return *this;
}

JsonObject& JsonObject::add(std::string_view name, bool value) {
  key(name);
  body_ += value ? "true" : "false";
  return *this;
}

JsonObject& JsonObject::add_null(std::string_view name) {
  key(name);
  body_ += "null";
  return *this;
}

JsonObject& JsonObject::add_raw(std::string_view name, std::string_view json) {
  key(name);
  body_ += json;
  return *this;
}

}  // namespace core
