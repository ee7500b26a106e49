// Quote approval links (see quote_approval.hpp).
#include "domain/repairs/quote_approval.hpp"

#include "core/clock.hpp"
#include "core/strings.hpp"
#include "db/database.hpp"
#include "web/signed_url.hpp"

namespace repairs {

std::string quote_approval_path(long long repair_id, QuoteAction action) {
  std::string path = "/reparacion/" + std::to_string(repair_id) + "/presupuesto";
  if (action == QuoteAction::kApprove) path += "/aprobar";
  if (action == QuoteAction::kReject) path += "/rechazar";
  return path;
}

std::string signed_quote_path(const std::string& app_key, long long repair_id, QuoteAction action,
                              std::int64_t expires_unix) {
  return web::sign_url(quote_approval_path(repair_id, action), expires_unix, app_key);
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

QuoteDecision decide_quote(db::Database& database, long long repair_id, bool approve) {
  QuoteDecision decision;
  decision.to = approve ? RepairStatus::kRepairing : RepairStatus::kCancelled;
  decision.comment = approve ? kQuoteApprovedComment : kQuoteRejectedComment;
  // Only from waiting_approval (both targets are allowed from there by the status machine, §3.2): the
  // conditional UPDATE is the guard, so two clicks at once change the repair once and write one history row.
  std::string to(status_key(decision.to)), now = core::utc_now_sql();
  auto sql = database.lease();
  db::Transaction transaction(*sql, database.dialect());
  soci::statement update = (sql->prepare << "UPDATE repairs SET status = :to, updated_at = :now WHERE id = :id "
                                            "AND status = 'waiting_approval'",
                            soci::use(to), soci::use(now), soci::use(repair_id));
  update.execute(true);
  if (update.get_affected_rows() == 0) {
    int exists = 0;
    *sql << "SELECT COUNT(*) FROM repairs WHERE id = :id", soci::use(repair_id), soci::into(exists);
    decision.outcome = exists ? QuoteDecisionOutcome::kNotWaiting : QuoteDecisionOutcome::kNotFound;
    if (exists) decision.message = kQuoteNotWaitingMessage;
    return decision;
  }
  *sql << "INSERT INTO repair_status_histories (repair_id, from_status, to_status, changed_by, changed_at, comment) "
          "VALUES (:id, 'waiting_approval', :to, NULL, :at, :comment)",
      soci::use(repair_id), soci::use(to), soci::use(now), soci::use(decision.comment);
  transaction.commit();
  decision.outcome = QuoteDecisionOutcome::kDecided;
  decision.message = approve ? kQuoteApprovedMessage : kQuoteRejectedMessage;
  return decision;
}

}  // namespace repairs
