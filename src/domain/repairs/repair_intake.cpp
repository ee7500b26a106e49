// Creating and editing repairs (see repair_intake.hpp).
#include "domain/repairs/repair_intake.hpp"

#include "core/clock.hpp"
#include "db/database.hpp"
#include "db/unit_of_work.hpp"
#include "domain/repairs/status_counts.hpp"

namespace repairs {

namespace {
constexpr const char* kInsertRepair =
    "INSERT INTO repairs (user_id, customer_name, customer_phone, device_type_id, device_brand_id, device_model_id, "
    "device_issue_type_id, issue_detail, repair_type_id, device_brand, device_model, issue_reported, diagnosis, "
    "parts_cost, labor_cost, final_price, paid_amount, payment_method, payment_notes, status, warranty_days, "
    "received_at, delivered_at, notes, quoted_rule_id, quoted_rule_label, quoted_profit, quoted_shipping, "
    "quoted_total, created_at, updated_at) VALUES (:user_id, :customer_name, :customer_phone, :device_type_id, "
    ":device_brand_id, :device_model_id, :device_issue_type_id, :issue_detail, :repair_type_id, :device_brand, "
    ":device_model, :issue_reported, :diagnosis, :parts_cost, :labor_cost, :final_price, :paid_amount, "
    ":payment_method, :payment_notes, :status, :warranty_days, :received_at, :delivered_at, :notes, "
    ":quoted_rule_id, :quoted_rule_label, :quoted_profit, :quoted_shipping, :quoted_total, :created_at, :updated_at)";
constexpr const char* kSetCode = "UPDATE repairs SET code = :code WHERE id = :id";
constexpr const char* kInsertHistory =
    "INSERT INTO repair_status_histories (repair_id, from_status, to_status, changed_by, changed_at, comment) "
    "VALUES (:repair_id, NULL, :to_status, :changed_by, :changed_at, 'Creación de reparación')";
constexpr const char* kUpdateRepair =
    "UPDATE repairs SET user_id = :user_id, customer_name = :customer_name, customer_phone = :customer_phone, "
    "device_type_id = :device_type_id, device_brand_id = :device_brand_id, device_model_id = :device_model_id, "
    "device_issue_type_id = :device_issue_type_id, issue_detail = :issue_detail, device_brand = :device_brand, "
    "device_model = :device_model, issue_reported = :issue_reported, diagnosis = :diagnosis, "
    // The admin's change on top of what the ledger did meanwhile (RepairFormValues::parts_cost_shown), never below 0.
    "parts_cost = CASE WHEN :absolute = 1 THEN :parts_cost WHEN parts_cost + :delta >= 0 THEN parts_cost + :delta2 "
    "ELSE 0 END, "
    "labor_cost = :labor_cost, final_price = :final_price, paid_amount = :paid_amount, "
    "payment_method = :payment_method, payment_notes = :payment_notes, warranty_days = :warranty_days, "
    "notes = :notes, updated_at = :updated_at WHERE id = :id";

// A string column that stores NULL when empty.
struct Text {
  explicit Text(const std::string& text) : value(text), ind(text.empty() ? soci::i_null : soci::i_ok) {}
  std::string value;
  soci::indicator ind;
};
template <typename T>
struct Maybe {
  explicit Maybe(const std::optional<T>& optional)
      : value(optional.value_or(T{})), ind(optional ? soci::i_ok : soci::i_null) {}
  T value;
  soci::indicator ind;
};
}  // namespace

std::string make_repair_code(const std::string& local_yyyymmdd, long long id) {
  std::string number = std::to_string(id);
  if (number.size() < 5) number.insert(0, 5 - number.size(), '0');
  return "R-" + local_yyyymmdd + "-" + number;
}

long long create_repair(db::Tx& tx, const RepairFormValues& v, long long admin_id, const QuoteSnapshot& quote) {
  soci::session* sql = &tx.sql();
  std::string now = core::utc_now_sql();
  std::string status(status_key(v.status));
  Maybe<long long> user_id(v.user_id), rule_id(quote.rule_id);
  Maybe<long long> final_price(v.final_price), profit(quote.profit), shipping(quote.shipping), total(quote.total);
  Text detail(v.issue_detail), diagnosis(v.diagnosis), method(v.payment_method), payment_notes(v.payment_notes),
      notes(v.notes), rule_label(quote.rule_label), brand(v.device_brand), model(v.device_model);
  Text delivered(v.status == RepairStatus::kDelivered ? now : std::string());
  std::string issue_reported = v.issue_reported();
  long long parts = v.parts_cost, labor = v.labor_cost, paid = v.paid_amount;
  *sql << kInsertRepair, soci::use(user_id.value, user_id.ind), soci::use(v.customer_name),
      soci::use(v.customer_phone), soci::use(v.device_type_id), soci::use(v.device_brand_id),
      soci::use(v.device_model_id), soci::use(v.device_issue_type_id), soci::use(detail.value, detail.ind),
      soci::use(v.repair_type_id), soci::use(brand.value, brand.ind), soci::use(model.value, model.ind),
      soci::use(issue_reported), soci::use(diagnosis.value, diagnosis.ind), soci::use(parts), soci::use(labor),
      soci::use(final_price.value, final_price.ind), soci::use(paid), soci::use(method.value, method.ind),
      soci::use(payment_notes.value, payment_notes.ind), soci::use(status), soci::use(v.warranty_days),
      soci::use(now), soci::use(delivered.value, delivered.ind), soci::use(notes.value, notes.ind),
      soci::use(rule_id.value, rule_id.ind), soci::use(rule_label.value, rule_label.ind),
      soci::use(profit.value, profit.ind), soci::use(shipping.value, shipping.ind), soci::use(total.value, total.ind),
      soci::use(now), soci::use(now);
  long long id = tx.last_insert_id("repairs");
  std::string code = make_repair_code(core::format_local(now, "%Y%m%d"), id);
  *sql << kSetCode, soci::use(code), soci::use(id);
  *sql << kInsertHistory, soci::use(id), soci::use(status), soci::use(admin_id), soci::use(now);
  note_status_counts_changed_after_commit(*sql);
  return id;
}

bool update_repair(db::Tx& tx, long long id, const RepairFormValues& v) {
  soci::session* sql = &tx.sql();
  long long current_user = 0;
  soci::indicator current_user_ind = soci::i_null;
  *sql << "SELECT user_id FROM repairs WHERE id = :id", soci::use(id), soci::into(current_user, current_user_ind);
  if (!sql->got_data()) return false;
  // unlink_user=1 → no account; an email → that account; nothing → keep the current link.
  std::optional<long long> user_id;
  if (!v.unlink_user) user_id = v.user_id ? v.user_id : (current_user_ind == soci::i_ok ? std::optional(current_user) : std::nullopt);
  Maybe<long long> user(user_id), final_price(v.final_price);
  Text detail(v.issue_detail), diagnosis(v.diagnosis), method(v.payment_method), payment_notes(v.payment_notes),
      notes(v.notes), brand(v.device_brand), model(v.device_model);
  std::string issue_reported = v.issue_reported();
  std::string now = core::utc_now_sql();
  long long parts = v.parts_cost, labor = v.labor_cost, paid = v.paid_amount;
  int absolute = v.parts_cost_shown ? 0 : 1;
  long long delta = v.parts_cost - v.parts_cost_shown.value_or(0);
  *sql << kUpdateRepair, soci::use(user.value, user.ind), soci::use(v.customer_name), soci::use(v.customer_phone),
      soci::use(v.device_type_id), soci::use(v.device_brand_id), soci::use(v.device_model_id),
      soci::use(v.device_issue_type_id), soci::use(detail.value, detail.ind), soci::use(brand.value, brand.ind),
      soci::use(model.value, model.ind), soci::use(issue_reported), soci::use(diagnosis.value, diagnosis.ind),
      soci::use(absolute), soci::use(parts), soci::use(delta), soci::use(delta), soci::use(labor),
      soci::use(final_price.value, final_price.ind), soci::use(paid),
      soci::use(method.value, method.ind), soci::use(payment_notes.value, payment_notes.ind),
      soci::use(v.warranty_days), soci::use(notes.value, notes.ind), soci::use(now), soci::use(id);
  return true;
}

}  // namespace repairs
