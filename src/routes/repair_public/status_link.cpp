// Signed status link (domain/repairs/status_link.hpp): the same answer as a successful /reparacion lookup —
// code, status, stepper, device, issue, diagnosis, last update; never name, phone, costs or notes. While a quote
// waits, the quoted amount and the Approve / Reject forms (pending_quote.hpp), expiring with this link.
#include "core/clock.hpp"
#include "core/errors.hpp"
#include "domain/repairs/status_link.hpp"
#include "domain/repairs/repair_lookup.hpp"
#include "routes/repair_public/handlers.hpp"
#include "routes/repair_public/pending_quote.hpp"
#include "routes/repair_public/repair_view.hpp"
#include "routes/repair_public/signed_request.hpp"
#include "web/context.hpp"
#include "web/render.hpp"

namespace routes {

http::Response show_repair_status_link(web::Context& context) {
  // The signature first: an unsigned probe learns nothing, not even whether the id exists.
  require_signed(context);
  auto repair_id = repair_param(context);
  if (!repair_id) throw core::not_found();
  auto repair = repairs::RepairLookupRepository(context.services.database).find_by_id(*repair_id);
  if (!repair) throw core::not_found();

  web::View view("pages/repairs/lookup_result.tpl", "Estado de tu reparación");
  auto dict = view.dict();
  auto repair_dict = dict.add("REPAIR");
  fill_lookup_result(repair_dict, context.services.templates, *repair);
  if (repair->status == repairs::RepairStatus::kWaitingApproval)
    add_pending_quote(repair_dict, context, *repair_id,
                      signed_expiry(context, core::unix_now() + repairs::kStatusLinkLifetimeSeconds));
  dict.show_if(context.user.has_value(), "LOGGED_IN");
  return web::render(context, view);
}

}  // namespace routes
