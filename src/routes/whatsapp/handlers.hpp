// WhatsApp handlers: the templates pages (repairs and orders) and the repair send-and-log actions.
// Order send-and-log routes belong to the orders area, which calls domain/notify the same way.
#pragma once

#include "http/message.hpp"

namespace web {
class Context;
}

namespace routes {

// templates_admin.cpp: GET/POST /admin/whatsapp and /admin/whatsapp-pedidos (docs/domain/whatsapp.md "Templates")
http::Response show_repair_whatsapp_templates(web::Context& context);
http::Response save_repair_whatsapp_templates(web::Context& context);
http::Response show_order_whatsapp_templates(web::Context& context);
http::Response save_order_whatsapp_templates(web::Context& context);

// repair_whatsapp.cpp: POST /admin/reparaciones/{repair}/whatsapp and /whatsapp-ajax (docs/domain/whatsapp.md)
http::Response log_repair_whatsapp(web::Context& context);
http::Response log_repair_whatsapp_ajax(web::Context& context);

}  // namespace routes
