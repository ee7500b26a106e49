// Product administration (see products.hpp).
#include "domain/inventory/products.hpp"

#include <algorithm>

#include "core/clock.hpp"
#include "core/money.hpp"
#include "core/parse.hpp"
#include "core/strings.hpp"
#include "db/database.hpp"
#include "db/unit_of_work.hpp"
#include "domain/inventory/slugs.hpp"
#include "db/row_values.hpp"

namespace inventory {

using db::row_int;
using db::row_str;

namespace {

constexpr const char* kSelectProducts =
    "SELECT p.id, p.category_id, c.name, p.name, p.slug, p.price, p.stock, p.description, p.image_path, p.image, "
    "p.featured, p.active FROM products p LEFT JOIN categories c ON c.id = p.category_id ";

Product product_from(const soci::row& row) {
  Product product;
  product.id = row_int(row, 0);
  product.category_id = row_int(row, 1);
  product.category_name = row_str(row, 2);
  product.name = row_str(row, 3);
  product.slug = row_str(row, 4);
  product.price = row_int(row, 5);
  product.stock = row_int(row, 6);
  product.description = row_str(row, 7);
  product.image_path = row_str(row, 8);
  product.legacy_image = row_str(row, 9);
  product.featured = row_int(row, 10) != 0;
  product.active = row_int(row, 11) != 0;
  return product;
}

// Stock and price limits keep values inside INT / BIGINT columns on every database.
constexpr long long kMaxStock = 1000000000;

struct ValidProduct {
  std::string name, description;
  long long category_id = 0, price = 0, stock = 0;
};

core::FieldErrors validate(soci::session& sql, const ProductInput& input, ValidProduct& out) {
  core::FieldErrors errors;
  out.name = core::trim(input.name);
  if (out.name.empty()) errors.add("name", "El nombre es obligatorio.");
  else if (core::exceeds_length(out.name, 120)) errors.add("name", "El nombre no puede superar 120 caracteres.");
  if (core::exceeds_length(input.slug, 255)) errors.add("slug", "El slug no puede superar 255 caracteres.");
  auto category = core::parse_id(input.category_id);
  long long category_exists = 0;
  if (category) sql << "SELECT COUNT(*) FROM categories WHERE id = :id", soci::use(*category), soci::into(category_exists);
  if (!category || category_exists == 0) errors.add("category_id", "Elegí una categoría válida.");
  else out.category_id = *category;
  auto price = core::parse_ars(core::trim(input.price));
  if (core::trim(input.price).empty()) errors.add("price", "El precio es obligatorio.");
  else if (!price) errors.add("price", "El precio debe ser un número mayor o igual a 0 (por ejemplo 12345 o 12.345,50).");
  else out.price = *price;
  auto stock = parse_stock(input.stock);
  if (core::trim(input.stock).empty()) errors.add("stock", "El stock es obligatorio.");
  else if (!stock) errors.add("stock", "El stock debe ser un número entero mayor o igual a 0.");
  else out.stock = *stock;
  out.description = core::trim(input.description);
  if (core::exceeds_length(out.description, 2000))
    errors.add("description", "La descripción no puede superar 2000 caracteres.");
  return errors;
}

std::optional<bool> toggle_flag(db::Tx& tx, long long id, const std::string& column) {
  soci::session* sql = &tx.sql();
  long long value = 0;
  soci::indicator found = soci::i_null;
  *sql << "SELECT " + column + " FROM products WHERE id = :id", soci::use(id), soci::into(value, found);
  if (!sql->got_data() || found != soci::i_ok) return std::nullopt;
  long long next = value ? 0 : 1;
  std::string now = core::utc_now_sql();
  *sql << "UPDATE products SET " + column + " = :v, updated_at = :u WHERE id = :id", soci::use(next), soci::use(now),
      soci::use(id);
  return next == 1;
}

}  // namespace

std::string Product::image_url() const {
  if (!image_path.empty()) return "/storage/" + image_path;
  if (!legacy_image.empty())
    return legacy_image.find('/') == std::string::npos ? "/storage/products/" + legacy_image : "/storage/" + legacy_image;
  return "";
}

std::optional<long long> parse_stock(const std::string& text) {
  std::string trimmed = core::trim(text);
  if (trimmed.empty() || trimmed.size() > 10 || core::digits_only(trimmed) != trimmed) return std::nullopt;
  long long value = std::stoll(trimmed);
  if (value > kMaxStock) return std::nullopt;
  return value;
}

ProductPage list_products(db::Database& database, const ProductFilters& filters, long long per_page) {
  std::string where = "WHERE 1 = 1";
  std::string like = "%" + core::trim(filters.q) + "%";
  bool has_q = !core::trim(filters.q).empty();
  const std::string ci = db::like_ci(database.dialect());
  if (has_q) where += " AND (p.name" + ci + ":q1 OR p.slug" + ci + ":q2)";
  if (filters.category_id > 0) where += " AND p.category_id = " + std::to_string(filters.category_id);
  if (filters.active == "1" || filters.active == "0") where += " AND p.active = " + filters.active;
  if (filters.featured == "1" || filters.featured == "0") where += " AND p.featured = " + filters.featured;
  if (filters.stock == "out") where += " AND p.stock <= 0";
  else if (filters.stock == "low") where += " AND p.stock BETWEEN 1 AND " + std::to_string(filters.low_stock_threshold);
  std::string order = filters.stock == "out" || filters.stock == "low" ? " ORDER BY p.stock ASC, p.id DESC" : " ORDER BY p.id DESC";

  auto sql = database.lease();
  ProductPage page;
  std::string count_query = "SELECT COUNT(*) FROM products p " + where;
  if (has_q) *sql << count_query, soci::use(like, "q1"), soci::use(like, "q2"), soci::into(page.total);
  else *sql << count_query, soci::into(page.total);
  page.pages = std::max<long long>(1, (page.total + per_page - 1) / per_page);
  page.page = std::clamp<long long>(filters.page, 1, page.pages);
  std::string query = std::string(kSelectProducts) + where + order + " LIMIT " + std::to_string(per_page) +
                      " OFFSET " + std::to_string((page.page - 1) * per_page);
  if (has_q) {
    soci::rowset<soci::row> rows = (sql->prepare << query, soci::use(like, "q1"), soci::use(like, "q2"));
    for (const auto& row : rows) page.items.push_back(product_from(row));
  } else {
    soci::rowset<soci::row> rows = (sql->prepare << query);
    for (const auto& row : rows) page.items.push_back(product_from(row));
  }
  return page;
}

std::optional<Product> find_product(db::Database& database, long long id) {
  auto sql = database.lease();
  soci::rowset<soci::row> rows = (sql->prepare << std::string(kSelectProducts) + "WHERE p.id = :id", soci::use(id));
  for (const auto& row : rows) return product_from(row);
  return std::nullopt;
}

core::FieldErrors check_product(db::Database& database, const ProductInput& input) {
  auto sql = database.lease();
  ValidProduct ignored;
  return validate(*sql, input, ignored);
}

ProductSave create_product(db::Tx& tx, const ProductInput& input, const std::string& image_path) {
  ProductSave result;
  soci::session* sql = &tx.sql();
  ValidProduct valid;
  result.errors = validate(*sql, input, valid);
  if (!result.errors.empty()) return result;
  auto slug = choose_slug(*sql, SlugTable::kProducts, input.slug, valid.name, 0);
  if (!slug.error.empty()) {
    result.errors.add("slug", slug.error);
    return result;
  }
  std::string now = core::utc_now_sql(), image = image_path;
  soci::indicator description_ind = valid.description.empty() ? soci::i_null : soci::i_ok;
  soci::indicator image_ind = image.empty() ? soci::i_null : soci::i_ok;
  *sql << "INSERT INTO products (category_id, name, slug, price, stock, description, image_path, featured, active, "
          "created_at, updated_at) VALUES (:category, :name, :slug, :price, :stock, :description, :image, 0, 1, :c, :u)",
      soci::use(valid.category_id), soci::use(valid.name), soci::use(slug.slug), soci::use(valid.price),
      soci::use(valid.stock), soci::use(valid.description, description_ind), soci::use(image, image_ind),
      soci::use(now), soci::use(now);
  result.id = tx.last_insert_id("products");
  return result;
}

ProductSave update_product(db::Tx& tx, long long id, const ProductInput& input, ImageChange image,
                           const std::string& new_image_path) {
  ProductSave result;
  soci::session* sql = &tx.sql();
  std::string current_image;
  soci::indicator current_ind = soci::i_null;
  long long found_id = 0;
  *sql << "SELECT id, image_path FROM products WHERE id = :id", soci::use(id), soci::into(found_id),
      soci::into(current_image, current_ind);
  if (!sql->got_data()) return result;
  if (current_ind != soci::i_ok) current_image.clear();
  ValidProduct valid;
  result.errors = validate(*sql, input, valid);
  if (!result.errors.empty()) return result;
  auto slug = choose_slug(*sql, SlugTable::kProducts, input.slug, valid.name, id);
  if (!slug.error.empty()) {
    result.errors.add("slug", slug.error);
    return result;
  }
  std::string stored_image = current_image;
  if (image == ImageChange::kRemove) stored_image.clear();
  if (image == ImageChange::kReplace) stored_image = new_image_path;
  if (stored_image != current_image) result.old_image = current_image;
  std::string now = core::utc_now_sql();
  soci::indicator description_ind = valid.description.empty() ? soci::i_null : soci::i_ok;
  soci::indicator image_ind = stored_image.empty() ? soci::i_null : soci::i_ok;
  *sql << "UPDATE products SET category_id = :category, name = :name, slug = :slug, price = :price, stock = :stock, "
          "description = :description, image_path = :image, updated_at = :u WHERE id = :id",
      soci::use(valid.category_id), soci::use(valid.name), soci::use(slug.slug), soci::use(valid.price),
      soci::use(valid.stock), soci::use(valid.description, description_ind), soci::use(stored_image, image_ind),
      soci::use(now), soci::use(id);
  result.id = id;
  return result;
}

Deletion delete_product(db::Tx& tx, long long id) {
  Deletion deletion;
  soci::session* sql = &tx.sql();
  std::string image;
  soci::indicator image_ind = soci::i_null;
  long long found_id = 0;
  *sql << "SELECT id, image_path FROM products WHERE id = :id", soci::use(id), soci::into(found_id),
      soci::into(image, image_ind);
  if (!sql->got_data()) return deletion;
  long long sold = 0;
  *sql << "SELECT COUNT(*) FROM order_items WHERE product_id = :id", soci::use(id), soci::into(sold);
  if (sold > 0) {
    deletion.outcome = DeleteOutcome::kHasOrders;
    return deletion;
  }
  *sql << "DELETE FROM products WHERE id = :id", soci::use(id);
  if (image_ind == soci::i_ok && !image.empty()) deletion.image_paths.push_back(image);
  deletion.outcome = DeleteOutcome::kDeleted;
  return deletion;
}

std::optional<bool> toggle_product_active(db::Tx& tx, long long id) { return toggle_flag(tx, id, "active"); }
std::optional<bool> toggle_product_featured(db::Tx& tx, long long id) { return toggle_flag(tx, id, "featured"); }

bool set_product_stock(db::Tx& tx, long long id, long long stock) {
  soci::session* sql = &tx.sql();
  long long exists = 0;
  *sql << "SELECT COUNT(*) FROM products WHERE id = :id", soci::use(id), soci::into(exists);
  if (exists == 0) return false;
  std::string now = core::utc_now_sql();
  *sql << "UPDATE products SET stock = :s, updated_at = :u WHERE id = :id", soci::use(stock), soci::use(now),
      soci::use(id);
  return true;
}

}  // namespace inventory
