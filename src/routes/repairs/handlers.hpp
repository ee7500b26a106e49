// Admin repair handlers (docs/domain/repairs.md, docs/domain/ui-contract.md "Admin repairs"). Every route is
// Access::kAdmin (routes.cpp).
#pragma once

#include "http/message.hpp"

namespace web {
class Context;
}

namespace routes {

// list.cpp
http::Response admin_repairs_index(web::Context& context);
// intake.cpp
http::Response admin_repairs_create(web::Context& context);
http::Response admin_repairs_store(web::Context& context);
// parts.cpp: "Agregar repuesto" (apply a part from stock) and removing one (stock returned)
http::Response admin_repairs_parts_add(web::Context& context);
http::Response admin_repairs_parts_remove(web::Context& context);
// detail.cpp
http::Response admin_repairs_show(web::Context& context);
http::Response admin_repairs_update(web::Context& context);
// status.cpp
http::Response admin_repairs_update_status(web::Context& context);
// delivery.cpp
http::Response admin_repairs_collect_and_deliver(web::Context& context);
// print.cpp
http::Response admin_repairs_print(web::Context& context);
http::Response admin_repairs_ticket(web::Context& context);

}  // namespace routes
