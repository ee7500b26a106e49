// Public repair lookup: GET /reparacion (form) and POST /reparacion (result), docs/domain/repairs.md
// "Public lookup". POST is throttled per client IP (`repair-lookup`, RATE_LIMIT_REPAIR_LOOKUP_PER_MINUTE);
// past the limit the Spanish 429 page with Retry-After. Code + phone prove the customer as well as the quote link
// does, so a repair waiting for approval shows the amount and the Approve / Reject forms (pending_quote.hpp).
#include <string>

#include "core/clock.hpp"
#include "core/config.hpp"
#include "domain/repairs/quote_approval.hpp"
#include "domain/repairs/repair_lookup.hpp"
#include "infra/rate_limiter.hpp"
#include "routes/handlers.hpp"
#include "routes/repair_public/pending_quote.hpp"
#include "routes/repair_public/repair_view.hpp"
#include "web/context.hpp"
#include "web/render.hpp"

namespace routes {

http::Response show_repair_lookup(web::Context& context) {
  web::View view("pages/repairs/lookup.tpl", "Consultar reparación");
  // With nothing typed before and nobody signed in, the form is the same for everyone (the token is spliced in
  // per visitor), so its body is cached and an anonymous visitor's whole page can be kept (web/guest_pages.hpp).
  const bool plain = !context.user && context.old_input.fields().empty() && context.errors.empty();
  if (plain && web::use_cached_page(context, view, "repair-lookup-form")) return web::render(context, view);
  auto dict = view.dict();
  dict.set("OLD_CODE", context.old("code"));
  dict.set("OLD_PHONE", context.old("phone"));
  dict.show_if(context.errors.has("code"), "ERROR_CODE");
  dict.show_if(context.errors.has("phone"), "ERROR_PHONE");
  dict.show_if(context.user.has_value(), "LOGGED_IN");
  return web::render(context, view);
}

http::Response repair_lookup(web::Context& context) {
  int per_minute = static_cast<int>(context.services.config.integer("RATE_LIMIT_REPAIR_LOOKUP_PER_MINUTE"));
  auto hit = context.services.limiter.hit("repair-lookup", context.client_ip, per_minute);
  if (!hit.allowed) {
    auto response = web::error_page(context.services, &context, 429);
    response.set_header("Retry-After", std::to_string(hit.retry_after_seconds));
    return response;
  }

  repairs::RepairLookupRepository repository(context.services.database);
  auto result = repairs::lookup_repair(repository, context.input.value("code"), context.input.value("phone"));
  if (!result.found()) return context.back_with_errors(result.errors, {}, "/reparacion");

  web::View view("pages/repairs/lookup_result.tpl", "Resultado reparación");
  auto dict = view.dict();
  auto repair_dict = dict.add("REPAIR");
  fill_lookup_result(repair_dict, context.services.templates, *result.repair);
  if (result.repair->status == repairs::RepairStatus::kWaitingApproval)
    add_pending_quote(repair_dict, context, result.repair->id,
                      core::unix_now() + repairs::kQuoteApprovalLifetimeSeconds);
  dict.show_if(context.user.has_value(), "LOGGED_IN");
  return web::render(context, view);
}

}  // namespace routes
