// Signed quote approval (docs/domain/repairs.md "Quote approval"):
//   GET  /reparacion/{id}/presupuesto?expires&signature           the quote; while waiting_approval two forms
//   POST /reparacion/{id}/presupuesto/{aprobar|rechazar}?expires&signature (same expiry as the page's link)
// A decision goes through repairs::change_repair_status (changed_by null, only from waiting_approval), writes
// the audit entry `public.repair.quote_decision` with a null actor and the IP, and redirects (302) to the page,
// signed with the original expiry. A second click changes nothing and shows the decision already taken.
#include <string>

#include "core/clock.hpp"
#include "core/config.hpp"
#include "core/errors.hpp"
#include "core/money.hpp"
#include "db/unit_of_work.hpp"
#include "domain/audit/audit_log.hpp"
#include "domain/repairs/quote_approval.hpp"
#include "routes/repair_public/handlers.hpp"
#include "routes/repair_public/repair_view.hpp"
#include "routes/repair_public/signed_request.hpp"
#include "web/context.hpp"
#include "web/render.hpp"

namespace routes {

namespace {

constexpr const char* kNoticeFlash = "quote_notice";  // "no longer waiting" (not a success, not a field error)

void audit_decision(db::Tx& tx, web::Context& context, long long repair_id, const repairs::QuoteDecision& decision) {
  if (!context.services.audit_log) return;
  audit::AuditEntry entry;
  entry.event = "public.repair.quote_decision";
  // actor_id / actor_role stay null: the customer acts through the link, even if signed in as someone.
  entry.subject_type = "App\\Models\\Repair";
  entry.subject_id = repair_id;
  entry.ip_address = context.client_ip;
  entry.user_agent = std::string(context.request.header("user-agent"));
  entry.route_name = context.route_name;
  entry.http_method = context.method;
  entry.metadata = {{"to_status", std::string(repairs::status_key(decision.to))}, {"comment", decision.comment}};
  context.services.audit_log->append(tx, entry);
}

http::Response decide(web::Context& context, bool approve) {
  require_signed(context);
  auto repair_id = repair_param(context);
  if (!repair_id) throw core::not_found();
  // One unit of work: the decision (status + history) and its audit entry commit together.
  auto decision = db::write(context.services.database, [&](db::Tx& tx) {
    auto decided = repairs::decide_quote(tx, *repair_id, approve);
    if (decided.outcome == repairs::QuoteDecisionOutcome::kDecided) audit_decision(tx, context, *repair_id, decided);
    return decided;
  });
  if (decision.outcome == repairs::QuoteDecisionOutcome::kNotFound)
    throw core::not_found();
  if (decision.outcome == repairs::QuoteDecisionOutcome::kDecided) {
    context.flash_next("success", decision.message);
  } else {
    context.flash_next(kNoticeFlash, decision.message);
  }
  std::int64_t expires = signed_expiry(context, core::unix_now() + repairs::kQuoteApprovalLifetimeSeconds);
  return http::Response::redirect(
      repairs::signed_quote_path(context.services.app_key, *repair_id, repairs::QuoteAction::kShow, expires), 302);
}

}  // namespace

http::Response show_repair_quote(web::Context& context) {
  require_signed(context);
  auto repair_id = repair_param(context);
  if (!repair_id) throw core::not_found();
  auto quote = repairs::read_quote(context.services.database, *repair_id);
  if (!quote) throw core::not_found();

  web::View view("pages/repairs/quote_approval.tpl", "Aprobación de presupuesto");
  view.suppress_global_alerts = true;  // the card shows the flash itself (the reference printed it twice)
  auto dict = view.dict();
  dict.set("CODE", quote->code);
  dict.set("STATUS_KEY", quote->status_key);
  dict.set("STATUS_LABEL", quote->status ? std::string(repairs::status_label(*quote->status)) : quote->status_key);
  dict.set("CUSTOMER_NAME", quote->customer_name);
  dict.set("DEVICE", quote->device.empty() ? "—" : quote->device);
  dict.set("ISSUE", quote->issue_reported);
  dict.set("PRICE", quote->final_price_cents ? core::format_ars(*quote->final_price_cents) : "A confirmar");
  if (!quote->diagnosis.empty()) dict.add("DIAGNOSIS").set("TEXT", quote->diagnosis);
  if (auto success = context.flash.find("success"); success != context.flash.end() && !success->second.empty())
    dict.add("FLASH_SUCCESS").set("MESSAGE", success->second);
  if (auto notice = context.flash.find(kNoticeFlash); notice != context.flash.end() && !notice->second.empty())
    dict.add("FLASH_NOTICE").set("MESSAGE", notice->second);

  if (quote->status == repairs::RepairStatus::kWaitingApproval) {
    // The forms expire with the link the customer opened.
    std::int64_t expires = signed_expiry(context, core::unix_now() + repairs::kQuoteApprovalLifetimeSeconds);
    auto waiting = dict.add("WAITING");
    waiting.set("APPROVE_ACTION", repairs::signed_quote_path(context.services.app_key, *repair_id,
                                                             repairs::QuoteAction::kApprove, expires));
    waiting.set("REJECT_ACTION", repairs::signed_quote_path(context.services.app_key, *repair_id,
                                                            repairs::QuoteAction::kReject, expires));
  } else {
    auto closed = dict.add("NOT_WAITING");
    closed.set("STATUS_LABEL", quote->status ? std::string(repairs::status_label(*quote->status)) : quote->status_key);
    if (quote->decision) {
      auto decided = closed.add("DECISION");
      decided.set("TEXT", quote->decision->approved ? "Aprobaste el presupuesto" : "Rechazaste el presupuesto");
      decided.set("AT", core::format_local(quote->decision->decided_at));
    }
  }
  return web::render(context, view);
}

http::Response approve_repair_quote(web::Context& context) { return decide(context, true); }
http::Response reject_repair_quote(web::Context& context) { return decide(context, false); }

}  // namespace routes
