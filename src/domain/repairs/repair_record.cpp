// Reading one repair and its history for the admin pages (see repair_record.hpp).
#include "domain/repairs/repair_record.hpp"

#include <algorithm>

#include "core/clock.hpp"
#include "core/strings.hpp"
#include "db/database.hpp"

namespace repairs {

namespace {
constexpr const char* kSelectRepair =
    "SELECT r.id, r.code, r.user_id, u.email, r.customer_name, r.customer_phone, r.device_type_id, "
    "r.device_brand_id, r.device_model_id, r.device_issue_type_id, r.repair_type_id, t.name, rt.name, "
    "r.device_brand, r.device_model, r.issue_detail, r.issue_reported, r.diagnosis, r.parts_cost, r.labor_cost, "
    "r.final_price, r.paid_amount, r.payment_method, r.payment_notes, r.status, r.warranty_days, r.received_at, "
    "r.delivered_at, r.created_at, r.updated_at, r.notes, r.quoted_rule_id, r.quoted_rule_label, r.quoted_profit, "
    "r.quoted_shipping, r.quoted_total "
    "FROM repairs r LEFT JOIN users u ON u.id = r.user_id LEFT JOIN device_types t ON t.id = r.device_type_id "
    "LEFT JOIN repair_types rt ON rt.id = r.repair_type_id WHERE r.id = :id";
constexpr const char* kSelectHistory =
    "SELECT h.from_status, h.to_status, h.changed_at, h.comment, u.name, u.last_name "
    "FROM repair_status_histories h LEFT JOIN users u ON u.id = h.changed_by WHERE h.repair_id = :id "
    "ORDER BY h.changed_at DESC, h.id DESC";

template <typename T>
struct Column {
  T value{};
  soci::indicator ind = soci::i_null;
  bool present() const { return ind == soci::i_ok; }
  std::optional<T> optional() const { return present() ? std::optional<T>(value) : std::nullopt; }
  T or_default(T fallback = T{}) const { return present() ? value : fallback; }
};
}  // namespace

std::string RepairRecord::device() const { return core::trim(device_brand + " " + device_model); }

std::int64_t RepairRecord::balance_due() const { return std::max<std::int64_t>(0, final_price.value_or(0) - paid_amount); }

std::optional<RepairRecord> find_repair(db::Database& database, long long id) {
  auto sql = database.lease();
  RepairRecord r;
  Column<std::string> code, email, type_name, repair_type_name, brand, model, issue_detail, diagnosis, method,
      payment_notes, received, delivered, created, updated, notes, rule_label;
  Column<long long> user_id, type_id, brand_id, model_id, issue_id, repair_type_id, rule_id, parts, labor, final_price,
      paid, profit, shipping, total;
  Column<int> warranty;
  soci::statement query =
      (sql->prepare << kSelectRepair, soci::use(id), soci::into(r.id), soci::into(code.value, code.ind),
       soci::into(user_id.value, user_id.ind), soci::into(email.value, email.ind), soci::into(r.customer_name),
       soci::into(r.customer_phone), soci::into(type_id.value, type_id.ind), soci::into(brand_id.value, brand_id.ind),
       soci::into(model_id.value, model_id.ind), soci::into(issue_id.value, issue_id.ind),
       soci::into(repair_type_id.value, repair_type_id.ind), soci::into(type_name.value, type_name.ind),
       soci::into(repair_type_name.value, repair_type_name.ind), soci::into(brand.value, brand.ind),
       soci::into(model.value, model.ind), soci::into(issue_detail.value, issue_detail.ind),
       soci::into(r.issue_reported), soci::into(diagnosis.value, diagnosis.ind), soci::into(parts.value, parts.ind),
       soci::into(labor.value, labor.ind), soci::into(final_price.value, final_price.ind),
       soci::into(paid.value, paid.ind), soci::into(method.value, method.ind),
       soci::into(payment_notes.value, payment_notes.ind), soci::into(r.status_key),
       soci::into(warranty.value, warranty.ind), soci::into(received.value, received.ind),
       soci::into(delivered.value, delivered.ind), soci::into(created.value, created.ind),
       soci::into(updated.value, updated.ind), soci::into(notes.value, notes.ind), soci::into(rule_id.value, rule_id.ind),
       soci::into(rule_label.value, rule_label.ind), soci::into(profit.value, profit.ind),
       soci::into(shipping.value, shipping.ind), soci::into(total.value, total.ind));
  query.execute();
  if (!query.fetch()) return std::nullopt;
  r.code = code.or_default();
  r.user_id = user_id.optional();
  r.user_email = email.or_default();
  r.device_type_id = type_id.optional();
  r.device_brand_id = brand_id.optional();
  r.device_model_id = model_id.optional();
  r.device_issue_type_id = issue_id.optional();
  r.repair_type_id = repair_type_id.optional();
  r.device_type_name = type_name.or_default();
  r.repair_type_name = repair_type_name.or_default();
  r.device_brand = brand.or_default();
  r.device_model = model.or_default();
  r.issue_detail = issue_detail.or_default();
  r.diagnosis = diagnosis.or_default();
  r.parts_cost = parts.or_default(0);
  r.labor_cost = labor.or_default(0);
  r.final_price = final_price.optional();
  r.paid_amount = paid.or_default(0);
  r.payment_method = method.or_default();
  r.payment_notes = payment_notes.or_default();
  r.status = parse_status(r.status_key).value_or(RepairStatus::kCancelled);
  r.warranty_days = warranty.or_default(0);
  r.received_at = received.or_default();
  r.delivered_at = delivered.or_default();
  r.created_at = created.or_default();
  r.updated_at = updated.or_default();
  r.notes = notes.or_default();
  r.quoted_rule_id = rule_id.optional();
  r.quoted_rule_label = rule_label.or_default();
  r.quoted_profit = profit.optional();
  r.quoted_shipping = shipping.optional();
  r.quoted_total = total.optional();
  return r;
}

std::vector<StatusHistoryEntry> repair_history(db::Database& database, long long id) {
  auto sql = database.lease();
  std::vector<StatusHistoryEntry> entries;
  StatusHistoryEntry row;
  Column<std::string> from, comment, name, last_name;
  soci::statement query =
      (sql->prepare << kSelectHistory, soci::use(id), soci::into(from.value, from.ind), soci::into(row.to_status),
       soci::into(row.changed_at), soci::into(comment.value, comment.ind), soci::into(name.value, name.ind),
       soci::into(last_name.value, last_name.ind));
  query.execute();
  while (query.fetch()) {
    StatusHistoryEntry entry = row;
    entry.from_status = from.or_default();
    entry.comment = comment.or_default();
    entry.changed_by_name = core::trim(name.or_default() + " " + last_name.or_default());
    entries.push_back(std::move(entry));
  }
  return entries;
}

std::optional<Warranty> warranty_of(const RepairRecord& repair, const std::string& now_utc) {
  if (repair.warranty_days <= 0 || repair.delivered_at.empty()) return std::nullopt;
  core::SystemTime delivered;
  if (!core::parse_sql_utc(repair.delivered_at, delivered)) return std::nullopt;
  auto expires = delivered + std::chrono::hours(24) * repair.warranty_days;
  std::string expires_sql = core::to_sql_utc(expires);
  Warranty warranty;
  warranty.expires_on = core::format_local(expires_sql, "%d/%m/%Y");
  // Compare local calendar days: the warranty lasts until the end of its last day.
  warranty.active = core::format_local(now_utc, "%Y-%m-%d") <= core::format_local(expires_sql, "%Y-%m-%d");
  return warranty;
}

}  // namespace repairs
