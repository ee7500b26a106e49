// CSV exports (see csv_export.hpp).
#include "domain/insights/csv_export.hpp"

#include <array>
#include <ostream>
#include <vector>

#include "core/clock.hpp"
#include "core/money.hpp"
#include "core/phone.hpp"
#include "core/strings.hpp"
#include "db/database.hpp"
#include "domain/insights/dashboard.hpp"
#include "domain/payments/payment_methods.hpp"
#include "domain/repairs/status.hpp"

namespace insights {

namespace {

constexpr const char* kBom = "\xEF\xBB\xBF";
constexpr const char* kEol = "\r\n";

std::string money(const std::string& centavos, char delimiter) {
  if (centavos.empty()) return "";
  try {
    return csv_amount(std::stoll(centavos), delimiter);
  } catch (const std::exception&) {
    return centavos;
  }
}

std::string local_time(const std::string& utc) { return utc.empty() ? "" : core::format_local(utc.substr(0, 19)); }

std::string yes_no(const std::string& flag) { return flag == "1" ? "Sí" : "No"; }

std::string repair_status_label(const std::string& key) {
  auto status = repairs::parse_status(key);
  return status ? std::string(repairs::status_label(*status)) : key;
}

// A cell: the text and whether it is free text (formula guard) or a number.
struct Cell {
  std::string value;
  bool text = true;
};

void write_row(std::ostream& out, char delimiter, const std::vector<Cell>& cells) {
  bool first = true;
  for (const auto& cell : cells) {
    if (!first) out << delimiter;
    first = false;
    out << csv_field(cell.value, cell.text);
  }
  out << kEol;
}

void write_header(std::ostream& out, char delimiter, std::initializer_list<const char*> names) {
  std::vector<Cell> cells;
  for (const char* name : names) cells.push_back({name, true});
  write_row(out, delimiter, cells);
}

// Streams `query` (N text columns, NULL → "") into `row`.
template <std::size_t N, typename RowFn>
std::int64_t stream_rows(db::Database& database, const std::string& query, const std::string& from_utc,
                         const std::string& to_utc, RowFn row) {
  auto sql = database.lease();
  std::array<std::string, N> values;
  std::array<soci::indicator, N> indicators{};
  std::string from = from_utc, to = to_utc;
  soci::statement statement(*sql);
  for (std::size_t i = 0; i < N; ++i) statement.exchange(soci::into(values[i], indicators[i]));
  if (!from.empty()) statement.exchange(soci::use(from));
  if (!to.empty()) statement.exchange(soci::use(to));
  statement.alloc();
  statement.prepare(query);
  statement.define_and_bind();
  statement.execute(false);
  std::int64_t rows = 0;
  while (statement.fetch()) {
    std::array<std::string, N> columns;
    for (std::size_t i = 0; i < N; ++i) columns[i] = indicators[i] == soci::i_null ? std::string() : values[i];
    row(columns);
    ++rows;
  }
  return rows;
}

std::string range_clause(const char* column, const std::string& from_utc, const std::string& to_utc) {
  std::string clause;
  if (!from_utc.empty()) clause += std::string(" WHERE ") + column + " >= :from_at";
  if (!to_utc.empty()) clause += std::string(clause.empty() ? " WHERE " : " AND ") + column + " < :to_at";
  return clause;
}

}  // namespace

std::optional<ExportKind> parse_export_kind(std::string_view name) {
  if (name == "pedidos") return ExportKind::kOrders;
  if (name == "reparaciones") return ExportKind::kRepairs;
  if (name == "productos") return ExportKind::kProducts;
  return std::nullopt;
}

std::string_view export_name(ExportKind kind) {
  switch (kind) {
    case ExportKind::kOrders: return "pedidos";
    case ExportKind::kRepairs: return "reparaciones";
    case ExportKind::kProducts: return "productos";
  }
  return "export";
}

std::string csv_field(std::string_view value, bool text) {
  std::string cell(value);
  if (text && !cell.empty() && (cell[0] == '=' || cell[0] == '+' || cell[0] == '-' || cell[0] == '@' ||
                                cell[0] == '\t' || cell[0] == '\r'))
    cell.insert(cell.begin(), '\'');
  // In text, comma and semicolon are both quoted whatever the separator: the file stays right if it is opened
  // with the other one guessed. Numbers are never quoted for them: a decimal comma ("12345,50") only appears with
  // `;` or tab as the separator (csv_amount), and a spreadsheet reads an unquoted number as a number.
  if (cell.find_first_of(text ? "\",;\t\r\n" : "\"\t\r\n") == std::string::npos) return cell;
  return "\"" + core::replace_all(cell, "\"", "\"\"") + "\"";
}

char csv_delimiter(std::string_view setting) {
  if (setting == ",") return ',';
  if (setting == "tab") return '\t';
  return ';';
}

std::string csv_amount(std::int64_t centavos, char delimiter) {
  std::string text = core::centavos_to_input(centavos);  // "12345.50" / "8500"
  if (delimiter != ',') {
    auto point = text.find('.');
    if (point != std::string::npos) text[point] = ',';
  }
  return text;
}

std::int64_t write_export(db::Database& database, ExportKind kind, const std::string& from_utc,
                          const std::string& to_utc, std::ostream& out, char delimiter) {
  out << kBom;
  std::int64_t rows = 0;
  auto header = [&](std::initializer_list<const char*> names) { write_header(out, delimiter, names); };
  auto row = [&](const std::vector<Cell>& cells) { write_row(out, delimiter, cells); };
  auto amount = [&](const std::string& centavos) { return Cell{money(centavos, delimiter), false}; };
  switch (kind) {
    case ExportKind::kOrders:
      header({"Pedido", "Fecha", "Estado", "Cliente", "Teléfono", "Email", "Retira", "Teléfono retira",
              "Método de pago", "Unidades", "Total", "Notas"});
      rows = stream_rows<12>(
          database,
          "SELECT o.id, o.created_at, o.status, COALESCE(NULLIF(o.pickup_name, ''), u.name), o.pickup_phone, u.email, "
          "o.pickup_delegate_name, o.pickup_delegate_phone, o.payment_method, "
          "(SELECT COALESCE(SUM(i.quantity), 0) FROM order_items i WHERE i.order_id = o.id), o.total, o.notes "
          "FROM orders o LEFT JOIN users u ON u.id = o.user_id" +
              range_clause("o.created_at", from_utc, to_utc) + " ORDER BY o.created_at, o.id",
          from_utc, to_utc, [&](const auto& c) {
            row({{c[0], false}, {local_time(c[1])}, {order_status_label(c[2])}, {c[3]}, {core::phone::display(c[4])},
                 {c[5]}, {c[6]}, {core::phone::display(c[7])}, {payments::order_payment_label(c[8])}, {c[9], false},
                 amount(c[10]), {c[11]}});
          });
      break;
    case ExportKind::kRepairs:
      header({"ID", "Código", "Recibido", "Estado", "Cliente", "Teléfono", "Equipo", "Falla", "Diagnóstico",
              "Precio final", "Pagado", "Método de pago", "Entregado", "Garantía (días)", "Notas"});
      rows = stream_rows<16>(
          database,
          "SELECT id, code, COALESCE(received_at, created_at), status, customer_name, customer_phone, device_brand, "
          "device_model, issue_reported, diagnosis, final_price, paid_amount, payment_method, delivered_at, "
          "warranty_days, notes FROM repairs" +
              range_clause("created_at", from_utc, to_utc) + " ORDER BY created_at, id",
          from_utc, to_utc, [&](const auto& c) {
            row({{c[0], false}, {c[1]}, {local_time(c[2])}, {repair_status_label(c[3])}, {c[4]},
                 {core::phone::display(c[5])}, {core::trim(c[6] + " " + c[7])}, {c[8]}, {c[9]}, amount(c[10]),
                 amount(c[11]), {payments::repair_payment_label(c[12])}, {local_time(c[13])}, {c[14], false},
                 {c[15]}});
          });
      break;
    case ExportKind::kProducts:
      header({"ID", "Nombre", "Slug", "Categoría", "Marca", "Calidad", "Precio", "Stock", "Activo", "Destacado",
              "Creado"});
      rows = stream_rows<11>(
          database,
          "SELECT p.id, p.name, p.slug, c.name, p.brand, p.quality, p.price, p.stock, p.active, p.featured, "
          "p.created_at FROM products p LEFT JOIN categories c ON c.id = p.category_id" +
              range_clause("p.created_at", from_utc, to_utc) + " ORDER BY p.id",
          from_utc, to_utc, [&](const auto& c) {
            row({{c[0], false}, {c[1]}, {c[2]}, {c[3]}, {c[4]}, {c[5]}, amount(c[6]), {c[7], false},
                 {yes_no(c[8])}, {yes_no(c[9])}, {local_time(c[10])}});
          });
      break;
  }
  out.flush();
  if (!out) throw std::runtime_error("could not write the CSV export");
  return rows;
}

}  // namespace insights
