// Category administration (see categories.hpp).
#include "domain/inventory/categories.hpp"

#include "core/clock.hpp"
#include "core/strings.hpp"
#include "db/database.hpp"
#include "db/unit_of_work.hpp"
#include "domain/inventory/catalog_version.hpp"
#include "domain/inventory/slugs.hpp"
#include "db/row_values.hpp"

namespace inventory {

using db::row_int;
using db::row_str;

namespace {

constexpr const char* kSelectCategories =
    "SELECT c.id, c.name, c.slug, c.description, c.icon, c.active, "
    "(SELECT COUNT(*) FROM products p WHERE p.category_id = c.id) FROM categories c ";

Category category_from(const soci::row& row) {
  return Category{row_int(row, 0), row_str(row, 1), row_str(row, 2), row_str(row, 3),
                  row_str(row, 4), row_int(row, 5) != 0, row_int(row, 6)};
}

core::FieldErrors validate(const CategoryInput& input) {
  core::FieldErrors errors;
  if (core::trim(input.name).empty()) errors.add("name", "El nombre es obligatorio.");
  else if (core::exceeds_length(core::trim(input.name), 255)) errors.add("name", "El nombre no puede superar 255 caracteres.");
  if (core::exceeds_length(input.slug, 255)) errors.add("slug", "El slug no puede superar 255 caracteres.");
  if (core::exceeds_length(input.description, 255))
    errors.add("description", "La descripción no puede superar 255 caracteres.");
  if (core::exceeds_length(core::trim(input.icon), 50)) errors.add("icon", "El icono no puede superar 50 caracteres.");
  return errors;
}

// NULL for blank optional text, like the reference's nullable columns.
soci::indicator null_if_blank(const std::string& value) { return value.empty() ? soci::i_null : soci::i_ok; }

}  // namespace

std::vector<Category> list_categories(db::Database& database) {
  auto sql = database.lease();
  std::vector<Category> result;
  soci::rowset<soci::row> rows = (sql->prepare << std::string(kSelectCategories) + "ORDER BY c.name, c.id");
  for (const auto& row : rows) result.push_back(category_from(row));
  return result;
}

std::optional<Category> find_category(db::Database& database, long long id) {
  auto sql = database.lease();
  soci::rowset<soci::row> rows = (sql->prepare << std::string(kSelectCategories) + "WHERE c.id = :id", soci::use(id));
  for (const auto& row : rows) return category_from(row);
  return std::nullopt;
}

SaveResult create_category(db::Tx& tx, const CategoryInput& input) {
  SaveResult result;
  result.errors = validate(input);
  if (!result.errors.empty()) return result;
  soci::session* sql = &tx.sql();
  std::string name = core::trim(input.name);
  auto slug = choose_slug(*sql, SlugTable::kCategories, input.slug, name, 0);
  if (!slug.error.empty()) {
    result.errors.add("slug", slug.error);
    return result;
  }
  std::string description = core::trim(input.description), icon = core::trim(input.icon), now = core::utc_now_sql();
  soci::indicator description_ind = null_if_blank(description), icon_ind = null_if_blank(icon);
  *sql << "INSERT INTO categories (name, slug, active, description, icon, created_at, updated_at) "
          "VALUES (:name, :slug, 1, :description, :icon, :c, :u)",
      soci::use(name), soci::use(slug.slug), soci::use(description, description_ind),
      soci::use(icon, icon_ind), soci::use(now), soci::use(now);
  result.id = tx.last_insert_id("categories");
  bump_catalog_version_after_commit(*sql);
  return result;
}

SaveResult update_category(db::Tx& tx, long long id, const CategoryInput& input) {
  SaveResult result;
  result.errors = validate(input);
  if (!result.errors.empty()) return result;
  soci::session* sql = &tx.sql();
  long long exists = 0;
  *sql << "SELECT COUNT(*) FROM categories WHERE id = :id", soci::use(id), soci::into(exists);
  if (exists == 0) return result;
  std::string name = core::trim(input.name);
  auto slug = choose_slug(*sql, SlugTable::kCategories, input.slug, name, id);
  if (!slug.error.empty()) {
    result.errors.add("slug", slug.error);
    return result;
  }
  std::string description = core::trim(input.description), icon = core::trim(input.icon), now = core::utc_now_sql();
  soci::indicator description_ind = null_if_blank(description), icon_ind = null_if_blank(icon);
  *sql << "UPDATE categories SET name = :name, slug = :slug, description = :description, icon = :icon, "
          "updated_at = :u WHERE id = :id",
      soci::use(name), soci::use(slug.slug), soci::use(description, description_ind), soci::use(icon, icon_ind),
      soci::use(now), soci::use(id);
  bump_catalog_version_after_commit(*sql);
  result.id = id;
  return result;
}

Deletion delete_category(db::Tx& tx, long long id) {
  Deletion deletion;
  soci::session* sql = &tx.sql();
  long long exists = 0;
  *sql << "SELECT COUNT(*) FROM categories WHERE id = :id", soci::use(id), soci::into(exists);
  if (exists == 0) return deletion;
  long long sold = 0;
  *sql << "SELECT COUNT(*) FROM order_items oi JOIN products p ON p.id = oi.product_id WHERE p.category_id = :id",
      soci::use(id), soci::into(sold);
  if (sold > 0) {
    deletion.outcome = DeleteOutcome::kHasOrders;
    return deletion;
  }
  soci::rowset<soci::row> images =
      (sql->prepare << "SELECT image_path FROM products WHERE category_id = :id AND image_path IS NOT NULL", soci::use(id));
  for (const auto& row : images) deletion.image_paths.push_back(row_str(row, 0));
  // Explicit, rather than relying on ON DELETE CASCADE being enforced by every connection.
  *sql << "DELETE FROM products WHERE category_id = :id", soci::use(id);
  *sql << "DELETE FROM categories WHERE id = :id", soci::use(id);
  bump_catalog_version_after_commit(*sql);
  deletion.outcome = DeleteOutcome::kDeleted;
  return deletion;
}

std::optional<bool> toggle_category_active(db::Tx& tx, long long id) {
  soci::session* sql = &tx.sql();
  long long active = 0;
  soci::indicator found = soci::i_null;
  *sql << "SELECT active FROM categories WHERE id = :id", soci::use(id), soci::into(active, found);
  if (!sql->got_data() || found != soci::i_ok) return std::nullopt;
  long long next = active ? 0 : 1;
  std::string now = core::utc_now_sql();
  *sql << "UPDATE categories SET active = :a, updated_at = :u WHERE id = :id", soci::use(next), soci::use(now),
      soci::use(id);
  bump_catalog_version_after_commit(*sql);
  return next == 1;
}

}  // namespace inventory
