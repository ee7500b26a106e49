// Product administration (see products.hpp).
#include "domain/inventory/products.hpp"

#include <algorithm>

#include "core/clock.hpp"
#include "core/money.hpp"
#include "core/parse.hpp"
#include "core/strings.hpp"
#include "db/database.hpp"
#include "db/unit_of_work.hpp"
#include "domain/inventory/catalog_version.hpp"
#include "domain/inventory/slugs.hpp"
#include "domain/inventory/stock_ledger.hpp"
#include "db/row_values.hpp"

namespace inventory {

using db::row_int;
using db::row_str;

namespace {

constexpr const char* kSelectProducts =
    "SELECT p.id, p.category_id, c.name, p.name, p.slug, p.price, p.stock, p.description, p.image_path, p.image, "
    "p.featured, p.active, p.sku, p.barcode, p.cost_price, p.sellable_in_store, p.usable_in_repairs "
    "FROM products p LEFT JOIN categories c ON c.id = p.category_id ";

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
  product.sku = row_str(row, 12);
  product.barcode = row_str(row, 13);
  product.cost_price = row_int(row, 14);
  product.sellable_in_store = row_int(row, 15) != 0;
  product.usable_in_repairs = row_int(row, 16) != 0;
  return product;
}

// Stock and price limits keep values inside INT / BIGINT columns on every database.
constexpr long long kMaxStock = 1000000000;

struct ValidProduct {
  std::string name, description, sku, barcode;
  long long category_id = 0, price = 0, stock = 0, cost_price = 0;
};

// A code (SKU or barcode) is printable ASCII without spaces: what labels print and scanners type.
bool valid_code(const std::string& code) {
  return std::all_of(code.begin(), code.end(), [](char c) { return c > ' ' && c < 127; });
}

// Checks an optional unique code column; "" is fine (stored as NULL). `exclude_id` is the product being edited.
void check_code(soci::session& sql, core::FieldErrors& errors, const std::string& field, const std::string& label,
                const std::string& code, long long exclude_id) {
  if (code.empty()) return;
  if (code.size() > 64) return errors.add(field, "El " + label + " no puede superar 64 caracteres.");
  if (!valid_code(code)) return errors.add(field, "El " + label + " solo admite letras, números y símbolos, sin espacios.");
  std::string other;
  long long id = exclude_id;
  std::string code_value = code;
  sql << "SELECT name FROM products WHERE " + field + " = :code AND id <> :id", soci::use(code_value), soci::use(id),
      soci::into(other);
  if (sql.got_data()) errors.add(field, "Ya existe otro producto con ese " + label + ": \"" + other + "\".");
}

core::FieldErrors validate(soci::session& sql, const ProductInput& input, ValidProduct& out, long long exclude_id = 0) {
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
  out.sku = core::trim(input.sku);
  out.barcode = core::trim(input.barcode);
  check_code(sql, errors, "sku", "SKU", out.sku, exclude_id);
  check_code(sql, errors, "barcode", "código de barras", out.barcode, exclude_id);
  std::string cost = core::trim(input.cost_price);
  if (!cost.empty()) {
    auto parsed = core::parse_ars(cost);
    if (!parsed) errors.add("cost_price", "El costo debe ser un número mayor o igual a 0 (por ejemplo 8000 o 8.000,50).");
    else out.cost_price = *parsed;
  }
  if (core::exceeds_length(input.stock_note, 255)) errors.add("stock_note", "El motivo no puede superar 255 caracteres.");
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
  bump_catalog_version_after_commit(*sql);
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
  if (has_q) where += " AND (p.name" + ci + ":q1 OR p.slug" + ci + ":q2 OR p.sku" + ci + ":q3 OR p.barcode" + ci + ":q4)";
  if (filters.channel == "store") where += " AND p.sellable_in_store = 1";
  else if (filters.channel == "counter_only") where += " AND p.sellable_in_store = 0";
  else if (filters.channel == "repairs") where += " AND p.usable_in_repairs = 1";
  if (filters.category_id > 0) where += " AND p.category_id = " + std::to_string(filters.category_id);
  if (filters.active == "1" || filters.active == "0") where += " AND p.active = " + filters.active;
  if (filters.featured == "1" || filters.featured == "0") where += " AND p.featured = " + filters.featured;
  if (filters.stock == "out") where += " AND p.stock <= 0";
  else if (filters.stock == "low") where += " AND p.stock BETWEEN 1 AND " + std::to_string(filters.low_stock_threshold);
  std::string order = filters.stock == "out" || filters.stock == "low" ? " ORDER BY p.stock ASC, p.id DESC" : " ORDER BY p.id DESC";

  auto sql = database.lease();
  ProductPage page;
  std::string count_query = "SELECT COUNT(*) FROM products p " + where;
  if (has_q)
    *sql << count_query, soci::use(like, "q1"), soci::use(like, "q2"), soci::use(like, "q3"), soci::use(like, "q4"),
        soci::into(page.total);
  else *sql << count_query, soci::into(page.total);
  page.pages = std::max<long long>(1, (page.total + per_page - 1) / per_page);
  page.page = std::clamp<long long>(filters.page, 1, page.pages);
  std::string query = std::string(kSelectProducts) + where + order + " LIMIT " + std::to_string(per_page) +
                      " OFFSET " + std::to_string((page.page - 1) * per_page);
  if (has_q) {
    soci::rowset<soci::row> rows = (sql->prepare << query, soci::use(like, "q1"), soci::use(like, "q2"),
                                    soci::use(like, "q3"), soci::use(like, "q4"));
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

core::FieldErrors check_product(db::Database& database, const ProductInput& input, long long exclude_id) {
  auto sql = database.lease();
  ValidProduct ignored;
  return validate(*sql, input, ignored, exclude_id);
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
  soci::indicator sku_ind = valid.sku.empty() ? soci::i_null : soci::i_ok;
  soci::indicator barcode_ind = valid.barcode.empty() ? soci::i_null : soci::i_ok;
  int sellable = input.sellable_in_store.value_or(true) ? 1 : 0;
  int repairs = input.usable_in_repairs.value_or(false) ? 1 : 0;
  // Stock starts at 0: the typed stock arrives through the ledger below, so the product's ledger sums to its stock.
  *sql << "INSERT INTO products (category_id, name, slug, price, stock, description, image_path, featured, active, "
          "sku, barcode, cost_price, sellable_in_store, usable_in_repairs, created_at, updated_at) "
          "VALUES (:category, :name, :slug, :price, 0, :description, :image, 0, 1, :sku, :barcode, :cost, :sellable, "
          ":repairs, :c, :u)",
      soci::use(valid.category_id), soci::use(valid.name), soci::use(slug.slug), soci::use(valid.price),
      soci::use(valid.description, description_ind), soci::use(image, image_ind), soci::use(valid.sku, sku_ind),
      soci::use(valid.barcode, barcode_ind), soci::use(valid.cost_price), soci::use(sellable), soci::use(repairs),
      soci::use(now), soci::use(now);
  result.id = tx.last_insert_id("products");
  bump_catalog_version_after_commit(*sql);
  StockMove move;
  move.product_id = result.id;
  move.delta = valid.stock;
  move.reason = MoveReason::kProductCreated;
  move.user_id = input.user_id;
  move_stock(*sql, move);
  return result;
}

ProductSave update_product(db::Tx& tx, long long id, const ProductInput& input, ImageChange image,
                           const std::string& new_image_path) {
  ProductSave result;
  soci::session* sql = &tx.sql();
  std::string current_image;
  soci::indicator current_ind = soci::i_null;
  long long found_id = 0, current_stock = 0;
  int current_sellable = 1, current_repairs = 0;
  *sql << std::string("SELECT id, image_path, stock, sellable_in_store, usable_in_repairs FROM products WHERE id = :id") +
              db::for_update(tx.dialect()),
      soci::use(id), soci::into(found_id), soci::into(current_image, current_ind), soci::into(current_stock),
      soci::into(current_sellable), soci::into(current_repairs);
  if (!sql->got_data()) return result;
  if (current_ind != soci::i_ok) current_image.clear();
  ValidProduct valid;
  result.errors = validate(*sql, input, valid, id);
  if (!result.errors.empty()) return result;
  auto slug = choose_slug(*sql, SlugTable::kProducts, input.slug, valid.name, id);
  if (!slug.error.empty()) {
    result.errors.add("slug", slug.error);
    return result;
  }
  // The admin's own stock change, applied to the stock as it is now (see ProductInput::stock_shown).
  long long stock_delta = valid.stock - current_stock;
  if (auto shown = parse_stock(input.stock_shown)) {
    stock_delta = valid.stock - *shown;
    if (current_stock + stock_delta < 0) {
      result.errors.add("stock", "El stock cambió mientras editabas (ahora hay " + std::to_string(current_stock) +
                                     "): revisalo y guardá de nuevo.");
      return result;
    }
  }
  std::string stored_image = current_image;
  if (image == ImageChange::kRemove) stored_image.clear();
  if (image == ImageChange::kReplace) stored_image = new_image_path;
  if (stored_image != current_image) result.old_image = current_image;
  std::string now = core::utc_now_sql();
  soci::indicator description_ind = valid.description.empty() ? soci::i_null : soci::i_ok;
  soci::indicator image_ind = stored_image.empty() ? soci::i_null : soci::i_ok;
  soci::indicator sku_ind = valid.sku.empty() ? soci::i_null : soci::i_ok;
  soci::indicator barcode_ind = valid.barcode.empty() ? soci::i_null : soci::i_ok;
  int sellable = input.sellable_in_store ? (*input.sellable_in_store ? 1 : 0) : current_sellable;
  int repairs = input.usable_in_repairs ? (*input.usable_in_repairs ? 1 : 0) : current_repairs;
  *sql << "UPDATE products SET category_id = :category, name = :name, slug = :slug, price = :price, "
          "description = :description, image_path = :image, sku = :sku, barcode = :barcode, cost_price = :cost, "
          "sellable_in_store = :sellable, usable_in_repairs = :repairs, updated_at = :u WHERE id = :id",
      soci::use(valid.category_id), soci::use(valid.name), soci::use(slug.slug), soci::use(valid.price),
      soci::use(valid.description, description_ind), soci::use(stored_image, image_ind), soci::use(valid.sku, sku_ind),
      soci::use(valid.barcode, barcode_ind), soci::use(valid.cost_price), soci::use(sellable), soci::use(repairs),
      soci::use(now), soci::use(id);
  bump_catalog_version_after_commit(*sql);
  // A changed stock is an adjustment in the ledger (the row is locked: the difference is exact).
  StockMove move;
  move.product_id = id;
  move.delta = stock_delta;
  move.reason = MoveReason::kAdjustment;
  move.user_id = input.user_id;
  move.note = input.stock_note.empty() ? "Edición del producto" : input.stock_note;
  move_stock(*sql, move);
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
  // Sold online, at the counter or used in a repair: its history (and its stock ledger) must stay.
  *sql << "SELECT (SELECT COUNT(*) FROM order_items WHERE product_id = :a) + "
          "(SELECT COUNT(*) FROM counter_sale_items WHERE product_id = :b) + "
          "(SELECT COUNT(*) FROM repair_parts WHERE product_id = :c)",
      soci::use(id, "a"), soci::use(id, "b"), soci::use(id, "c"), soci::into(sold);
  if (sold > 0) {
    deletion.outcome = DeleteOutcome::kHasOrders;
    return deletion;
  }
  *sql << "DELETE FROM products WHERE id = :id", soci::use(id);
  bump_catalog_version_after_commit(*sql);
  if (image_ind == soci::i_ok && !image.empty()) deletion.image_paths.push_back(image);
  deletion.outcome = DeleteOutcome::kDeleted;
  return deletion;
}

std::optional<bool> toggle_product_active(db::Tx& tx, long long id) { return toggle_flag(tx, id, "active"); }
std::optional<bool> toggle_product_featured(db::Tx& tx, long long id) { return toggle_flag(tx, id, "featured"); }

bool set_product_stock(db::Tx& tx, long long id, long long stock, std::optional<long long> user_id,
                       const std::string& note) {
  soci::session* sql = &tx.sql();
  long long current = 0;
  *sql << std::string("SELECT stock FROM products WHERE id = :id") + db::for_update(tx.dialect()), soci::use(id),
      soci::into(current);
  if (!sql->got_data()) return false;
  StockMove move;
  move.product_id = id;
  move.delta = stock - current;
  move.reason = MoveReason::kAdjustment;
  move.user_id = user_id;
  move.note = note.empty() ? "Stock editado desde la lista de productos" : note;
  move_stock(*sql, move);
  return true;
}

std::optional<Product> find_product_by_code(db::Database& database, const std::string& code) {
  std::string trimmed = core::trim(code);
  if (trimmed.empty() || trimmed.size() > 64) return std::nullopt;
  auto sql = database.lease();
  soci::rowset<soci::row> rows = (sql->prepare << std::string(kSelectProducts) +
                                                      "WHERE p.barcode = :b OR p.sku = :s "
                                                      // A scanned barcode wins over another product's equal SKU.
                                                      "ORDER BY CASE WHEN p.barcode = :b2 THEN 0 ELSE 1 END, p.id",
                                  soci::use(trimmed, "b"), soci::use(trimmed, "s"), soci::use(trimmed, "b2"));
  for (const auto& row : rows) return product_from(row);
  return std::nullopt;
}

}  // namespace inventory
