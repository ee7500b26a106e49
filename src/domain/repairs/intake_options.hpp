// The choices the intake and edit forms offer without JavaScript: device types, brands, models and issue types
// (each with its parent, so the page can group them and the script can filter them), and repair types.
// Create offers only active items; edit also keeps the items the repair already uses (docs/domain/repairs.md).
// Blocking (SQL): worker threads only.
#pragma once

#include <optional>
#include <string>
#include <vector>

namespace db {
class Database;
}

namespace repairs {

struct CatalogOption {
  long long id = 0;
  long long parent_id = 0;   // type of a brand/issue, brand of a model; 0 for types and repair types
  std::string name;
  std::string parent_name;   // for <optgroup> labels
  bool active = true;
};

struct IntakeOptions {
  std::vector<CatalogOption> types, brands, models, issues, repair_types;
};

// Active items ordered by parent name then name; `keep_*` ids are included even when inactive.
IntakeOptions load_intake_options(db::Database& database, std::optional<long long> keep_type = std::nullopt,
                                  std::optional<long long> keep_brand = std::nullopt,
                                  std::optional<long long> keep_model = std::nullopt,
                                  std::optional<long long> keep_issue = std::nullopt);

}  // namespace repairs
