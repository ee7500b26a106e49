// The public catalog (docs/domain/store.md "Catalog"): active categories, the product listing with search, sort,
// category filter and pagination, the featured strip, and the product page. Visibility rule everywhere: a product is
// shown only when it is active AND its category is active.
// Blocking (SQL): worker threads only. Thread-safe (each call leases its own connection).
#pragma once

#include <chrono>
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace db {
class Database;
}

namespace store {

struct Category {
  long long id = 0;
  std::string name;
  std::string slug;
  std::string icon;         // emoji or short text, "" when none
  std::string description;  // "" when none
};

struct ProductCard {
  long long id = 0;
  std::string name;
  std::string slug;
  std::string category_name;
  std::string category_slug;
  std::string image_url;    // "/storage/…" or "" (no image)
  std::int64_t price_cents = 0;
  int stock = 0;
  bool featured = false;
};

struct ProductDetail {
  ProductCard card;
  std::string brand;              // "" when none
  std::string quality;            // "original" | "premium" | "generico"
  std::string short_description;  // "" when none
  std::string description;        // "" when none
};

// The seven sorts of the store, in the order of the "Ordenar" select.
enum class ProductSort { kRelevance, kNewest, kPriceAsc, kPriceDesc, kNameAsc, kNameDesc, kStockDesc };

struct SortOption {
  ProductSort sort;
  const char* key;    // query value: "price_desc"
  const char* label;  // "Mayor precio"
};
// Every sort with its key and Spanish label.
const std::vector<SortOption>& sort_options();
// Unknown or empty keys mean relevance.
ProductSort parse_sort(std::string_view key);
const char* sort_key(ProductSort sort);

// "original" → "Original", "premium" → "Premium", "generico" → "Genérico".
std::string quality_label(std::string_view quality);
// Public URL of a product image: image_path, else the legacy `image` file name under products/; "" when none.
std::string product_image_url(std::string_view image_path, std::string_view legacy_image);

inline constexpr int kProductsPerPage = 12;
inline constexpr int kFeaturedLimit = 12;

struct ListingQuery {
  std::string search;                   // trimmed `q`
  ProductSort sort = ProductSort::kRelevance;
  std::optional<long long> category_id; // category page
  long long page = 1;                   // 1-based; clamped to the last page
};

struct ListingPage {
  std::vector<ProductCard> products;
  long long total = 0;      // matching products over all pages
  long long page = 1;       // the page actually shown
  long long last_page = 1;
  long long first_index() const { return total == 0 ? 0 : (page - 1) * kProductsPerPage + 1; }
  long long last_index() const { return total == 0 ? 0 : first_index() + static_cast<long long>(products.size()) - 1; }
};

class CatalogCache;

class Catalog final {
 public:
  // With a cache (one per process, see catalog_cache.hpp) every read below is served from memory while the
  // catalog version has not changed; without one (tests) each call queries the database.
  // `version_reuse`: how long the catalog version read by an earlier request may be reused (CatalogCache::version).
  explicit Catalog(db::Database& database, CatalogCache* cache = nullptr,
                   std::chrono::milliseconds version_reuse = std::chrono::milliseconds(0))
      : database_(database), cache_(cache), version_reuse_(version_reuse) {}

  // Active categories ordered by name.
  std::vector<Category> active_categories() const;
  // The active category with this slug (unknown or inactive → nullopt, i.e. 404).
  std::optional<Category> find_active_category(std::string_view slug) const;
  // One page of visible products matching the query.
  ListingPage list(const ListingQuery& query) const;
  // Up to kFeaturedLimit visible featured products, newest first (within a category when given).
  std::vector<ProductCard> featured(std::optional<long long> category_id) const;
  // The visible product with this slug (inactive product or category → nullopt, i.e. 404).
  std::optional<ProductDetail> find_visible_product(std::string_view slug) const;
  // The catalog version the reads above are cached under (nullopt when nothing is cached: no cache, no version row).
  // Pages rendered from these reads may be cached under it too (web::use_cached_page).
  std::optional<long long> cache_version() const;

 private:
  template <typename T, typename Load>
  T cached(const std::string& key, Load load) const;

  std::vector<Category> load_active_categories() const;
  std::optional<Category> load_active_category(std::string_view slug) const;
  ListingPage load_list(const ListingQuery& query) const;
  std::vector<ProductCard> load_featured(std::optional<long long> category_id) const;
  std::optional<ProductDetail> load_visible_product(std::string_view slug) const;

  db::Database& database_;
  CatalogCache* cache_;
  std::chrono::milliseconds version_reuse_;
  mutable std::optional<std::optional<long long>> version_;  // read once per Catalog (i.e. per request)
};

}  // namespace store
