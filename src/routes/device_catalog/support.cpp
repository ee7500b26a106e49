// Parsing, JSON and redirect helpers of the device-catalog handlers (see support.hpp).
#include "routes/device_catalog/support.hpp"

#include <cstdio>

#include "core/strings.hpp"
#include "web/context.hpp"
#include "web/render.hpp"

namespace routes::device_catalog {

std::optional<std::int64_t> parse_id(std::string_view text) {
  std::string clean = core::trim(text);
  if (clean.empty() || clean.size() > 18 || core::digits_only(clean) != clean) return std::nullopt;
  long long value = std::stoll(clean);
  if (value <= 0) return std::nullopt;
  return value;
}

std::optional<std::int64_t> path_id(const web::Context& context, std::string_view name) {
  auto it = context.params.find(std::string(name));
  if (it == context.params.end()) return std::nullopt;
  return parse_id(it->second);
}

bool checkbox(const web::Context& context, std::string_view name) {
  auto value = context.input.get(name);
  if (!value) return false;
  std::string lowered = core::to_lower(core::trim(*value));
  return lowered == "1" || lowered == "on" || lowered == "true" || lowered == "yes";
}

std::string json_string(std::string_view text) {
  std::string out = "\"";
  for (char c : text) {
    switch (c) {
      case '"': out += "\\\""; break;
      case '\\': out += "\\\\"; break;
      case '\n': out += "\\n"; break;
      case '\r': out += "\\r"; break;
      case '\t': out += "\\t"; break;
      default:
        if (static_cast<unsigned char>(c) < 0x20) {
          char buffer[8];
          std::snprintf(buffer, sizeof buffer, "\\u%04x", static_cast<unsigned>(static_cast<unsigned char>(c)));
          out += buffer;
        } else if (c == '<') {
          out += "\\u003c";  // never "</script>" inside a JSON body someone might inline
        } else {
          out += c;
        }
    }
  }
  return out + "\"";
}

std::string json_pesos(std::int64_t centavos) {
  std::string sign = centavos < 0 ? "-" : "";
  std::uint64_t magnitude = centavos < 0 ? static_cast<std::uint64_t>(-(centavos + 1)) + 1 : static_cast<std::uint64_t>(centavos);
  std::string text = sign + std::to_string(magnitude / 100);
  std::uint64_t fraction = magnitude % 100;
  if (fraction != 0) {
    text += '.';
    text += static_cast<char>('0' + fraction / 10);
    if (fraction % 10 != 0) text += static_cast<char>('0' + fraction % 10);
  }
  return text;
}

JsonObject& JsonObject::key(std::string_view name) {
  if (body_.size() > 1) body_ += ',';
  body_ += json_string(name);
  body_ += ':';
  return *this;
}
JsonObject& JsonObject::str(std::string_view name, std::string_view value) {
  key(name);
  body_ += json_string(value);
  return *this;
}
JsonObject& JsonObject::num(std::string_view name, long long value) {
  key(name);
  body_ += std::to_string(value);
  return *this;
}
JsonObject& JsonObject::boolean(std::string_view name, bool value) {
  key(name);
  body_ += value ? "true" : "false";
  return *this;
}
JsonObject& JsonObject::null(std::string_view name) {
  key(name);
  body_ += "null";
  return *this;
}
JsonObject& JsonObject::raw(std::string_view name, std::string_view json) {
  key(name);
  body_ += json;
  return *this;
}

http::Response json_ok(const JsonObject& object) { return http::Response::json(200, object.done()); }

http::Response json_invalid(const core::FieldErrors& errors) {
  JsonObject fields;
  for (const auto& [field, message] : errors.items()) fields.raw(field, "[" + json_string(message) + "]");
  JsonObject body;
  body.boolean("ok", false);
  body.str("message", errors.empty() ? "" : errors.items().front().second);
  body.raw("errors", fields.done());
  return http::Response::json(422, body.done());
}

http::Response json_refusal(std::string_view message, int status) {
  JsonObject body;
  body.boolean("ok", false).str("message", message);
  return http::Response::json(status, body.done());
}

http::Response back_with_success(web::Context& context, const std::string& message, const std::string& fallback) {
  context.flash_next("success", message);
  return http::Response::redirect(context.previous_url(fallback), 302);
}

http::Response not_found(web::Context& context) { return web::error_page(context.services, &context, 404); }

}  // namespace routes::device_catalog
