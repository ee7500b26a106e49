// Catalog queries (see catalog.hpp). Search conditions come from search.hpp (Spanish stems of the words): FTS5
// prefix match on SQLite, LIKE per term on MariaDB (accent-insensitive collation) and PostgreSQL
// (nico_search_fold); a search without any word characters falls back to a plain
// "name contains the text" LIKE on both.
#include "domain/store/catalog.hpp"

#include <soci/soci.h>

#include <algorithm>

#include "db/database.hpp"
#include "db/like.hpp"
#include "domain/store/catalog_cache.hpp"
#include "domain/store/search.hpp"

namespace store {

namespace {

constexpr const char* kCardColumns =
    "SELECT p.id, p.name, p.slug, c.name, c.slug, p.image_path, p.image, p.price, p.stock, p.featured ";
constexpr const char* kVisibleFrom =
    "FROM products p JOIN categories c ON c.id = p.category_id WHERE p.active = 1 AND p.sellable_in_store = 1 AND c.active = 1";

// A WHERE fragment plus the values it binds by name (:w0…:w7, :category).
struct Filter {
  std::string sql;
  std::vector<std::string> texts;  // bound as :w<i>; filled before binding, never resized afterwards
  std::optional<long long> category_id;
};

Filter build_filter(db::Dialect dialect, const std::string& search, std::optional<long long> category_id) {
  Filter filter;
  filter.sql = kVisibleFrom;
  filter.category_id = category_id;
  if (category_id) filter.sql += " AND p.category_id = :category";
  if (search.empty()) return filter;
  auto words = search_terms(search);  // "cargadores" → "cargador": see search.hpp
  // PostgreSQL compares text case- and accent-sensitively: both sides go through nico_search_fold (migration 0040),
  // so "bateria samsung" finds "Batería … Samsung" as MariaDB's _ci collation does.
  const std::string name = dialect == db::Dialect::kPostgres ? "nico_search_fold(p.name)" : "p.name";
  auto pattern = [&](std::size_t i) {
    std::string param = ":w" + std::to_string(i);
    return dialect == db::Dialect::kPostgres ? "nico_search_fold(" + param + ")" : param;
  };
  if (words.empty()) {
    filter.texts.push_back(db::like_contains(search));
    filter.sql += " AND " + name + " LIKE " + pattern(0) + " ESCAPE '!'";
  } else if (dialect == db::Dialect::kSqlite) {
    filter.texts.push_back(fts_match_expression(words));
    filter.sql += " AND p.id IN (SELECT rowid FROM products_fts WHERE products_fts MATCH :w0)";
  } else {
    for (std::size_t i = 0; i < words.size(); ++i) {
      filter.texts.push_back(db::like_contains(words[i]));
      filter.sql += " AND " + name + " LIKE " + pattern(i) + " ESCAPE '!'";
    }
  }
  return filter;
}

void bind_filter(soci::statement& statement, Filter& filter) {
  for (std::size_t i = 0; i < filter.texts.size(); ++i)
    statement.exchange(soci::use(filter.texts[i], "w" + std::to_string(i)));
  if (filter.category_id) statement.exchange(soci::use(*filter.category_id, "category"));
}

std::string order_by(db::Dialect dialect, ProductSort sort) {
  // SQLite compares text byte-wise; NOCASE at least ignores ASCII case (MariaDB's collation does more).
  // PostgreSQL: lower() so the order does not depend on the database's collation (C sorts capitals first).
  std::string name = dialect == db::Dialect::kSqlite     ? "p.name COLLATE NOCASE"
                     : dialect == db::Dialect::kPostgres ? "lower(p.name)"
                                                         : "p.name";
  switch (sort) {
    case ProductSort::kRelevance: return " ORDER BY p.featured DESC, p.id DESC";
    case ProductSort::kNewest: return " ORDER BY p.id DESC";
    case ProductSort::kPriceAsc: return " ORDER BY p.price ASC, p.id DESC";
    case ProductSort::kPriceDesc: return " ORDER BY p.price DESC, p.id DESC";
    case ProductSort::kNameAsc: return " ORDER BY " + name + " ASC, p.id DESC";
    case ProductSort::kNameDesc: return " ORDER BY " + name + " DESC, p.id DESC";
    case ProductSort::kStockDesc: return " ORDER BY p.stock DESC, p.id DESC";
  }
  return " ORDER BY p.featured DESC, p.id DESC";
}

// Runs a card query (kCardColumns + rest) and collects the rows.
std::vector<ProductCard> fetch_cards(soci::session& sql, const std::string& query, Filter& filter) {
  std::vector<ProductCard> cards;
  ProductCard row;
  long long id = 0, price = 0;
  int stock = 0, featured = 0;
  std::string image_path, image;
  soci::indicator image_path_ind = soci::i_null, image_ind = soci::i_null;
  soci::statement statement(sql);
  statement.exchange(soci::into(id));
  statement.exchange(soci::into(row.name));
  statement.exchange(soci::into(row.slug));
  statement.exchange(soci::into(row.category_name));
  statement.exchange(soci::into(row.category_slug));
  statement.exchange(soci::into(image_path, image_path_ind));
  statement.exchange(soci::into(image, image_ind));
  statement.exchange(soci::into(price));
  statement.exchange(soci::into(stock));
  statement.exchange(soci::into(featured));
  bind_filter(statement, filter);
  statement.alloc();
  statement.prepare(query);
  statement.define_and_bind();
  statement.execute();
  while (statement.fetch()) {
    ProductCard card = row;
    card.id = id;
    card.price_cents = price;
    card.stock = stock;
    card.featured = featured != 0;
    card.image_url = product_image_url(image_path_ind == soci::i_ok ? image_path : "",
                                       image_ind == soci::i_ok ? image : "");
    cards.push_back(std::move(card));
  }
  return cards;
}

std::optional<Category> fetch_category(soci::session& sql, const std::string& where, const std::string& key) {
  Category category;
  std::string icon, description;
  soci::indicator icon_ind = soci::i_null, description_ind = soci::i_null;
  sql << "SELECT id, name, slug, icon, description FROM categories " + where, soci::use(key),
      soci::into(category.id), soci::into(category.name), soci::into(category.slug), soci::into(icon, icon_ind),
      soci::into(description, description_ind);
  if (!sql.got_data()) return std::nullopt;
  category.icon = icon_ind == soci::i_ok ? icon : "";
  category.description = description_ind == soci::i_ok ? description : "";
  return category;
}

}  // namespace

const std::vector<SortOption>& sort_options() {
  static const std::vector<SortOption> kOptions = {
      {ProductSort::kRelevance, "relevance", "Relevancia"},  {ProductSort::kNewest, "newest", "Más nuevos"},
      {ProductSort::kPriceAsc, "price_asc", "Menor precio"}, {ProductSort::kPriceDesc, "price_desc", "Mayor precio"},
      {ProductSort::kNameAsc, "name_asc", "Nombre A–Z"},     {ProductSort::kNameDesc, "name_desc", "Nombre Z–A"},
      {ProductSort::kStockDesc, "stock_desc", "Más stock"},
  };
  return kOptions;
}

ProductSort parse_sort(std::string_view key) {
  for (const auto& option : sort_options())
    if (key == option.key) return option.sort;
  return ProductSort::kRelevance;
}

const char* sort_key(ProductSort sort) {
  for (const auto& option : sort_options())
    if (option.sort == sort) return option.key;
  return "relevance";
}

std::string quality_label(std::string_view quality) {
  if (quality == "original") return "Original";
  if (quality == "premium") return "Premium";
  if (quality == "generico") return "Genérico";
  return std::string(quality);
}

std::string product_image_url(std::string_view image_path, std::string_view legacy_image) {
  if (!image_path.empty()) return "/storage/" + std::string(image_path);
  if (legacy_image.empty()) return "";
  if (legacy_image.find('/') != std::string_view::npos) return "/storage/" + std::string(legacy_image);
  return "/storage/products/" + std::string(legacy_image);
}

std::vector<Category> Catalog::load_active_categories() const {
  auto sql = database_.lease();
  std::vector<Category> categories;
  Category row;
  std::string icon, description;
  soci::indicator icon_ind = soci::i_null, description_ind = soci::i_null;
  std::string order = database_.dialect() == db::Dialect::kSqlite     ? "name COLLATE NOCASE"
                      : database_.dialect() == db::Dialect::kPostgres ? "lower(name)"
                                                                      : "name";
  soci::statement statement = (sql->prepare << "SELECT id, name, slug, icon, description FROM categories "
                                               "WHERE active = 1 ORDER BY " + order + ", id",
                               soci::into(row.id), soci::into(row.name), soci::into(row.slug), soci::into(icon, icon_ind),
                               soci::into(description, description_ind));
  statement.execute();
  while (statement.fetch()) {
    Category category = row;
    category.icon = icon_ind == soci::i_ok ? icon : "";
    category.description = description_ind == soci::i_ok ? description : "";
    categories.push_back(std::move(category));
  }
  return categories;
}

std::optional<Category> Catalog::load_active_category(std::string_view slug) const {
  auto sql = database_.lease();
  return fetch_category(*sql, "WHERE slug = :slug AND active = 1", std::string(slug));
}

ListingPage Catalog::load_list(const ListingQuery& query) const {
  auto sql = database_.lease();
  ListingPage page;
  {
    Filter filter = build_filter(database_.dialect(), query.search, query.category_id);
    long long total = 0;
    soci::statement count(*sql);
    count.exchange(soci::into(total));
    bind_filter(count, filter);
    count.alloc();
    count.prepare("SELECT COUNT(*) " + filter.sql);
    count.define_and_bind();
    count.execute(true);
    page.total = total;
  }
  page.last_page = std::max<long long>(1, (page.total + kProductsPerPage - 1) / kProductsPerPage);
  page.page = std::clamp<long long>(query.page, 1, page.last_page);
  if (page.total == 0) return page;

  Filter filter = build_filter(database_.dialect(), query.search, query.category_id);
  std::string sql_text = std::string(kCardColumns) + filter.sql + order_by(database_.dialect(), query.sort) +
                         " LIMIT " + std::to_string(kProductsPerPage) + " OFFSET " +
                         std::to_string((page.page - 1) * kProductsPerPage);
  page.products = fetch_cards(*sql, sql_text, filter);
  return page;
}

std::vector<ProductCard> Catalog::load_featured(std::optional<long long> category_id) const {
  auto sql = database_.lease();
  Filter filter = build_filter(database_.dialect(), "", category_id);
  std::string sql_text = std::string(kCardColumns) + filter.sql + " AND p.featured = 1 ORDER BY p.id DESC LIMIT " +
                         std::to_string(kFeaturedLimit);
  return fetch_cards(*sql, sql_text, filter);
}

std::optional<ProductDetail> Catalog::load_visible_product(std::string_view slug) const {
  auto sql = database_.lease();
  ProductDetail detail;
  ProductCard& card = detail.card;
  std::string key(slug), image_path, image, brand, short_description, description;
  soci::indicator image_path_ind = soci::i_null, image_ind = soci::i_null, brand_ind = soci::i_null,
                  short_ind = soci::i_null, description_ind = soci::i_null;
  long long price = 0;
  int featured = 0;
  *sql << "SELECT p.id, p.name, p.slug, c.name, c.slug, p.image_path, p.image, p.price, p.stock, p.featured, "
          "p.brand, p.quality, p.short_description, p.description " +
              std::string(kVisibleFrom) + " AND p.slug = :slug",
      soci::use(key), soci::into(card.id), soci::into(card.name), soci::into(card.slug), soci::into(card.category_name),
      soci::into(card.category_slug), soci::into(image_path, image_path_ind), soci::into(image, image_ind),
      soci::into(price), soci::into(card.stock), soci::into(featured), soci::into(brand, brand_ind),
      soci::into(detail.quality), soci::into(short_description, short_ind), soci::into(description, description_ind);
  if (!sql->got_data()) return std::nullopt;
  card.price_cents = price;
  card.featured = featured != 0;
  card.image_url = product_image_url(image_path_ind == soci::i_ok ? image_path : "", image_ind == soci::i_ok ? image : "");
  detail.brand = brand_ind == soci::i_ok ? brand : "";
  detail.short_description = short_ind == soci::i_ok ? short_description : "";
  detail.description = description_ind == soci::i_ok ? description : "";
  return detail;
}

// ── cached front ──────────────────────────────────────────────────────────────────────────────────────────────

template <typename T, typename Load>
T Catalog::cached(const std::string& key, Load load) const {
  if (!cache_) return load();
  if (!version_) version_ = cache_->version(database_, version_reuse_);
  if (!*version_) return load();
  if (auto hit = cache_->find(key, **version_)) return std::get<T>(*hit);
  T value = load();
  cache_->store(key, **version_, value);
  return value;
}

std::optional<long long> Catalog::cache_version() const {
  if (!cache_) return std::nullopt;
  if (!version_) version_ = cache_->version(database_, version_reuse_);
  return *version_;
}

std::vector<Category> Catalog::active_categories() const {
  return cached<std::vector<Category>>("categories", [&] { return load_active_categories(); });
}

std::optional<Category> Catalog::find_active_category(std::string_view slug) const {
  return cached<std::optional<Category>>("category|" + std::string(slug), [&] { return load_active_category(slug); });
}

ListingPage Catalog::list(const ListingQuery& query) const {
  std::string key = "list|" + std::string(sort_key(query.sort)) + "|" + std::to_string(query.page) + "|" +
                    (query.category_id ? std::to_string(*query.category_id) : "") + "|" + query.search;
  return cached<ListingPage>(key, [&] { return load_list(query); });
}

std::vector<ProductCard> Catalog::featured(std::optional<long long> category_id) const {
  std::string key = "featured|" + (category_id ? std::to_string(*category_id) : "");
  return cached<std::vector<ProductCard>>(key, [&] { return load_featured(category_id); });
}

std::optional<ProductDetail> Catalog::find_visible_product(std::string_view slug) const {
  return cached<std::optional<ProductDetail>>("product|" + std::string(slug),
                                              [&] { return load_visible_product(slug); });
}

}  // namespace store
