// Rows for back-office tests: categories, products and a sold order item, written straight to the database.
#pragma once

#include <string>

#include "app_server.hpp"
#include "catalog_writes.hpp"

namespace testing_support {

long long insert_category(AppServer& server, const std::string& name, const std::string& slug, bool active = true);
long long insert_product(AppServer& server, long long category_id, const std::string& name, const std::string& slug,
                         long long price_centavos = 100000, long long stock = 5, bool active = true);
// An order of `user_id` with one item of `product_id` (so the product counts as sold).
long long insert_sold_item(AppServer& server, long long user_id, long long product_id);

}  // namespace testing_support
