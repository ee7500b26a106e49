// One database value as the portable export carries it, and the normalisations that make the same data read the
// same on every engine (docs/data-format.md "Types"): datetimes as "YYYY-MM-DD HH:MM:SS" UTC, decimals without
// trailing zeros (an integral decimal is an integer), booleans as 0/1 integers, BLOBs as bytes.
#pragma once

#include <cstdint>
#include <string>
#include <string_view>
#include <variant>

namespace db::portability {

struct Null {
  bool operator==(const Null&) const = default;
};
// Raw bytes of a BLOB column (written as {"$base64": "..."} in the file).
struct Blob {
  std::string bytes;
  bool operator==(const Blob&) const = default;
};

using Value = std::variant<Null, std::int64_t, std::uint64_t, double, std::string, Blob>;

// A floating value as the export writes it: integral values (2.0) become integers, others stay doubles.
Value number_from_double(double value);
// A DECIMAL/NUMERIC value given as text ("12.50", "-3", "2.00"): an integer when it has no fractional part,
// otherwise a double. Returns the text itself (a string value) when it is not a plain decimal number.
Value number_from_decimal_text(std::string_view text);
// An integer column value given as text ("42", "18446744073709551615"); the text itself when it is not an integer.
Value number_from_integer_text(std::string_view text);

// A datetime in its canonical form "YYYY-MM-DD HH:MM:SS" (UTC): accepts "T" or " " between date and time,
// missing seconds, fractional seconds (dropped) and a "Z" or "+HH:MM"/"-HH:MM" offset (converted to UTC).
// Text that is not such a datetime is returned unchanged (a datetime column may hold anything on SQLite).
std::string normalize_datetime(std::string_view text);

// A column holds datetimes when its declared type says so (DATETIME, TIMESTAMP) or, on SQLite where timestamps
// are declared TEXT, when its name follows the schema's convention of ending in "_at".
bool is_datetime_column(std::string_view column_name, std::string_view declared_type);

}  // namespace db::portability
