// Shared bits of the warranty pages (see view_helpers.hpp).
#include "routes/warranty/view_helpers.hpp"

namespace routes::warranty_admin {

std::string source_url(const warranty::Incident& incident) {
  using warranty::SourceType;
  switch (incident.source_type) {
    case SourceType::kRepair:
      return incident.repair_id ? "/admin/reparaciones/" + std::to_string(*incident.repair_id) : "";
    case SourceType::kProduct:
      return incident.product_id ? "/admin/productos/" + std::to_string(*incident.product_id) + "/editar" : "";
    case SourceType::kCounterSale:  // the counter sale pages of issue 21 item 3
      return incident.counter_sale_id ? "/admin/ventas/" + std::to_string(*incident.counter_sale_id) : "";
  }
  return "";
}

const char* status_class(bool open) { return open ? "badge-amber" : "badge-emerald"; }
const char* status_label(bool open) { return open ? "Abierta" : "Cerrada"; }

std::string local_day_label(const std::string& date) {
  if (date.size() != 10 || date[4] != '-' || date[7] != '-') return date;
  return date.substr(8, 2) + "/" + date.substr(5, 2) + "/" + date.substr(0, 4);
}

}  // namespace routes::warranty_admin
