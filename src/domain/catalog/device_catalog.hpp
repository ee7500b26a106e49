// The device catalog (docs/domain/pricing.md "Device catalog"): device types, brands per type, model groups
// per brand, models per brand (optionally in a group), issue types per type, and repair types. One table-driven
// implementation serves all six kinds: they differ only in table, parent column, slug fallback and wording.
//
// Rules every kind follows:
//   - nothing is ever deleted (repairs and pricing rules reference these rows): items are deactivated instead;
//   - a name is trimmed, required, and at most the caller's max length (characters);
//   - a duplicate name within the same parent (compared by slug, so case, accents and punctuation do not
//     count; inactive rows count too) is refused with a Spanish message, never left to a unique index;
//   - the slug is slugify(name) (or the kind's fallback), made unique within the parent with "-2", "-3"…, and
//     fixed at creation (renaming keeps it, as the reference did).
// All functions are blocking (SQL); call them from the worker pool.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "core/validation.hpp"

namespace db {
class Database;
class Tx;
}

namespace catalog {

enum class CatalogKind { kDeviceType, kBrand, kModelGroup, kModel, kIssueType, kRepairType };

struct CatalogItem {
  std::int64_t id = 0;
  std::int64_t parent_id = 0;             // type of a brand / issue, brand of a group / model; 0 for top-level kinds
  std::string name;
  std::string slug;
  bool active = true;
  std::optional<std::int64_t> group_id;   // models only
  std::string group_name;                 // models only, filled by list_items ("" when none)
};

// The item, or nullopt when no row has that id.
std::optional<CatalogItem> find_item(db::Database& database, CatalogKind kind, std::int64_t id);

// Items of `parent_id` (every parent when ≤ 0; ignored for device types and repair types) ordered by name. `active_only` drops inactive
// rows except `keep_id` (edit forms keep showing the value a repair already has).
std::vector<CatalogItem> list_items(db::Database& database, CatalogKind kind, std::int64_t parent_id,
                                    bool active_only, std::optional<std::int64_t> keep_id = std::nullopt);

struct SaveResult {
  core::FieldErrors errors;           // on field "name" (required, too long, duplicate)
  std::optional<CatalogItem> item;    // the stored row when saved
  std::optional<CatalogItem> existing;  // the sibling a duplicate name collided with
  bool ok() const { return errors.empty() && item.has_value(); }
};

// create_item and update_item are use cases of their own (each attempt one db::write: a unique-index race is
// retried in a fresh transaction); toggle_item and assign_model_group write in the caller's transaction.
// Creates an item under `parent_id` (which the caller has checked exists). Refusals on field "name":
// "Ingresá un nombre.", "El nombre no puede superar los N caracteres.", and the kind's duplicate message.
SaveResult create_item(db::Database& database, CatalogKind kind, std::int64_t parent_id, std::string_view name,
                       bool active, std::size_t max_length);

// Renames (and optionally sets `active` of) an existing item; same refusals; the slug is kept. nullopt item and no
// errors when the id does not exist.
SaveResult update_item(db::Database& database, CatalogKind kind, std::int64_t id, std::string_view name,
                       std::optional<bool> active, std::size_t max_length);

// Flips `active`; the updated item, or nullopt when the id does not exist.
std::optional<CatalogItem> toggle_item(db::Tx& tx, CatalogKind kind, std::int64_t id);

// Puts a model in a group of its own brand, or takes it out (nullopt).
enum class AssignOutcome { kAssigned, kModelNotFound, kGroupNotFound, kGroupOfOtherBrand };
AssignOutcome assign_model_group(db::Tx& tx, std::int64_t model_id, std::optional<std::int64_t> group_id);

// "Ya existe una marca con ese nombre para este tipo." … (with a hint when the existing one is inactive).
std::string duplicate_message(CatalogKind kind, bool existing_is_active);

// The key two names collide on: slugify(name), or the lower-cased trimmed name when that slug is empty.
std::string name_key(std::string_view name);

}  // namespace catalog
