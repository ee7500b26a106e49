// The warranty registry as a CSV download (/admin/garantias/exportar): the incidents of the list's filter, oldest
// first, in the format of the other exports (domain/insights/csv_export.hpp: UTF-8 with BOM, CRLF, RFC 4180
// quoting, EXPORT_CSV_DELIMITER with its decimal mark, the formula-injection apostrophe on text cells), so the shop
// opens every export the same way. Rows are written as they are fetched. Blocking: worker threads only; throws on
// SQL or stream errors.
#pragma once

#include <cstdint>
#include <iosfwd>

#include "domain/warranty/incident_list.hpp"

namespace warranty {

// Writes BOM, header and one line per incident. Returns the number of incidents written.
std::int64_t write_incidents_csv(db::Database& database, const IncidentFilter& filter, std::ostream& out,
                                 char delimiter = ';');

}  // namespace warranty
