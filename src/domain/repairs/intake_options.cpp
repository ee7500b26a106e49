// Catalog choices for the repair forms (see intake_options.hpp).
#include "domain/repairs/intake_options.hpp"

#include "db/database.hpp"

namespace repairs {

namespace {
std::vector<CatalogOption> load(soci::session& sql, const std::string& query, long long keep) {
  std::vector<CatalogOption> options;
  CatalogOption row;
  int active = 0;
  soci::statement statement = (sql.prepare << query, soci::use(keep), soci::into(row.id), soci::into(row.parent_id),
                               soci::into(row.name), soci::into(row.parent_name), soci::into(active));
  statement.execute();
  while (statement.fetch()) {
    row.active = active != 0;
    options.push_back(row);
  }
  return options;
}
}  // namespace

IntakeOptions load_intake_options(db::Database& database, std::optional<long long> keep_type,
                                  std::optional<long long> keep_brand, std::optional<long long> keep_model,
                                  std::optional<long long> keep_issue) {
  auto sql = database.lease();
  IntakeOptions options;
  options.types = load(*sql,
                       "SELECT id, 0, name, '', active FROM device_types WHERE active = 1 OR id = :keep ORDER BY name",
                       keep_type.value_or(0));
  options.brands = load(*sql,
                        "SELECT b.id, b.device_type_id, b.name, t.name, b.active FROM device_brands b JOIN device_types t "
                        "ON t.id = b.device_type_id WHERE (b.active = 1 AND t.active = 1) OR b.id = :keep "
                        "ORDER BY t.name, b.name",
                        keep_brand.value_or(0));
  options.models = load(*sql,
                        "SELECT m.id, m.device_brand_id, m.name, b.name, m.active FROM device_models m JOIN device_brands b "
                        "ON b.id = m.device_brand_id WHERE (m.active = 1 AND b.active = 1) OR m.id = :keep "
                        "ORDER BY b.name, b.id, m.name",
                        keep_model.value_or(0));
  options.issues = load(*sql,
                        "SELECT i.id, i.device_type_id, i.name, t.name, i.active FROM device_issue_types i JOIN "
                        "device_types t ON t.id = i.device_type_id WHERE (i.active = 1 AND t.active = 1) OR i.id = :keep "
                        "ORDER BY t.name, i.name",
                        keep_issue.value_or(0));
  options.repair_types =
      load(*sql, "SELECT id, 0, name, '', active FROM repair_types WHERE active = 1 OR id = :keep ORDER BY name", 0);
  return options;
}

}  // namespace repairs
