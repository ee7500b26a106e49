// The quote block of the customer's status pages (the /reparacion lookup result, the signed status link and
// /mis-reparaciones/{id}): while a repair waits for approval the customer sees the amount and can approve or
// reject right there, instead of hitting a dead end. The forms post to the quote page's own signed routes (quote_approval.cpp), so the rules are
// the quote page's: HMAC-signed path + expiry, decision through repairs::decide_quote (only from
// waiting_approval, once), audit entry, redirect to the quote page with the outcome.
#pragma once

#include <cstdint>

#include "web/views.hpp"

namespace web {
class Context;
}

namespace routes {

// Adds the QUOTE section (PRICE, APPROVE_ACTION, REJECT_ACTION) to `repair_dict` when repair `repair_id` is waiting
// for approval (reads it with repairs::read_quote, the quote page's read). The forms expire at `expires_unix`:
// the signed status link passes its own expiry (the forms die with the link), the lookup a fresh quote lifetime.
// Blocking (SQL).
void add_pending_quote(web::Dict repair_dict, const web::Context& context, long long repair_id,
                       std::int64_t expires_unix);

}  // namespace routes
