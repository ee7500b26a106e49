// Presentation helpers for the admin repair pages (see view_helpers.hpp).
#include "routes/repairs/view_helpers.hpp"

#include <charconv>

#include "core/clock.hpp"
#include "core/money.hpp"
#include "core/parse.hpp"
#include "core/plural.hpp"
#include "core/strings.hpp"
#include "web/context.hpp"
#include "web/views.hpp"

namespace routes::repairs_view {

std::string_view badge_class(repairs::RepairStatus status) {
  using S = repairs::RepairStatus;
  switch (status) {
    case S::kReceived: return "badge-sky";
    case S::kDiagnosing: return "badge-indigo";
    case S::kWaitingApproval: return "badge-amber";
    case S::kRepairing: return "badge-indigo";
    case S::kReadyPickup: return "badge-emerald";
    case S::kDelivered: return "badge-zinc";
    case S::kCancelled: return "badge-rose";
  }
  return "badge-zinc";
}

std::string money_or(const std::optional<std::int64_t>& centavos, std::string_view empty) {
  return centavos ? core::format_ars(*centavos) : std::string(empty);
}

std::string age(const std::string& sql_utc, const std::string& now_utc) {
  core::SystemTime then, now;
  if (!core::parse_sql_utc(sql_utc, then) || !core::parse_sql_utc(now_utc, now)) return "";
  return core::minutes_ago(std::chrono::duration_cast<std::chrono::minutes>(now - then).count());
}

std::string local_or_dash(const std::string& sql_utc) { return sql_utc.empty() ? "—" : core::format_local(sql_utc); }

std::optional<long long> repair_id_param(const web::Context& context) {
  auto it = context.params.find("repair");
  if (it == context.params.end()) return std::nullopt;
  return core::parse_id(it->second);
}

repairs::RepairFormInput read_repair_form(const web::Context& context) {
  const auto& in = context.input;
  repairs::RepairFormInput form;
  form.customer_name = in.value("customer_name");
  form.customer_phone = in.value("customer_phone");
  form.user_email = in.value("user_email");
  form.unlink_user = in.value("unlink_user");
  form.device_type_id = in.value("device_type_id");
  form.device_brand_id = in.value("device_brand_id");
  form.device_model_id = in.value("device_model_id");
  form.device_issue_type_id = in.value("device_issue_type_id");
  form.repair_type_id = in.value("repair_type_id");
  form.issue_detail = in.value("issue_detail");
  form.diagnosis = in.value("diagnosis");
  form.parts_cost = in.value("parts_cost");
  form.parts_cost_shown = in.value("parts_cost_shown");
  form.labor_cost = in.value("labor_cost");
  form.final_price = in.value("final_price");
  form.paid_amount = in.value("paid_amount");
  form.payment_method = in.value("payment_method");
  form.payment_notes = in.value("payment_notes");
  form.status = in.value("status");
  form.warranty_days = in.value("warranty_days");
  form.notes = in.value("notes");
  form.shipping_amount = in.value("shipping_amount");
  form.shipping_enabled = in.value("shipping_enabled");
  return form;
}

void field_errors(web::Dict dict, const web::Context& context, std::initializer_list<std::string_view> fields) {
  for (auto field : fields) {
    if (!context.errors.has(field)) continue;
    dict.add("ERROR_" + core::to_upper(field)).set("MESSAGE", context.errors.first(field));
  }
}

}  // namespace routes::repairs_view
