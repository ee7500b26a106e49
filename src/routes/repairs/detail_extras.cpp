// WhatsApp logs and approval link on the admin repair page (see detail_extras.hpp).
#include "routes/repairs/detail_extras.hpp"

#include "domain/repairs/repair_record.hpp"
#include "web/context.hpp"
#include "web/views.hpp"

namespace routes::repairs_view {

void fill_detail_extras(web::Dict dict, web::Context& context, const repairs::RepairRecord& repair) {
  (void)context;
  (void)repair;
  // Filled from notify::repair_whatsapp_logs and repairs::quote_approval_url once they are on main.
  dict.set("WA_LOG_COUNT", 0LL);
  dict.show("WA_LOGS_EMPTY");
}

}  // namespace routes::repairs_view
