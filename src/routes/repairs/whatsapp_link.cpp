// WhatsApp link of a repair for the admin pages (see whatsapp_link.hpp).
#include "routes/repairs/whatsapp_link.hpp"

#include "web/context.hpp"

namespace routes::repairs_view {

RepairWhatsApp whatsapp_link(web::Context& context, long long repair_id) {
  (void)context;
  (void)repair_id;
  return {};  // filled by notify::repair_whatsapp once src/domain/notify is on main
}

}  // namespace routes::repairs_view
