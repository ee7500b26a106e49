// Catalog pages: the store (/ and /tienda), a category (/tienda/categoria/{slug}), a product
// (/producto/{slug}) and the web app manifest. docs/domain/store.md "Catalog".
#include <charconv>
#include <string>

#include "core/config.hpp"
#include "core/errors.hpp"
#include "core/log.hpp"
#include "core/money.hpp"
#include "core/parse.hpp"
#include "core/strings.hpp"
#include "domain/settings/brand_assets.hpp"
#include "domain/store/catalog.hpp"
#include "http/form.hpp"
#include "routes/store/handlers.hpp"
#include "core/json.hpp"
#include "web/context.hpp"
#include "web/render.hpp"

namespace routes {

namespace {

using core::JsonObject;

constexpr const char* kTabClass = "nav-pill shrink-0 whitespace-nowrap";

// "?q=…&sort=…&page=…" with only the values that differ from the defaults ("" when none).
std::string listing_query(const std::string& search, store::ProductSort sort, long long page = 1) {
  std::vector<std::pair<std::string, std::string>> pairs;
  if (!search.empty()) pairs.emplace_back("q", search);
  if (sort != store::ProductSort::kRelevance) pairs.emplace_back("sort", store::sort_key(sort));
  if (page > 1) pairs.emplace_back("page", std::to_string(page));
  if (pairs.empty()) return "";
  return "?" + http::build_urlencoded(pairs);
}

long long page_param(const web::Context& context) { return core::parse_page(context.query.value("page")); }

void fill_card(web::Dict card, const store::ProductCard& product) {
  card.set("ID", product.id);
  card.set("NAME", product.name);
  card.set("HREF", "/producto/" + product.slug);
  card.set("CATEGORY", product.category_name);
  card.set("PRICE", core::format_ars(product.price_cents));
  if (!product.image_url.empty()) card.add("IMAGE").set("URL", product.image_url);
  else card.show("NO_IMAGE");
  if (product.stock > 0) card.add("IN_STOCK").set("STOCK", product.stock);
  else card.show("OUT_OF_STOCK");
}

// The store's catalog for this request: cached reads, the version reused as configured (CATALOG_VERSION_REUSE_MS).
store::Catalog catalog_for(web::Context& context) {
  return store::Catalog(context.services.database, context.services.catalog_cache,
                        std::chrono::milliseconds(context.services.config.integer("CATALOG_VERSION_REUSE_MS")));
}

http::Response render_listing(web::Context& context, const std::optional<store::Category>& category) {
  store::Catalog catalog = catalog_for(context);
  store::ListingQuery query;
  query.search = core::trim(context.query.value("q"));
  query.sort = store::parse_sort(context.query.value("sort"));
  query.page = page_param(context);
  if (category) query.category_id = category->id;

  const std::string base = category ? "/tienda/categoria/" + category->slug : "/tienda";
  const std::string kept = listing_query(query.search, query.sort);

  web::View view("pages/store/index.tpl", "Tienda");
  view.nav_store_active = true;
  // The page shows the catalog (its version is in the key) as seen through this query: nothing else.
  if (auto version = catalog.cache_version()) {
    std::string key = std::to_string(*version) + "|" + (category ? std::to_string(category->id) : "all") + "|" +
                      store::sort_key(query.sort) + "|" + std::to_string(query.page) + "|" + query.search;
    if (web::use_cached_page(context, view, key)) return web::render(context, view);
  }
  auto dict = view.dict();
  dict.set("FORM_ACTION", base);
  dict.set("Q", query.search);

  // Category tabs: "Todas" + every active category, keeping q and sort.
  auto categories = catalog.active_categories();
  if (!categories.empty()) {
    auto tabs = dict.add("CATEGORY_TABS");
    auto all = tabs.add("TAB");
    all.set("HREF", "/tienda" + kept);
    all.set("NAME", "Todas");
    all.set("CLASS", std::string(kTabClass) + (category ? " " : " nav-pill-active"));
    if (!category) all.show("CURRENT");
    for (const auto& item : categories) {
      auto tab = tabs.add("TAB");
      tab.set("HREF", "/tienda/categoria/" + item.slug + kept);
      tab.set("NAME", item.name);
      bool current = category && category->id == item.id;
      tab.set("CLASS", std::string(kTabClass) + (current ? " nav-pill-active" : " "));
      if (current) tab.show("CURRENT");
    }
  }

  for (const auto& option : store::sort_options()) {
    auto item = dict.add("SORT_OPTION");
    item.set("VALUE", option.key);
    item.set("LABEL", option.label);
    if (option.sort == query.sort) item.show("SELECTED");
  }
  if (!query.search.empty() || query.sort != store::ProductSort::kRelevance) dict.add("CLEAR").set("HREF", base);

  if (query.search.empty() && query.sort == store::ProductSort::kRelevance && query.page == 1) {
    auto featured = catalog.featured(query.category_id);
    if (!featured.empty()) {
      auto block = dict.add("FEATURED");
      for (const auto& product : featured) fill_card(block.add("PRODUCT"), product);
    }
  }

  auto page = catalog.list(query);
  if (page.total > 0) {
    auto grid = dict.add("GRID");
    for (const auto& product : page.products) fill_card(grid.add("PRODUCT"), product);
    grid.set("FIRST", page.first_index());
    grid.set("LAST", page.last_index());
    grid.set("TOTAL", page.total);
    if (page.last_page > 1) {
      auto pagination = grid.add("PAGINATION");
      auto link = [&](long long number) { return base + listing_query(query.search, query.sort, number) + "#productos"; };
      if (page.page > 1) pagination.add("PREV").set("HREF", link(page.page - 1));
      else pagination.show("PREV_DISABLED");
      for (long long number = 1; number <= page.last_page; ++number) {
        // Long page lists collapse to the first, last and the two around the current page.
        bool near = number == 1 || number == page.last_page || (number >= page.page - 2 && number <= page.page + 2);
        if (!near) {
          if (number == page.page - 3 || number == page.page + 3) pagination.add("PAGE").show("GAP");
          continue;
        }
        auto item = pagination.add("PAGE");
        if (number == page.page) item.add("CURRENT_PAGE").set("NUMBER", number);
        else {
          auto other = item.add("OTHER_PAGE");
          other.set("NUMBER", number);
          other.set("HREF", link(number));
        }
      }
      if (page.page < page.last_page) pagination.add("NEXT").set("HREF", link(page.page + 1));
      else pagination.show("NEXT_DISABLED");
    }
  } else if (!query.search.empty()) {
    auto empty = dict.add("EMPTY_SEARCH");
    empty.set("Q", query.search);
    empty.set("CLEAR_HREF", base + listing_query("", query.sort));
    if (category) {
      empty.add("IN_CATEGORY").set("CATEGORY", category->name);
      empty.show("SEE_ALL");
    }
  } else if (category) {
    dict.add("EMPTY_CATEGORY").set("CATEGORY", category->name);
  } else {
    dict.show("EMPTY_STORE");
  }
  return web::render(context, view);
}

}  // namespace

http::Response store_index(web::Context& context) { return render_listing(context, std::nullopt); }

http::Response store_category(web::Context& context) {
  store::Catalog catalog = catalog_for(context);
  auto category = catalog.find_active_category(context.params.at("slug"));
  if (!category) throw core::DomainError(core::ErrorKind::kNotFound, "No encontramos esa página.", "unknown or inactive category");
  return render_listing(context, category);
}

http::Response store_product(web::Context& context) {
  store::Catalog catalog = catalog_for(context);
  auto product = catalog.find_visible_product(context.params.at("slug"));
  if (!product) throw core::DomainError(core::ErrorKind::kNotFound, "No encontramos esa página.", "unknown or hidden product");
  const auto& card = product->card;

  web::View view("pages/store/product.tpl", card.name + " - Tienda");
  view.nav_store_active = true;
  if (auto version = catalog.cache_version()) {
    if (web::use_cached_page(context, view, std::to_string(*version) + "|" + std::to_string(card.id)))
      return web::render(context, view);
  }
  auto dict = view.dict();
  dict.set("ID", card.id);
  dict.set("NAME", card.name);
  dict.set("CATEGORY", card.category_name);
  dict.set("CATEGORY_HREF", "/tienda/categoria/" + card.category_slug);
  dict.set("PRICE", core::format_ars(card.price_cents));
  if (!card.image_url.empty()) dict.add("IMAGE").set("URL", card.image_url);
  else dict.show("NO_IMAGE");
  if (card.stock > 0) dict.add("IN_STOCK").set("STOCK", card.stock);
  else dict.show("OUT_OF_STOCK");
  if (!product->brand.empty()) dict.add("BRAND").set("BRAND", product->brand);
  if (!product->quality.empty()) dict.add("QUALITY").set("QUALITY", store::quality_label(product->quality));
  if (!product->short_description.empty()) dict.add("SHORT_DESCRIPTION").set("TEXT", product->short_description);
  // The demo seed (and old data) repeat the short text as the description: show it once.
  if (!product->description.empty() && product->description != product->short_description)
    dict.add("DESCRIPTION").set("TEXT", product->description);
  return web::render(context, view);
}

// The icons and their types come from the settings snapshot (an uploaded WebP or JPEG icon says so; a custom path
// whose file is gone falls back to the shipped default), so serving the manifest costs no query.
http::Response site_manifest(web::Context& context) {
  std::vector<settings::ManifestIcon> icons;
  if (context.services.settings_cache) {
    icons = context.services.settings_cache->manifest_icons();
  } else {  // no cache (unit tests): the shipped defaults
    icons = {{"/img/android-chrome-192x192.png", "192x192", "image/png"},
             {"/img/android-chrome-512x512.png", "512x512", "image/png"}};
  }
  const std::string& name = context.services.config.str("APP_NAME");
  auto icon = [](const settings::ManifestIcon& manifest_icon) {
    JsonObject entry;
    entry.add("src", manifest_icon.src);
    entry.add("sizes", manifest_icon.sizes);
    entry.add("type", manifest_icon.type);
    return entry.str();
  };
  std::string icon_list;
  for (const auto& manifest_icon : icons) icon_list += (icon_list.empty() ? "" : ",") + icon(manifest_icon);
  std::string body = "{" + std::string("\"name\":") + core::json_quote(name) +
                     ",\"short_name\":" + core::json_quote(name) + ",\"icons\":[" + icon_list +
                     "],\"theme_color\":\"#0ea5e9\",\"background_color\":\"#ffffff\",\"display\":\"standalone\","
                     "\"start_url\":\"/\",\"lang\":\"es\"}";
  auto response = http::Response::json(200, std::move(body));
  response.set_header("Content-Type", "application/manifest+json");
  response.set_header("Cache-Control", "public, max-age=300");
  return response;
}

}  // namespace routes
