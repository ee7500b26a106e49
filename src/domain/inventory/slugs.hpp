// URL slugs of categories and products (docs/domain/store.md "Back office: categories and products"): slugify(slug or
// name), a per-table fallback when nothing sluggable is left, unique within the table. A slug the admin typed that
// another row already uses is an error with a clear message (silently renaming what they chose would surprise them); a
// slug generated from the name gets "-2", "-3", … instead.
#pragma once

#include <string>

namespace soci {
class session;
}

namespace inventory {

enum class SlugTable { kCategories, kProducts };

struct SlugChoice {
  std::string slug;   // what to store (empty when `error` is set)
  std::string error;  // Spanish message for the `slug` field
};

// Run inside the write transaction that stores the row, so the check and the write see the same table.
// `self_id` is the row being updated (0 when creating): its own slug never counts as taken.
SlugChoice choose_slug(soci::session& sql, SlugTable table, const std::string& requested, const std::string& name,
                       long long self_id);

}  // namespace inventory
