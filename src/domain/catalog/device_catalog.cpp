// Device catalog reads and writes (see device_catalog.hpp for the rules). One description per kind (table,
// parent column, slug fallback, wording) drives the same SQL for all six tables.
#include "domain/catalog/device_catalog.hpp"

#include <stdexcept>

#include "core/clock.hpp"
#include "core/crypto.hpp"
#include "core/strings.hpp"
#include "db/database.hpp"
#include "db/unit_of_work.hpp"

namespace catalog {

namespace {

struct KindInfo {
  const char* table;
  const char* parent_column;   // nullptr for top-level kinds
  const char* parent_table;    // the table parent_column points at
  const char* slug_fallback;   // nullptr: random 8 characters (device types, as the reference)
  const char* duplicate;       // message for a duplicate name
};

const KindInfo& info(CatalogKind kind) {
  static const KindInfo kTypes{"device_types", nullptr, nullptr, nullptr, "Ya existe un tipo de dispositivo con ese nombre."};
  static const KindInfo kBrands{"device_brands", "device_type_id", "device_types", "marca",
                                "Ya existe una marca con ese nombre para este tipo."};
  static const KindInfo kGroups{"device_model_groups", "device_brand_id", "device_brands", "grupo",
                                "Ya existe un grupo con ese nombre para esta marca."};
  static const KindInfo kModels{"device_models", "device_brand_id", "device_brands", "modelo",
                                "Ya existe un modelo con ese nombre para esta marca."};
  static const KindInfo kIssues{"device_issue_types", "device_type_id", "device_types", "issue",
                                "Ya existe una falla con ese nombre para este tipo."};
  static const KindInfo kRepairTypes{"repair_types", nullptr, nullptr, "reparacion",
                                     "Ya existe un tipo de reparación con ese nombre."};
  switch (kind) {
    case CatalogKind::kDeviceType: return kTypes;
    case CatalogKind::kBrand: return kBrands;
    case CatalogKind::kModelGroup: return kGroups;
    case CatalogKind::kModel: return kModels;
    case CatalogKind::kIssueType: return kIssues;
    case CatalogKind::kRepairType: return kRepairTypes;
  }
  throw std::logic_error("unknown catalog kind");
}

std::string select_columns(CatalogKind kind) {
  const auto& k = info(kind);
  std::string parent = k.parent_column ? std::string("t.") + k.parent_column : std::string("0");
  std::string group = kind == CatalogKind::kModel ? "t.device_model_group_id" : "NULL";
  std::string group_name = kind == CatalogKind::kModel ? "g.name" : "NULL";
  std::string from = std::string(" FROM ") + k.table + " t";
  if (kind == CatalogKind::kModel) from += " LEFT JOIN device_model_groups g ON g.id = t.device_model_group_id";
  return "SELECT t.id, " + parent + ", t.name, t.slug, t.active, " + group + ", " + group_name + from;
}

// Runs a SELECT built by select_columns(kind) + `where`. Callers put only integers (ids) into `where`, formatted
// with std::to_string, so no user text ever reaches the SQL string.
std::vector<CatalogItem> fetch(soci::session& sql, CatalogKind kind, const std::string& where) {
  long long id = 0, parent = 0, group = 0;
  std::string name, slug, group_name;
  int active = 0;
  soci::indicator group_ind = soci::i_null, group_name_ind = soci::i_null;
  soci::statement statement = (sql.prepare << select_columns(kind) + " " + where, soci::into(id), soci::into(parent),
                               soci::into(name), soci::into(slug), soci::into(active), soci::into(group, group_ind),
                               soci::into(group_name, group_name_ind));
  statement.execute();
  std::vector<CatalogItem> items;
  while (statement.fetch()) {
    CatalogItem item;
    item.id = id;
    item.parent_id = parent;
    item.name = name;
    item.slug = slug;
    item.active = active != 0;
    if (group_ind == soci::i_ok) item.group_id = group;
    item.group_name = group_name_ind == soci::i_ok ? group_name : "";
    items.push_back(std::move(item));
  }
  return items;
}

std::optional<CatalogItem> find_on(soci::session& sql, CatalogKind kind, std::int64_t id) {
  auto found = fetch(sql, kind, "WHERE t.id = " + std::to_string(id));
  if (found.empty()) return std::nullopt;
  return found.front();
}

// Siblings under the same parent (every row for top-level kinds).
std::vector<CatalogItem> siblings(soci::session& sql, CatalogKind kind, std::int64_t parent_id) {
  const auto& k = info(kind);
  if (!k.parent_column) return fetch(sql, kind, "");
  return fetch(sql, kind, std::string("WHERE t.") + k.parent_column + " = " + std::to_string(parent_id));
}

// The sibling whose name collides with `name`, if any (`except_id` is the row being renamed).
std::optional<CatalogItem> duplicate_of(soci::session& sql, CatalogKind kind, std::int64_t parent_id,
                                        std::string_view name, std::int64_t except_id) {
  std::string key = name_key(name);
  for (auto& sibling : siblings(sql, kind, parent_id)) {
    if (sibling.id != except_id && name_key(sibling.name) == key) return sibling;
  }
  return std::nullopt;
}

bool slug_taken(soci::session& sql, CatalogKind kind, std::int64_t parent_id, const std::string& slug) {
  const auto& k = info(kind);
  int count = 0;
  long long parent = parent_id;
  std::string query = std::string("SELECT COUNT(*) FROM ") + k.table + " WHERE slug = :s";
  if (k.parent_column) {
    query += std::string(" AND ") + k.parent_column + " = :p";
    sql << query, soci::use(slug), soci::use(parent), soci::into(count);
  } else {
    sql << query, soci::use(slug), soci::into(count);
  }
  return count > 0;
}

std::string unique_slug(soci::session& sql, CatalogKind kind, std::int64_t parent_id, std::string_view name) {
  const auto& k = info(kind);
  std::string base = core::slugify(name);
  if (base.empty()) {
    if (!k.slug_fallback) base = core::to_lower(core::random_token(8));
    else if (kind == CatalogKind::kIssueType) base = "issue-" + std::to_string(core::unix_now());
    else base = k.slug_fallback;
  }
  if (base.size() > 200) base = base.substr(0, 200);
  std::string candidate = base;
  for (int suffix = 2; slug_taken(sql, kind, parent_id, candidate); ++suffix) candidate = base + "-" + std::to_string(suffix);
  return candidate;
}

// Required / length checks shared by create and update; the trimmed name goes to `clean`.
bool check_name(std::string_view name, std::size_t max_length, std::string& clean, core::FieldErrors& errors) {
  clean = core::trim(name);
  if (clean.empty()) {
    errors.add("name", "Ingresá un nombre.");
    return false;
  }
  if (core::exceeds_length(clean, max_length)) {
    errors.add("name", "El nombre no puede superar los " + std::to_string(max_length) + " caracteres.");
    return false;
  }
  return true;
}

}  // namespace

std::string name_key(std::string_view name) {
  std::string key = core::slugify(name);
  return key.empty() ? core::to_lower(core::trim(name)) : key;
}

std::string duplicate_message(CatalogKind kind, bool existing_is_active) {
  std::string message = info(kind).duplicate;
  if (!existing_is_active) {
    message.pop_back();  // the final '.'
    message += " (está inactivo: activalo en lugar de crear otro).";
  }
  return message;
}

std::optional<CatalogItem> find_item(db::Database& database, CatalogKind kind, std::int64_t id) {
  if (id <= 0) return std::nullopt;
  auto sql = database.lease();
  return find_on(*sql, kind, id);
}

std::vector<CatalogItem> list_items(db::Database& database, CatalogKind kind, std::int64_t parent_id,
                                    bool active_only, std::optional<std::int64_t> keep_id) {
  const auto& k = info(kind);
  auto sql = database.lease();
  std::string where;
  if (k.parent_column && parent_id > 0) where = std::string("WHERE t.") + k.parent_column + " = " + std::to_string(parent_id);
  if (active_only) {
    where += where.empty() ? "WHERE " : " AND ";
    where += "(t.active = 1 OR t.id = " + std::to_string(keep_id.value_or(0)) + ")";
  }
  return fetch(*sql, kind, where + " ORDER BY t.name, t.id");
}

SaveResult create_item(db::Database& database, CatalogKind kind, std::int64_t parent_id, std::string_view name,
                       bool active, std::size_t max_length) {
  SaveResult result;
  std::string clean;
  if (!check_name(name, max_length, clean, result.errors)) return result;
  const auto& k = info(kind);
  // A few units of work: two admins adding the same name at once end with the unique index stopping the second
  // one (reported as the duplicate it is), and two different names racing for the same fallback slug simply go
  // again in a fresh transaction with a fresh look at the table (a failed statement ends a PostgreSQL transaction,
  // so the retry cannot stay inside one). Deadlocks are rerun by db::write itself.
  constexpr int kAttempts = 4;
  for (int attempt = 1;; ++attempt) {
    try {
      return db::write(database, [&](db::Tx& tx) {
        SaveResult saved;
        soci::session* sql = &tx.sql();
        // MariaDB/PostgreSQL: siblings are created one at a time per parent (SQLite's BEGIN IMMEDIATE serialises).
        if (k.parent_column && db::locks_rows(tx.dialect())) {
          long long locked = 0;
          long long parent = parent_id;
          *sql << std::string("SELECT id FROM ") + k.parent_table + " WHERE id = :p FOR UPDATE", soci::use(parent),
              soci::into(locked);
        }
        if (auto existing = duplicate_of(*sql, kind, parent_id, clean, 0)) {
          saved.errors.add("name", duplicate_message(kind, existing->active));
          saved.existing = existing;
          return saved;
        }
        std::string slug = unique_slug(*sql, kind, parent_id, clean);
        std::string now = core::utc_now_sql();
        int active_flag = active ? 1 : 0;
        long long parent = parent_id;
        if (k.parent_column) {
          *sql << std::string("INSERT INTO ") + k.table + " (" + k.parent_column +
                      ", name, slug, active, created_at, updated_at) VALUES (:p, :n, :s, :a, :c, :u)",
              soci::use(parent), soci::use(clean), soci::use(slug), soci::use(active_flag), soci::use(now),
              soci::use(now);
        } else {
          *sql << std::string("INSERT INTO ") + k.table +
                      " (name, slug, active, created_at, updated_at) VALUES (:n, :s, :a, :c, :u)",
              soci::use(clean), soci::use(slug), soci::use(active_flag), soci::use(now), soci::use(now);
        }
        saved.item = find_on(*sql, kind, tx.last_insert_id(k.table));
        return saved;
      });
    } catch (const soci::soci_error&) {
      auto existing =
          db::read(database, [&](soci::session& sql) { return duplicate_of(sql, kind, parent_id, clean, 0); });
      if (existing) {
        result.errors.add("name", duplicate_message(kind, existing->active));
        result.existing = existing;
        return result;
      }
      if (attempt == kAttempts) throw;
    }
  }
}

SaveResult update_item(db::Database& database, CatalogKind kind, std::int64_t id, std::string_view name,
                       std::optional<bool> active, std::size_t max_length) {
  SaveResult result;
  std::string clean;
  bool valid_name = check_name(name, max_length, clean, result.errors);
  const auto& k = info(kind);
  std::optional<CatalogItem> current;
  try {
    return db::write(database, [&](db::Tx& tx) {
      SaveResult saved;
      soci::session* sql = &tx.sql();
      current = find_on(*sql, kind, id);
      if (!current) return saved;
      if (!valid_name) return result;
      if (auto existing = duplicate_of(*sql, kind, current->parent_id, clean, id)) {
        saved.errors.add("name", duplicate_message(kind, existing->active));
        saved.existing = existing;
        return saved;
      }
      std::string now = core::utc_now_sql();
      int active_flag = active.value_or(current->active) ? 1 : 0;
      long long key = id;
      *sql << std::string("UPDATE ") + k.table + " SET name = :n, active = :a, updated_at = :u WHERE id = :id",
          soci::use(clean), soci::use(active_flag), soci::use(now), soci::use(key);
      saved.item = find_on(*sql, kind, id);
      return saved;
    });
  } catch (const soci::soci_error&) {
    // The unique index stopped a rename racing with another admin's: report the duplicate it is.
    auto existing =
        current ? db::read(database,
                           [&](soci::session& sql) { return duplicate_of(sql, kind, current->parent_id, clean, id); })
                : std::nullopt;
    if (!existing) throw;
    result.errors.add("name", duplicate_message(kind, existing->active));
    result.existing = existing;
    return result;
  }
}

std::optional<CatalogItem> toggle_item(db::Tx& tx, CatalogKind kind, std::int64_t id) {
  std::string now = core::utc_now_sql();
  long long key = id;
  // One statement, so two clicks at once flip twice instead of racing on a read value.
  tx.sql() << std::string("UPDATE ") + info(kind).table +
                  " SET active = CASE WHEN active = 1 THEN 0 ELSE 1 END, updated_at = :u WHERE id = :id",
      soci::use(now), soci::use(key);
  return find_on(tx.sql(), kind, id);
}

AssignOutcome assign_model_group(db::Tx& tx, std::int64_t model_id, std::optional<std::int64_t> group_id) {
  soci::session* sql = &tx.sql();
  auto model = find_on(*sql, CatalogKind::kModel, model_id);
  if (!model) return AssignOutcome::kModelNotFound;
  std::string now = core::utc_now_sql();
  long long model_key = model_id;
  if (!group_id) {
    *sql << "UPDATE device_models SET device_model_group_id = NULL, updated_at = :u WHERE id = :id", soci::use(now),
        soci::use(model_key);
    return AssignOutcome::kAssigned;
  }
  auto group = find_on(*sql, CatalogKind::kModelGroup, *group_id);
  if (!group) return AssignOutcome::kGroupNotFound;
  if (group->parent_id != model->parent_id) return AssignOutcome::kGroupOfOtherBrand;
  long long group_key = *group_id;
  *sql << "UPDATE device_models SET device_model_group_id = :g, updated_at = :u WHERE id = :id", soci::use(group_key),
      soci::use(now), soci::use(model_key);
  return AssignOutcome::kAssigned;
}

}  // namespace catalog
