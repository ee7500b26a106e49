// Handlers of the insights area (admin audit log viewer and CSV exports). The dashboard handler itself is
// routes::admin_dashboard (src/routes/admin/dashboard.cpp), registered in the platform's route table.
#pragma once

#include "http/message.hpp"

namespace web {
class Context;
}

namespace routes {

// audit_viewer.cpp
http::Response show_audit_log(web::Context& context);

// export.cpp
http::Response export_csv(web::Context& context);

}  // namespace routes
