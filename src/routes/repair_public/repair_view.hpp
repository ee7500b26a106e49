// Pieces of the customer-facing repair pages shared by the lookup result, the signed status link, the quote page
// and /mis-reparaciones: badge classes, the status hints and the progress stepper.
#pragma once

#include <string_view>

#include "domain/repairs/repair_lookup.hpp"
#include "domain/repairs/status.hpp"
#include "web/views.hpp"

namespace routes {

// Short hint of the public lookup (docs/domain/repairs.md "Customer messages per status"): "Recibido en el taller.", …
std::string_view lookup_status_hint(repairs::RepairStatus status);
// Longer hint of the customer area (same table): "Recibimos tu equipo. En breve empezamos el diagnóstico.", …
std::string_view customer_status_hint(repairs::RepairStatus status);
// Badge class of a status ("badge-amber" for waiting_approval, …).
std::string_view status_badge_class(repairs::RepairStatus status);
// Adds the STEPPER section (hidden when cancelled) to `dict`, its items in STEPS (raw markup).
void add_stepper(web::Dict dict, const web::TemplateEngine& templates, repairs::RepairStatus status);
// Fills the REPAIR section of pages/repairs/lookup_result.tpl.
void fill_lookup_result(web::Dict dict, const web::TemplateEngine& templates, const repairs::PublicRepairStatus& repair);

}  // namespace routes
