// JSON writer (see json.hpp).
#include "routes/store/json.hpp"

#include "core/log.hpp"

namespace routes::store_web {

void JsonObject::key(std::string_view name) {
  if (!body_.empty()) body_ += ',';
  body_ += core::json_quote(name);
  body_ += ':';
}

JsonObject& JsonObject::add(std::string_view name, std::string_view value) {
  key(name);
  body_ += core::json_quote(value);
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

JsonObject& JsonObject::add_object(std::string_view name, const JsonObject& object) {
  key(name);
  body_ += object.str();
  return *this;
}

}  // namespace routes::store_web
