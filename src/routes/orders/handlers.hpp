// Handlers of the orders area: the customer's /mis-pedidos pages and the admin /admin/pedidos workflow
// (list, detail, status change, WhatsApp log, print sheet and ticket). Routes in routes.cpp of this folder.
#pragma once

#include "http/message.hpp"

namespace web {
class Context;
}

namespace routes {

// customer_orders.cpp
http::Response my_orders(web::Context& context);
http::Response my_order(web::Context& context);

// admin_orders.cpp
http::Response admin_orders_index(web::Context& context);

// admin_order.cpp
http::Response admin_order_show(web::Context& context);
http::Response admin_order_update_status(web::Context& context);

// admin_order_whatsapp.cpp
http::Response admin_order_whatsapp_log(web::Context& context);
http::Response admin_order_whatsapp_log_ajax(web::Context& context);

// admin_order_print.cpp
http::Response admin_order_print(web::Context& context);
http::Response admin_order_ticket(web::Context& context);

}  // namespace routes
