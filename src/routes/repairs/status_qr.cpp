// QR of the signed status link (see status_qr.hpp).
#include "routes/repairs/status_qr.hpp"

#include "core/config.hpp"
#include "domain/repairs/status_link.hpp"
#include "web/context.hpp"
#include "web/qr_svg.hpp"

namespace routes::repairs_view {

std::optional<StatusQr> status_qr(web::Context& context, long long repair_id) {
  StatusQr qr;
  qr.url = repairs::status_link_url(context.services.config.str("APP_URL"), context.services.app_key, repair_id);
  try {
    qr.svg = web::qr_svg(qr.url, 160);
  } catch (const std::runtime_error&) {
    return std::nullopt;  // a base URL too long to encode: the sheet still prints, without the QR
  }
  return qr;
}

}  // namespace routes::repairs_view
