// CSV exports of orders, repairs and products for a date range (admin "Exportar"). Format: UTF-8 with a BOM
// (spreadsheet programs then read accents right), CRLF line ends, RFC 4180 quoting (a field with a quote, comma,
// semicolon, tab, CR or LF is wrapped in quotes and its quotes doubled). The separator is `;` by default
// (EXPORT_CSV_DELIMITER): Excel with Argentine regional settings uses the comma as decimal mark and expects `;`
// between fields, so a comma-separated file opens as one column. Amounts follow the separator: decimal comma
// ("12345,50") with `;` or tab, decimal point ("12345.50") with `,`. A text cell starting with = + - @
// or a tab gets a leading apostrophe, so a spreadsheet never runs a customer's "=HYPERLINK(…)" as a formula.
// Rows are written as they are fetched: memory does not grow with the table.
// Blocking (SQL, file I/O): worker threads only. Throws on SQL or stream errors.
#pragma once

#include <cstdint>
#include <iosfwd>
#include <optional>
#include <stdexcept>
#include <string>
#include <string_view>

namespace db {
class Database;
}

namespace insights {

enum class ExportKind { kOrders, kRepairs, kProducts };

// "pedidos" | "reparaciones" | "productos".
std::optional<ExportKind> parse_export_kind(std::string_view name);
std::string_view export_name(ExportKind kind);

// One field, quoted when needed (see above). `text` false for numbers (no formula guard).
std::string csv_field(std::string_view value, bool text = true);

// The separator for an EXPORT_CSV_DELIMITER value: ";" (default, also for anything unknown), "," or "tab".
char csv_delimiter(std::string_view setting);

// A money amount in centavos as a spreadsheet reads it with that separator: no thousands separator, decimals only
// when there are centavos ("12345,50" / "12345.50", "8500").
std::string csv_amount(std::int64_t centavos, char delimiter);

// Writes BOM, header and every record created in [from_utc, to_utc) ("" = open bound) to `out`, oldest first,
// fields separated by `delimiter`. Returns the number of data rows written.
std::int64_t write_export(db::Database& database, ExportKind kind, const std::string& from_utc,
                          const std::string& to_utc, std::ostream& out, char delimiter = ';');

}  // namespace insights
