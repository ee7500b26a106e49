// QR code of a repair's signed public status link, for the printed sheet and the ticket.
#pragma once

#include <optional>
#include <string>

namespace web {
class Context;
}

namespace routes::repairs_view {

struct StatusQr {
  std::string url;  // absolute signed /reparacion/estado/… link
  std::string svg;  // inline <svg> (web::qr_svg)
};

// nullopt when no status link can be built.
std::optional<StatusQr> status_qr(web::Context& context, long long repair_id);

}  // namespace routes::repairs_view
