// Small pieces the warranty pages share: where an incident's source lives in the admin, its status badge, and
// local dates as the shop reads them.
#pragma once

#include <string>

#include "domain/warranty/incidents.hpp"

namespace routes::warranty_admin {

// The admin page of the incident's source ("" when the record is gone).
std::string source_url(const warranty::Incident& incident);
// "badge-amber" / "badge-emerald" and "Abierta" / "Cerrada".
const char* status_class(bool open);
const char* status_label(bool open);
// "2026-12-07" → "07/12/2026" (anything else unchanged).
std::string local_day_label(const std::string& date);

}  // namespace routes::warranty_admin
