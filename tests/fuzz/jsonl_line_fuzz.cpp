// Fuzz target: one line of a JSON Lines export as `nico db:import` reads it (src/db/portability/importer.cpp):
// a trailing '\r' is dropped, the line is parsed as JSON, a row must be {"table": "...", "row": {...}}, and each
// value goes through the same conversions as importer.cpp's to_value (integer/decimal text, datetime
// normalisation, {"$base64": ...} decoding). importer.cpp itself needs a Database and a Schema and keeps its
// parse_row in an anonymous namespace, so this target mirrors its steps over the pure pieces it calls.
#include <cstddef>
#include <cstdint>
#include <string>

#include <nlohmann/json.hpp>

#include "core/crypto.hpp"
#include "db/portability/value.hpp"

using nlohmann::json;
namespace port = db::portability;

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  std::string line(reinterpret_cast<const char*>(data), size);
  if (auto newline = line.find('\n'); newline != std::string::npos) line.resize(newline);
  if (!line.empty() && line.back() == '\r') line.pop_back();
  json parsed = json::parse(line, nullptr, /*allow_exceptions=*/false);
  if (parsed.is_discarded()) return 0;
  if (!parsed.is_object() || !parsed.contains("row") || !parsed["row"].is_object()) return 0;
  for (auto& [column, value] : parsed["row"].items()) {
    (void)port::is_datetime_column(column, "TEXT");
    if (value.is_string()) {
      const auto& text = value.get_ref<const std::string&>();
      (void)port::number_from_integer_text(text);
      (void)port::number_from_decimal_text(text);
      (void)port::normalize_datetime(text);
    } else if (value.is_number_float()) {
      (void)port::number_from_double(value.get<double>());
    } else if (value.is_object() && value.size() == 1 && value.contains("$base64") && value["$base64"].is_string()) {
      (void)core::base64_decode(value["$base64"].get_ref<const std::string&>());
    }
  }
  return 0;
}
