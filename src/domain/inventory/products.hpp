// Store products as the back office manages them (docs/domain/store.md "Back office: categories and products"):
// filtered list, create/update (validation, slug rules, image path), delete guarded by sold items, active/featured
// toggles, stock. Product writes touch only the products table; the store's search index follows through its triggers.
// Blocking SQL: worker threads only.
#pragma once

#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "core/validation.hpp"
#include "domain/inventory/categories.hpp"

namespace db {
class Database;
class Tx;
}

namespace inventory {

struct Product {
  long long id = 0;
  long long category_id = 0;
  std::string category_name;  // "" when the category row is gone
  std::string name;
  std::string slug;
  long long price = 0;        // centavos
  long long stock = 0;        // units, never negative
  std::string description;    // "" when null
  std::string image_path;     // uploaded image, relative to storage/app/public ("products/ab12….png"), or ""
  std::string legacy_image;   // the reference's `image` column (seed data), or ""
  bool featured = false;
  bool active = true;
  std::string sku;            // "" when none (stored as NULL)
  std::string barcode;        // "" when none (stored as NULL)
  long long cost_price = 0;   // centavos; 0 = not loaded
  bool sellable_in_store = true;   // false: counter/workshop only, hidden from the online store
  bool usable_in_repairs = false;  // offered as a repair part
  // "/storage/<image_path>", else the legacy "/storage/products/<image>", else "".
  std::string image_url() const;
};

struct ProductFilters {
  std::string q;            // name, slug, SKU or barcode contains
  long long category_id = 0;  // 0 = all
  std::string active;       // "" | "1" | "0"
  std::string featured;     // "" | "1" | "0"
  std::string stock;        // "" | "out" (≤ 0) | "low" (1..low_stock_threshold)
  long long low_stock_threshold = 3;  // STORE_LOW_STOCK_THRESHOLD
  std::string channel;      // "" | "store" (sellable online) | "counter_only" (not sellable online) | "repairs"
  long long page = 1;
};

struct ProductPage {
  std::vector<Product> items;
  long long total = 0;
  long long page = 1;
  long long pages = 1;
};

// id desc, 20 per page (stock filters: lowest stock first).
ProductPage list_products(db::Database& database, const ProductFilters& filters, long long per_page = 20);
std::optional<Product> find_product(db::Database& database, long long id);

struct ProductInput {
  std::string name, slug, category_id, price, stock, description;  // as typed
  std::string sku, barcode, cost_price;                              // optional, as typed
  // The form's checkboxes; nullopt when the post does not carry them (older clients): create uses the defaults
  // (sellable, not for repairs), update keeps the stored values.
  std::optional<bool> sellable_in_store, usable_in_repairs;
  std::string stock_note;          // why the stock changed on an edit (the ledger's note); optional
  std::optional<long long> user_id;  // who, for the ledger
};

// Field rules that need no slug decision (name, category exists, price, stock, description). Run before
// storing an uploaded image so a form with mistakes leaves no file behind.
// `exclude_id`: the product being edited (its own SKU/barcode are not duplicates).
core::FieldErrors check_product(db::Database& database, const ProductInput& input, long long exclude_id = 0);

enum class ImageChange { kKeep, kRemove, kReplace };
struct ProductSave {
  core::FieldErrors errors;   // nothing written when not empty
  long long id = 0;           // 0 with no errors → the product does not exist
  std::string old_image;      // image_path that the write replaced or removed: the caller deletes the file
};

// Validates again, chooses the slug and writes, in the caller's transaction. New products are active, not featured.
// Stock goes through the stock ledger: the initial stock as product_created, an edited stock as an adjustment.
ProductSave create_product(db::Tx& tx, const ProductInput& input, const std::string& image_path);
ProductSave update_product(db::Tx& tx, long long id, const ProductInput& input, ImageChange image,
                           const std::string& new_image_path);

// Refused when order items reference it; otherwise the row goes and its image path is returned for removal.
Deletion delete_product(db::Tx& tx, long long id);

// Flip a flag; the new value, or nullopt when the product does not exist.
std::optional<bool> toggle_product_active(db::Tx& tx, long long id);
std::optional<bool> toggle_product_featured(db::Tx& tx, long long id);
// Sets the stock (≥ 0, checked by the caller) through the stock ledger (an adjustment with `note`); false when the
// product does not exist.
bool set_product_stock(db::Tx& tx, long long id, long long stock, std::optional<long long> user_id = std::nullopt,
                       const std::string& note = "");

// A product found by its exact SKU or barcode (what a scanner types), active or not; nullopt when none.
std::optional<Product> find_product_by_code(db::Database& database, const std::string& code);

// A non-negative whole number ("12"), or nullopt ("-1", "1.5", "abc", "").
std::optional<long long> parse_stock(const std::string& text);

}  // namespace inventory
