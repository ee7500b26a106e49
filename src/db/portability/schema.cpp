// Table filtering and dependency ordering for the portable export (see schema.hpp).
#include "db/portability/schema.hpp"

#include <algorithm>
#include <map>
#include <set>

namespace db::portability {

const Column* Table::column(std::string_view column_name) const {
  for (const auto& candidate : columns)
    if (candidate.name == column_name) return &candidate;
  return nullptr;
}

const Table* Schema::table(std::string_view table_name) const {
  for (const auto& candidate : tables)
    if (candidate.name == table_name) return &candidate;
  return nullptr;
}

const std::vector<std::string>& excluded_tables() {
  // Sessions, cache and queue rows are transient (a move between engines logs everyone out and starts with an
  // empty cache and queue); `migrations` is the schema itself, recreated by `nico migrate` on the target;
  // `catalog_versions` and `repair_status_counts` are kept by triggers (the import's own writes rebuild them);
  // `maintenance_mode` is the live `nico down` flag of the deployment, not data.
  static const std::vector<std::string> kExcluded = {"sessions",    "cache",      "cache_locks", "jobs",
                                                     "job_batches", "failed_jobs", "migrations", "catalog_versions",
                                                     "maintenance_mode", "repair_status_counts"};
  return kExcluded;
}

bool is_excluded_table(std::string_view table_name) {
  if (table_name.rfind("sqlite_", 0) == 0) return true;  // SQLite's own bookkeeping (sqlite_sequence, sqlite_stat1)
  const auto& excluded = excluded_tables();
  return std::find(excluded.begin(), excluded.end(), table_name) != excluded.end();
}

std::vector<Table> order_by_dependencies(std::vector<Table> tables) {
  std::sort(tables.begin(), tables.end(), [](const Table& a, const Table& b) { return a.name < b.name; });
  std::set<std::string> known;
  for (const auto& table : tables) known.insert(table.name);

  // Remaining parents per table, counting only parents that are themselves exported (an excluded or missing
  // parent cannot be waited for).
  std::map<std::string, std::set<std::string>> waiting;
  for (const auto& table : tables) {
    auto& parents = waiting[table.name];
    for (const auto& parent : table.parents)
      if (parent != table.name && known.count(parent)) parents.insert(parent);
  }

  std::vector<Table> ordered;
  std::vector<bool> placed(tables.size(), false);
  bool progress = true;
  while (progress) {
    progress = false;
    for (std::size_t i = 0; i < tables.size(); ++i) {
      if (placed[i] || !waiting[tables[i].name].empty()) continue;
      placed[i] = true;
      progress = true;
      ordered.push_back(tables[i]);
      for (auto& [name, parents] : waiting) parents.erase(tables[i].name);
      break;  // restart from the first name so ties always resolve alphabetically
    }
  }
  for (std::size_t i = 0; i < tables.size(); ++i)
    if (!placed[i]) ordered.push_back(tables[i]);
  return ordered;
}

}  // namespace db::portability
