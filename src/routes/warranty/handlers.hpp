// Warranty registry handlers (/admin/garantias, docs/domain/warranty.md). Every route is Access::kAdmin (routes.cpp).
#pragma once

#include "http/message.hpp"

namespace web {
class Context;
}

namespace routes::warranty_admin {

// list.cpp: the list with filters, totals and top suppliers; the CSV of the same filter
http::Response index(web::Context& context);
http::Response export_csv(web::Context& context);

// form.cpp: create and edit
http::Response create(web::Context& context);
http::Response store(web::Context& context);
http::Response edit(web::Context& context);
http::Response update(web::Context& context);

// status.cpp: close and reopen
http::Response close(web::Context& context);
http::Response reopen(web::Context& context);

}  // namespace routes::warranty_admin
