// Reading incident rows and binding their parameters (see incident_rows.hpp). Every column is read as text with
// its indicator, which SQLite, MariaDB and PostgreSQL all give the same way (numbers and timestamps included).
#include "domain/warranty/incident_rows.hpp"

#include <array>

#include "core/strings.hpp"

namespace warranty {

namespace {

constexpr std::size_t kColumns = 23;

long long number_of(const std::string& text) { return text.empty() ? 0 : std::stoll(text); }

}  // namespace

std::string Params::text(std::string value) {
  texts_.push_back(std::move(value));
  order_.emplace_back(true, texts_.size() - 1);
  return ":p" + std::to_string(next_++);
}

std::string Params::number(long long value) {
  numbers_.push_back(value);
  order_.emplace_back(false, numbers_.size() - 1);
  return ":p" + std::to_string(next_++);
}

void Params::bind(soci::statement& statement) {
  for (const auto& [is_text, index] : order_) {
    if (is_text) statement.exchange(soci::use(texts_[index]));
    else statement.exchange(soci::use(numbers_[index]));
  }
}

void for_each_incident(soci::session& sql, const std::string& query, Params& params,
                       const std::function<void(Incident&&)>& row) {
  std::array<std::string, kColumns> v;
  std::array<soci::indicator, kColumns> ind{};
  soci::statement statement(sql);
  for (std::size_t i = 0; i < kColumns; ++i) statement.exchange(soci::into(v[i], ind[i]));
  params.bind(statement);
  statement.alloc();
  statement.prepare(query);
  statement.define_and_bind();
  statement.execute(false);
  auto text = [&](std::size_t i) { return ind[i] == soci::i_null ? std::string() : v[i]; };
  auto optional_id = [&](std::size_t i) -> std::optional<long long> {
    if (ind[i] == soci::i_null || v[i].empty()) return std::nullopt;
    return std::stoll(v[i]);
  };
  while (statement.fetch()) {
    Incident incident;
    incident.id = number_of(text(0));
    incident.source_type = parse_source_type(text(1)).value_or(SourceType::kRepair);
    incident.repair_id = optional_id(2);
    incident.product_id = optional_id(3);
    incident.counter_sale_id = optional_id(4);
    incident.source_label = text(5);
    incident.reason = text(6);
    incident.supplier_id = optional_id(7);
    incident.supplier_text = text(9);
    incident.supplier = !text(8).empty() ? text(8) : incident.supplier_text;
    incident.quantity = number_of(text(10));
    incident.unit_cost = number_of(text(11));
    incident.extra_cost = number_of(text(12));
    incident.recovered_amount = number_of(text(13));
    incident.loss = number_of(text(14));
    incident.open = text(15) != "closed";
    incident.notes = text(16);
    incident.created_by = core::trim(text(17) + " " + text(18));
    incident.created_at = text(19).substr(0, 19);
    incident.updated_at = text(20).substr(0, 19);
    incident.closed_at = text(21).substr(0, 19);
    incident.repair_code = text(22);
    row(std::move(incident));
  }
}

IncidentBinds::IncidentBinds(std::optional<long long> repair_id, std::optional<long long> product_id,
                             std::optional<long long> sale_id, std::optional<long long> supplier_id,
                             const std::string& supplier_text, const std::string& notes) {
  if (repair_id) repair = *repair_id, repair_null = soci::i_ok;
  if (product_id) product = *product_id, product_null = soci::i_ok;
  if (sale_id) sale = *sale_id, sale_null = soci::i_ok;
  if (supplier_id) supplier = *supplier_id, supplier_null = soci::i_ok;
  supplier_text_null = supplier_text.empty() ? soci::i_null : soci::i_ok;
  notes_null = notes.empty() ? soci::i_null : soci::i_ok;
}

}  // namespace warranty
