// Counter (issue 21): quick sale at the shop counter, the sales history with its sale page, ticket and void, and the
// stock ledger's movements page. Every route is Access::kAdmin (routes.cpp).
#pragma once

#include "http/message.hpp"

namespace web {
class Context;
}

namespace routes::counter {

// sale_form.cpp: /admin/venta-rapida (GET the form, POST adds a scanned line, searches or confirms)
http::Response sale_form(web::Context& context);
http::Response sale_post(web::Context& context);

// sales.cpp: /admin/ventas history, one sale, its 80 mm ticket, void
http::Response sales_index(web::Context& context);
http::Response sales_show(web::Context& context);
http::Response sales_ticket(web::Context& context);
http::Response sales_void(web::Context& context);

// stock_movements.cpp: /admin/stock
http::Response stock_index(web::Context& context);

}  // namespace routes::counter
