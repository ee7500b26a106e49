// Customer-facing repair handlers: the signed status link, the signed quote approval and /mis-reparaciones.
// (The public lookup /reparacion lives in src/routes/public/repair_lookup.cpp.)
#pragma once

#include "http/message.hpp"

namespace web {
class Context;
}

namespace routes {

// status_link.cpp: GET /reparacion/estado/{repair}?expires=…&signature=… (public, signed)
http::Response show_repair_status_link(web::Context& context);

// quote_approval.cpp: GET /reparacion/{repair}/presupuesto, POST …/aprobar and …/rechazar (public, signed)
http::Response show_repair_quote(web::Context& context);
http::Response approve_repair_quote(web::Context& context);
http::Response reject_repair_quote(web::Context& context);

// my_repairs.cpp: GET /mis-reparaciones and /mis-reparaciones/{repair} (signed-in customers)
http::Response my_repairs(web::Context& context);
http::Response my_repair(web::Context& context);

}  // namespace routes
