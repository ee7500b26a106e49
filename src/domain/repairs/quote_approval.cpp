// Quote approval links (see quote_approval.hpp).
#include "domain/repairs/quote_approval.hpp"

#include "core/clock.hpp"
#include "core/strings.hpp"
#include "db/database.hpp"
#include "domain/repairs/status_change.hpp"
#include "core/signed_link.hpp"

namespace repairs {

std::string quote_approval_path(long long repair_id, QuoteAction action) {
  std::string path = "/reparacion/" + std::to_string(repair_id) + "/presupuesto";
  if (action == QuoteAction::kApprove) path += "/aprobar";
  if (action == QuoteAction::kReject) path += "/rechazar";
  return path;
}

std::string signed_quote_path(const std::string& app_key, long long repair_id, QuoteAction action,
                              std::int64_t expires_unix) {
  return core::sign_url(quote_approval_path(repair_id, action), expires_unix, app_key);
}

std::string quote_approval_url(const std::string& base_url, const std::string& app_key, long long repair_id) {
  return quote_approval_url(base_url, app_key, repair_id, core::unix_now() + kQuoteApprovalLifetimeSeconds);
}

std::string quote_approval_url(const std::string& base_url, const std::string& app_key, long long repair_id,
                               std::int64_t expires_unix) {
  std::string base = base_url;
  while (!base.empty() && base.back() == '/') base.pop_back();
  return base + signed_quote_path(app_key, repair_id, QuoteAction::kShow, expires_unix);
}

namespace {
std::string or_empty(const std::string& value, soci::indicator indicator) {
  return indicator == soci::i_ok ? value : std::string();
}
}  // namespace

std::optional<QuoteView> read_quote(db::Database& database, long long repair_id) {
  auto sql = database.lease();
  QuoteView view;
  view.id = repair_id;
  std::string code, brand, model, diagnosis;
  long long price = 0;
  soci::indicator code_ind, brand_ind, model_ind, diagnosis_ind, price_ind;
  *sql << "SELECT code, status, customer_name, device_brand, device_model, issue_reported, diagnosis, final_price "
          "FROM repairs WHERE id = :id",
      soci::use(repair_id), soci::into(code, code_ind), soci::into(view.status_key), soci::into(view.customer_name),
      soci::into(brand, brand_ind), soci::into(model, model_ind), soci::into(view.issue_reported),
      soci::into(diagnosis, diagnosis_ind), soci::into(price, price_ind);
  if (!sql->got_data()) return std::nullopt;
  view.code = or_empty(code, code_ind);
  view.status = parse_status(view.status_key);
  view.device = core::trim(or_empty(brand, brand_ind) + " " + or_empty(model, model_ind));
  view.diagnosis = or_empty(diagnosis, diagnosis_ind);
  if (price_ind == soci::i_ok) view.final_price_cents = price;

  std::string to_status, changed_at;
  *sql << "SELECT to_status, changed_at FROM repair_status_histories WHERE repair_id = :id "
          "AND from_status = 'waiting_approval' AND changed_by IS NULL AND to_status IN ('repairing', 'cancelled') "
          "ORDER BY changed_at DESC, id DESC LIMIT 1",
      soci::use(repair_id), soci::into(to_status), soci::into(changed_at);
  if (sql->got_data()) view.decision = CustomerQuoteDecision{to_status == "repairing", changed_at};
  return view;
}

QuoteDecision decide_quote(db::Tx& tx, long long repair_id, bool approve) {
  QuoteDecision decision;
  decision.to = approve ? RepairStatus::kRepairing : RepairStatus::kCancelled;
  decision.comment = approve ? kQuoteApprovedComment : kQuoteRejectedComment;
  auto change =
      change_repair_status(tx, repair_id, decision.to, std::nullopt, decision.comment, RepairStatus::kWaitingApproval);
  switch (change.outcome) {
    case StatusChangeOutcome::kChanged:
      decision.outcome = QuoteDecisionOutcome::kDecided;
      decision.message = approve ? kQuoteApprovedMessage : kQuoteRejectedMessage;
      break;
    case StatusChangeOutcome::kNotFound:
      decision.outcome = QuoteDecisionOutcome::kNotFound;
      break;
    default:  // unchanged, refused or conflict: the repair is no longer waiting for the customer
      decision.outcome = QuoteDecisionOutcome::kNotWaiting;
      decision.message = kQuoteNotWaitingMessage;
  }
  return decision;
}

}  // namespace repairs
