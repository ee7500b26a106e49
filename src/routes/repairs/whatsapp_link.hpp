// The WhatsApp message of a repair for the admin pages: the WhatsApp area's notify::repair_whatsapp (template for
// the current status, phone normalised, wa.me URL) with this request's base URL and key.
#pragma once

#include <optional>
#include <string>

namespace web {
class Context;
}

namespace routes::repairs_view {

struct RepairWhatsApp {
  std::optional<std::string> phone;  // normalised; nullopt = no usable phone
  std::string message;
  std::string url;                   // https://wa.me/…?text=…, "" without phone
};

RepairWhatsApp whatsapp_link(web::Context& context, long long repair_id);

}  // namespace routes::repairs_view
