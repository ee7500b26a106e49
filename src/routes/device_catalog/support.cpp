// Parsing, JSON and redirect helpers of the device-catalog handlers (see support.hpp).
#include "routes/device_catalog/support.hpp"

#include <cstdio>

#include "core/errors.hpp"
#include "core/strings.hpp"
#include "web/context.hpp"
#include "web/render.hpp"

namespace routes::device_catalog {

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

http::Response json_ok(const JsonObject& object) { return http::Response::json(200, object.str()); }

http::Response json_invalid(const core::FieldErrors& errors) {
  JsonObject fields;
  for (const auto& [field, message] : errors.items()) fields.add_raw(field, "[" + json_string(message) + "]");
  JsonObject body;
  body.add("ok", false);
  body.add("message", errors.empty() ? "" : errors.items().front().second);
  body.add_raw("errors", fields.str());
  return http::Response::json(422, body.str());
}

http::Response json_refusal(std::string_view message, int status) {
  JsonObject body;
  body.add("ok", false).add("message", message);
  return http::Response::json(status, body.str());
}

http::Response back_with_success(web::Context& context, const std::string& message, const std::string& fallback) {
  context.flash_next("success", message);
  return http::Response::redirect(context.previous_url(fallback), 302);
}

http::Response not_found(web::Context& context) { throw core::not_found(); }

}  // namespace routes::device_catalog
