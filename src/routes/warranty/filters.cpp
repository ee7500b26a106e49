// Reading the warranty list's query string (see filters.hpp).
#include "routes/warranty/filters.hpp"

#include "core/parse.hpp"
#include "core/strings.hpp"
#include "domain/insights/calendar.hpp"
#include "web/context.hpp"

namespace routes::warranty_admin {

ListQuery parse_list_query(const web::Context& context) {
  ListQuery query;
  const auto& q = context.query;
  query.status = q.value("status");
  query.source_type = q.value("source_type");
  query.supplier_id = q.value("supplier_id");
  query.from = core::trim(q.value("desde"));
  query.to = core::trim(q.value("hasta"));
  query.q = core::trim(q.value("q"));

  auto& filter = query.filter;
  if (query.status == "open" || query.status == "closed") filter.status = query.status;
  filter.source_type = warranty::parse_source_type(query.source_type);
  filter.supplier_id = core::parse_id(query.supplier_id);
  if (!query.from.empty()) {
    if (auto start = insights::local_day_start_utc(query.from)) filter.from_utc = *start;
    else query.date_error = "La fecha \"desde\" no es válida: usá el formato AAAA-MM-DD.";
  }
  if (!query.to.empty()) {
    if (auto end = insights::local_day_end_utc(query.to)) filter.to_utc = *end;
    else query.date_error = "La fecha \"hasta\" no es válida: usá el formato AAAA-MM-DD.";
  }
  filter.q = query.q;
  filter.page = core::parse_page(q.value("page"));
  query.filtered = !filter.status.empty() || filter.source_type || filter.supplier_id || !query.from.empty() ||
                   !query.to.empty() || !query.q.empty();
  return query;
}

}  // namespace routes::warranty_admin
