// Store handlers (catalog, cart, checkout, thank-you), registered by routes.cpp in this folder.
#pragma once

#include "http/message.hpp"

namespace web {
class Context;
}

namespace routes {

// catalog_pages.cpp
http::Response store_index(web::Context& context);
http::Response store_category(web::Context& context);
http::Response store_product(web::Context& context);
http::Response site_manifest(web::Context& context);

// cart_pages.cpp
http::Response show_cart(web::Context& context);
http::Response cart_add(web::Context& context);
http::Response cart_update(web::Context& context);
http::Response cart_remove(web::Context& context);
http::Response cart_clear(web::Context& context);

// checkout_pages.cpp
http::Response show_checkout(web::Context& context);
http::Response confirm_checkout(web::Context& context);
http::Response order_thankyou(web::Context& context);

}  // namespace routes
