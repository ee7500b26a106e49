// Catalog rows and cart steps shared by the store, cart and checkout integration tests.
#pragma once

#include <soci/soci.h>

#include <regex>
#include <set>
#include <string>

#include "support/app_server.hpp"
#include "support/browser.hpp"
#include "support/catalog_writes.hpp"
#include "support/store_steps.hpp"
#include "support/test_files.hpp"

namespace store_support {

using testing_support::AppServer;
using testing_support::Browser;
using testing_support::HttpResponse;

inline long long insert_category(AppServer& server, const std::string& name, const std::string& slug, bool active = true) {
  auto sql = server.database().lease();
  int flag = active ? 1 : 0;
  *sql << "INSERT INTO categories (name, slug, active, created_at, updated_at) "
          "VALUES (:n, :s, :a, '2026-01-01 10:00:00', '2026-01-01 10:00:00')",
      soci::use(name), soci::use(slug), soci::use(flag);
  long long id = server.database().last_insert_id(*sql, "categories");
  testing_support::note_catalog_write(server, *sql);
  return id;
}

struct ProductSpec {
  std::string name;
  std::string slug;
  long long price_cents = 100000;
  int stock = 5;
  bool featured = false;
  bool active = true;
  std::string brand = "Genérica";
};

inline long long insert_product(AppServer& server, long long category_id, const ProductSpec& spec) {
  auto sql = server.database().lease();
  int featured = spec.featured ? 1 : 0, active = spec.active ? 1 : 0, stock = spec.stock;
  long long price = spec.price_cents;
  *sql << "INSERT INTO products (category_id, name, slug, brand, quality, price, stock, short_description, description, "
          "featured, active, created_at, updated_at) VALUES (:c, :n, :s, :b, 'premium', :p, :st, 'Corta', 'Larga', "
          ":f, :a, '2026-01-01 10:00:00', '2026-01-01 10:00:00')",
      soci::use(category_id), soci::use(spec.name), soci::use(spec.slug), soci::use(spec.brand), soci::use(price),
      soci::use(stock), soci::use(featured), soci::use(active);
  long long id = server.database().last_insert_id(*sql, "products");
  testing_support::note_catalog_write(server, *sql);
  return id;
}

// Plain SQL as another node would write it (a catalog write then bumps the version as that node's application would).
inline void execute(AppServer& server, const std::string& statement) {
  server.database().lease()->once << statement;
  testing_support::note_catalog_write(server);
}

inline long long stock_of(AppServer& server, long long product_id) {
  return testing_support::scalar(server, "SELECT stock FROM products WHERE id = " + std::to_string(product_id));
}

// The shopper steps shared with the fault suite (support/store_steps.hpp).
using testing_support::add_to_cart;
using testing_support::token_for;

inline HttpResponse update_cart(Browser& browser, const std::string& token, long long product_id,
                                const std::string& quantity, const std::map<std::string, std::string>& headers = {}) {
  return browser.post("/carrito/actualizar/" + std::to_string(product_id), {{"_token", token}, {"quantity", quantity}},
                      headers);
}

// Position of `needle` in `text` after `from` (npos when missing): for "A is listed before B".
inline std::size_t position_after(const std::string& text, const std::string& needle, const std::string& from) {
  std::size_t start = text.find(from);
  if (start == std::string::npos) return std::string::npos;
  return text.find(needle, start);
}

// Every _token value of a page (all forms of one page carry the same one).
inline std::set<std::string> tokens_in(const std::string& html) {
  std::set<std::string> tokens;
  std::regex input(R"re(name="_token" value="([^"]*)")re");
  for (std::sregex_iterator it(html.begin(), html.end(), input), end; it != end; ++it) tokens.insert((*it)[1]);
  return tokens;
}

inline const std::map<std::string, std::string> kJson = {{"Accept", "application/json"}};

}  // namespace store_support
