// The list's query string as a warranty::IncidentFilter, shared by the page and its CSV so both show the same
// incidents: status, source_type, supplier_id, desde / hasta (local dates, APP_TIMEZONE, both inclusive), q, page.
// Unknown values are ignored (the filter falls back to "any"); a malformed date is reported, not guessed.
#pragma once

#include <string>

#include "domain/warranty/incident_list.hpp"

namespace web {
class Context;
}

namespace routes::warranty_admin {

struct ListQuery {
  warranty::IncidentFilter filter;
  std::string status, source_type, supplier_id, from, to, q;  // as typed, for re-filling the form
  std::string date_error;                                     // Spanish message, "" when the dates are fine
  bool filtered = false;                                      // any filter besides the page
};

ListQuery parse_list_query(const web::Context& context);

}  // namespace routes::warranty_admin
