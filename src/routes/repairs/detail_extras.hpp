// The parts of the admin repair page that come from the WhatsApp / public-link area: the WhatsApp log list and
// the signed quote approval link (shown while waiting_approval).
#pragma once

namespace web {
class Context;
class Dict;
}
namespace repairs {
struct RepairRecord;
}

namespace routes::repairs_view {

// Sets WA_LOG_COUNT, WA_LOG{STATUS_LABEL, SENT_AT, WHO}, WA_LOGS_EMPTY and APPROVAL{URL}.
void fill_detail_extras(web::Dict dict, web::Context& context, const repairs::RepairRecord& repair);

}  // namespace routes::repairs_view
