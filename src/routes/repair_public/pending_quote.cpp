// Quote block of the status page (see pending_quote.hpp).
#include "routes/repair_public/pending_quote.hpp"

#include "core/money.hpp"
#include "domain/repairs/quote_approval.hpp"
#include "web/context.hpp"

namespace routes {

void add_pending_quote(web::Dict repair_dict, const web::Context& context, long long repair_id,
                       std::int64_t expires_unix) {
  auto quote = repairs::read_quote(context.services.database, repair_id);
  if (!quote || quote->status != repairs::RepairStatus::kWaitingApproval) return;
  auto section = repair_dict.add("QUOTE");
  section.set("PRICE", quote->final_price_cents ? core::format_ars(*quote->final_price_cents) : "A confirmar");
  const std::string& key = context.services.app_key;
  section.set("APPROVE_ACTION",
              repairs::signed_quote_path(key, repair_id, repairs::QuoteAction::kApprove, expires_unix));
  section.set("REJECT_ACTION", repairs::signed_quote_path(key, repair_id, repairs::QuoteAction::kReject, expires_unix));
}

}  // namespace routes
