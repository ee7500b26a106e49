// Parsing of one export line against the target schema (see import_lines.hpp): the header line, row lines, and the
// JSON value → column value conversions of docs/data-format.md "Types".
#include "db/portability/import_lines.hpp"

#include <nlohmann/json.hpp>

#include <limits>

#include "core/crypto.hpp"
#include "db/portability/exporter.hpp"
#include "db/portability/importer.hpp"

namespace db::portability {

namespace {

using nlohmann::json;

std::string where(std::size_t line) { return "line " + std::to_string(line) + ": "; }

// A string member of the header, "" when absent or not a string. (json::value() throws a bare type_error for a
// member of another type, which the operator would read instead of our message: found by fuzzing.)
std::string string_member(const json& object, const char* name) {
  auto it = object.find(name);
  return it != object.end() && it->is_string() ? it->get<std::string>() : std::string();
}

}  // namespace

ImportHeader parse_header(const std::string& text, const std::filesystem::path& file) {
  const std::string not_export = file.string() + " is not a nico export: ";
  json header;
  try {
    header = json::parse(text);
  } catch (const json::exception&) {
    throw ImportError(not_export + "the first line must be the JSON header (docs/data-format.md)");
  }
  if (!header.is_object() || string_member(header, "format") != kFormatName)
    throw ImportError(not_export + "the header's \"format\" must be \"" + kFormatName + "\"");
  if (!header.contains("format_version") || !header["format_version"].is_number_integer())
    throw ImportError(not_export + "the header has no integer \"format_version\"");
  if (header["format_version"].get<int>() > kFormatVersion)
    throw ImportError("The file has format_version " + header["format_version"].dump() +
                      "; this nico reads up to " + std::to_string(kFormatVersion) + ". Import it with a newer nico.");
  if (!header.contains("schema_version") || !header["schema_version"].is_string())
    throw ImportError(not_export + "the header has no \"schema_version\"");
  if (!header.contains("tables") || !header["tables"].is_object())
    throw ImportError(not_export + "the header has no \"tables\" object of row counts");
  ImportHeader parsed;
  parsed.schema_version = header["schema_version"].get<std::string>();
  if (header.contains("engine") && !header["engine"].is_string())
    throw ImportError(not_export + "the header's \"engine\" must be a string");
  parsed.engine = string_member(header, "engine");
  for (auto& [name, count] : header["tables"].items()) {
    if (!count.is_number_integer() || count.get<std::int64_t>() < 0)
      throw ImportError(not_export + "the row count of table " + name + " in the header is not a whole number");
    parsed.tables.emplace_back(name, count.get<std::int64_t>());
  }
  return parsed;
}

Value to_value(const json& value, const Column& column, std::size_t line, const std::string& table) {
  switch (value.type()) {
    case json::value_t::null:
      return Null{};
    case json::value_t::boolean:
      return std::int64_t{value.get<bool>() ? 1 : 0};
    case json::value_t::number_integer:
      return value.get<std::int64_t>();
    case json::value_t::number_unsigned: {
      auto number = value.get<std::uint64_t>();
      if (number <= static_cast<std::uint64_t>(std::numeric_limits<std::int64_t>::max()))
        return static_cast<std::int64_t>(number);
      return number;
    }
    case json::value_t::number_float:
      return value.get<double>();
    case json::value_t::string: {
      const auto& text = value.get_ref<const std::string&>();
      return column.datetime ? normalize_datetime(text) : text;
    }
    case json::value_t::object:
      if (value.size() == 1 && value.contains("$base64") && value["$base64"].is_string()) {
        const auto& encoded = value["$base64"].get_ref<const std::string&>();
        std::string bytes = core::base64_decode(encoded);
        if (bytes.empty() && !encoded.empty())
          throw ImportError(where(line) + table + "." + column.name + " has invalid base64");
        return Blob{std::move(bytes)};
      }
      [[fallthrough]];
    default:
      throw ImportError(where(line) + table + "." + column.name +
                        " must be null, a number, a string or {\"$base64\": ...} (JSON columns hold their JSON as a "
                        "string)");
  }
}

// Parses one row line against the target schema; throws ImportError naming the line.
Row parse_row(const std::string& text, std::size_t line, const Schema& schema, const Table*& table_out) {
  json parsed;
  try {
    parsed = json::parse(text);
  } catch (const json::exception&) {
    throw ImportError(where(line) + "not valid JSON (is the file truncated?)");
  }
  if (!parsed.is_object() || !parsed.contains("table") || !parsed["table"].is_string() || !parsed.contains("row") ||
      !parsed["row"].is_object())
    throw ImportError(where(line) + "expected {\"table\": \"...\", \"row\": {...}}");
  const auto& name = parsed["table"].get_ref<const std::string&>();
  const Table* table = schema.table(name);
  if (!table) throw ImportError(where(line) + "table " + name + " does not exist in this database");
  Row row;
  row.line = line;
  for (auto& [column_name, value] : parsed["row"].items()) {
    const Column* column = table->column(column_name);
    if (!column)
      throw ImportError(where(line) + "table " + name + " has no column " + column_name + " in this database");
    row.columns.push_back(column_name);
    row.values.push_back(to_value(value, *column, line, name));
  }
  table_out = table;
  return row;
}

}  // namespace db::portability
