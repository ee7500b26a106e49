// Helpers shared by the device-catalog and pricing handlers: id and checkbox parsing, a small JSON writer for the
// endpoints the intake form calls, and the usual "back with a flash" answers.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

#include "core/json.hpp"
#include "core/parse.hpp"
#include "core/validation.hpp"
#include "http/message.hpp"

namespace web {
class Context;
}

namespace routes::device_catalog {

using core::parse_id;  // "12" → 12; "", "0", "-3", "abc", "1e3" → nullopt
// The {name} path parameter as an id, or nullopt.
std::optional<std::int64_t> path_id(const web::Context& context, std::string_view name);
// A checkbox: present with a truthy value ("1", "on", "true").
bool checkbox(const web::Context& context, std::string_view name);

// JSON answers are written with core::JsonObject (core/json.hpp); strings encoded by core::json_string.
using core::json_string;
using core::JsonObject;
// Centavos as a JSON number of pesos: 2400000 → 24000, 1234550 → 12345.5.
std::string json_pesos(std::int64_t centavos);

// 200 JSON.
http::Response json_ok(const JsonObject& object);
// 422 {ok:false, message:<first message>, errors:{field:[message]}} (Laravel's validation shape plus `ok`).
http::Response json_invalid(const core::FieldErrors& errors);
// 422 {ok:false, message}.
http::Response json_refusal(std::string_view message, int status = 422);

// Flash `message` as success and go back to the page the form was on (or `fallback`).
http::Response back_with_success(web::Context& context, const std::string& message, const std::string& fallback);
// The 404 page.
http::Response not_found(web::Context& context);

}  // namespace routes::device_catalog
