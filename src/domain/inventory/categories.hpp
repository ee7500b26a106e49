// Store categories as the back office manages them (docs/domain/store.md "Back office: categories and products"): list
// with product counts, create/update with slug rules, delete guarded by sold items, active toggle. Blocking SQL: worker
// threads.
#pragma once

#include <optional>
#include <string>
#include <vector>

#include "core/validation.hpp"

namespace db {
class Database;
class Tx;
}

namespace inventory {

struct Category {
  long long id = 0;
  std::string name;
  std::string slug;
  std::string description;  // "" when null
  std::string icon;         // emoji or short text, "" when null
  bool active = true;
  long long products_count = 0;
};

struct CategoryInput {
  std::string name, slug, description, icon;  // as typed
};

struct SaveResult {
  core::FieldErrors errors;  // field → Spanish message; nothing was written when not empty
  long long id = 0;          // the row written
};

// Every category (active or not) by name, with its product count.
std::vector<Category> list_categories(db::Database& database);
std::optional<Category> find_category(db::Database& database, long long id);

SaveResult create_category(db::Tx& tx, const CategoryInput& input);
// errors.empty() and id == 0 → no such category.
SaveResult update_category(db::Tx& tx, long long id, const CategoryInput& input);

enum class DeleteOutcome { kDeleted, kHasOrders, kNotFound };
struct Deletion {
  DeleteOutcome outcome = DeleteOutcome::kNotFound;
  std::vector<std::string> image_paths;  // uploaded images of the deleted rows, for the caller to remove
};
// Refused when an order item references any of its products (sold items keep their history); otherwise the
// category and its products go in one transaction (the caller's).
Deletion delete_category(db::Tx& tx, long long id);

// Flips `active`; the new value, or nullopt when the category does not exist.
std::optional<bool> toggle_category_active(db::Tx& tx, long long id);

}  // namespace inventory
