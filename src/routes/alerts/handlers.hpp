// Handlers of the alerts area: the alert centre (/admin/alertas) and the KPI report settings
// (/admin/configuracion/reportes). docs/domain/alerts.md.
#pragma once

#include "http/message.hpp"

namespace web {
class Context;
}

namespace routes::alerts_area {

// alert_centre.cpp
http::Response alerts_index(web::Context& context);
http::Response alerts_mark_seen(web::Context& context);

// report_settings.cpp
http::Response report_settings_index(web::Context& context);
http::Response report_settings_update(web::Context& context);
http::Response report_send_now(web::Context& context);

}  // namespace routes::alerts_area
