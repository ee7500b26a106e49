// Slug choice for categories and products (see slugs.hpp).
#include "domain/inventory/slugs.hpp"

#include <soci/soci.h>

#include "core/strings.hpp"

namespace inventory {

namespace {

bool slug_taken(soci::session& sql, SlugTable table, const std::string& slug, long long self_id) {
  long long count = 0;
  std::string query = table == SlugTable::kCategories
                          ? "SELECT COUNT(*) FROM categories WHERE slug = :slug AND id <> :self"
                          : "SELECT COUNT(*) FROM products WHERE slug = :slug AND id <> :self";
  sql << query, soci::use(slug), soci::use(self_id), soci::into(count);
  return count > 0;
}

// Slugs are ASCII, so cutting bytes never splits a character; keep room for a "-NNN" suffix.
std::string clip(std::string slug) {
  if (slug.size() > 240) slug.resize(240);
  while (!slug.empty() && slug.back() == '-') slug.pop_back();
  return slug;
}

}  // namespace

SlugChoice choose_slug(soci::session& sql, SlugTable table, const std::string& requested, const std::string& name,
                       long long self_id) {
  std::string typed = clip(core::slugify(requested));
  if (!typed.empty()) {
    if (slug_taken(sql, table, typed, self_id))
      return {"", table == SlugTable::kCategories
                      ? "El slug \"" + typed + "\" ya lo usa otra categoría. Elegí otro o dejalo vacío."
                      : "El slug \"" + typed + "\" ya lo usa otro producto. Elegí otro o dejalo vacío."};
    return {typed, ""};
  }
  std::string base = clip(core::slugify(name));
  if (base.empty()) base = table == SlugTable::kCategories ? "categoria" : "producto";
  std::string candidate = base;
  for (int suffix = 2; slug_taken(sql, table, candidate, self_id); ++suffix)
    candidate = base + "-" + std::to_string(suffix);
  return {candidate, ""};
}

}  // namespace inventory
