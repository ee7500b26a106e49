// What a shopper does through the store pages, shared by the integration and fault suites: read a page's CSRF
// token, add to the cart, read the one-time checkout token of the checkout page.
#pragma once

#include <map>
#include <string>

#include "browser.hpp"

namespace testing_support {

// A page's CSRF token for this browser (guests: the signed cookie token; users: the session token). Read from
// the repair lookup form, which every visitor sees with a form whatever the catalog holds (the store page has
// forms only while some product is listed) and which (unlike /carrito) never re-syncs the cart.
std::string token_for(Browser& browser);

HttpResponse add_to_cart(Browser& browser, const std::string& token, long long product_id,
                         const std::string& quantity = "1", const std::map<std::string, std::string>& headers = {});

// The hidden checkout_token of a checkout page ("" when absent).
std::string checkout_token_in(const std::string& html);

}  // namespace testing_support
