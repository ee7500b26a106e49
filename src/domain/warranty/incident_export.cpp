// Warranty CSV (see incident_export.hpp). Cells go through insights::csv_field / csv_amount, the exporter the
// other CSV downloads use, so quoting, the formula guard and amounts follow the same rules.
#include "domain/warranty/incident_export.hpp"

#include <ostream>
#include <string>
#include <vector>

#include "core/clock.hpp"
#include "domain/insights/csv_export.hpp"

namespace warranty {

namespace {

constexpr const char* kBom = "\xEF\xBB\xBF";  // as insights' exports: spreadsheets then read accents right
constexpr const char* kEol = "\r\n";

struct Cell {
  std::string value;
  bool text = true;  // free text gets the formula guard; numbers and amounts do not
};

void write_row(std::ostream& out, char delimiter, const std::vector<Cell>& cells) {
  bool first = true;
  for (const auto& cell : cells) {
    if (!first) out << delimiter;
    first = false;
    out << insights::csv_field(cell.value, cell.text);
  }
  out << kEol;
}

std::string local_time(const std::string& utc) { return utc.empty() ? "" : core::format_local(utc); }

}  // namespace

std::int64_t write_incidents_csv(db::Database& database, const IncidentFilter& filter, std::ostream& out,
                                 char delimiter) {
  out << kBom;
  std::vector<Cell> header;
  for (const char* name : {"ID", "Fecha", "Estado", "Origen", "Referencia", "Motivo", "Proveedor", "Cantidad",
                           "Costo unitario", "Costo extra", "Costo total", "Recuperado", "Pérdida", "Notas",
                           "Registró", "Cerrada"})
    header.push_back({name, true});
  write_row(out, delimiter, header);
  std::int64_t rows = 0;
  auto money = [&](long long centavos) { return Cell{insights::csv_amount(centavos, delimiter), false}; };
  for_each_filtered_incident(database, filter, [&](const Incident& incident) {
    write_row(out, delimiter,
              {{std::to_string(incident.id), false},
               {local_time(incident.created_at), false},
               {incident.open ? "Abierta" : "Cerrada"},
               {std::string(source_type_label(incident.source_type))},
               {incident.source_label},
               {incident.reason},
               {incident.supplier},
               {std::to_string(incident.quantity), false},
               money(incident.unit_cost),
               money(incident.extra_cost),
               money(incident.total_cost()),
               money(incident.recovered_amount),
               money(incident.loss),
               {incident.notes},
               {incident.created_by},
               {local_time(incident.closed_at), false}});
    ++rows;
  });
  return rows;
}

}  // namespace warranty
