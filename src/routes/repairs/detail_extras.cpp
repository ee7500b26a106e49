// WhatsApp logs and approval link on the admin repair page (see detail_extras.hpp).
#include "routes/repairs/detail_extras.hpp"

#include "core/config.hpp"
#include "domain/notify/whatsapp.hpp"
#include "domain/repairs/quote_approval.hpp"
#include "domain/repairs/repair_record.hpp"
#include "routes/repairs/view_helpers.hpp"
#include "web/context.hpp"
#include "web/views.hpp"

namespace routes::repairs_view {

void fill_detail_extras(web::Dict dict, web::Context& context, const repairs::RepairRecord& repair) {
  auto logs = notify::repair_whatsapp_logs(context.services.database, repair.id);
  dict.set("WA_LOG_COUNT", static_cast<long long>(logs.size()));
  if (logs.empty()) dict.show("WA_LOGS_EMPTY");
  for (const auto& log : logs) {
    auto item = dict.add("WA_LOG");
    item.set("STATUS_LABEL", log.status_label);
    item.set("SENT_AT", local_or_dash(log.sent_at));
    if (!log.sent_by_name.empty()) item.add("WHO").set("NAME", log.sent_by_name);
  }
  if (repair.status == repairs::RepairStatus::kWaitingApproval)
    dict.add("APPROVAL").set("URL", repairs::quote_approval_url(context.services.config.str("APP_URL"),
                                                                context.services.app_key, repair.id));
}

}  // namespace routes::repairs_view
