// WhatsApp link of a repair for the admin pages (see whatsapp_link.hpp).
#include "routes/repairs/whatsapp_link.hpp"

#include "core/config.hpp"
#include "domain/notify/whatsapp.hpp"
#include "web/context.hpp"

namespace routes::repairs_view {

RepairWhatsApp whatsapp_link(web::Context& context, long long repair_id) {
  auto message = notify::repair_whatsapp(context.services.database, repair_id, context.services.config.str("APP_URL"),
                                         context.services.app_key);
  return {message.phone, message.message, message.url};
}

}  // namespace routes::repairs_view
