// Back-office handlers (docs/domain/store.md, accounts.md "Users admin"): categories, products and their bulk actions,
// users, business settings, brand assets, mail templates. Every route is Access::kAdmin (routes.cpp).
#pragma once

#include "http/message.hpp"

namespace web {
class Context;
}

namespace routes::back_office {

// categories.cpp
http::Response categories_index(web::Context& context);
http::Response categories_create(web::Context& context);
http::Response categories_store(web::Context& context);
http::Response categories_edit(web::Context& context);
http::Response categories_update(web::Context& context);
http::Response categories_destroy(web::Context& context);
http::Response categories_toggle_active(web::Context& context);

// products.cpp
http::Response products_index(web::Context& context);
http::Response products_create(web::Context& context);
http::Response products_store(web::Context& context);
http::Response products_edit(web::Context& context);
http::Response products_update(web::Context& context);
http::Response products_destroy(web::Context& context);

// product_actions.cpp (quick actions from the list: toggles, stock, bulk)
http::Response products_toggle_active(web::Context& context);
http::Response products_toggle_featured(web::Context& context);
http::Response products_update_stock(web::Context& context);
http::Response products_bulk(web::Context& context);

// users.cpp
http::Response users_index(web::Context& context);
http::Response users_show(web::Context& context);
http::Response users_update_role(web::Context& context);

// settings.cpp
http::Response settings_index(web::Context& context);
http::Response settings_update(web::Context& context);

// brand_assets.cpp
http::Response brand_assets_index(web::Context& context);
http::Response brand_assets_update(web::Context& context);
http::Response brand_assets_reset(web::Context& context);

// mails.cpp (editable mail templates)
http::Response mails_index(web::Context& context);
http::Response mails_edit(web::Context& context);
http::Response mails_preview(web::Context& context);
http::Response mails_update(web::Context& context);
http::Response mails_reset(web::Context& context);

}  // namespace routes::back_office
