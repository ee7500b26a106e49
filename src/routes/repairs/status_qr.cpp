// QR of the signed status link (see status_qr.hpp).
#include "routes/repairs/status_qr.hpp"

#include "web/context.hpp"

namespace routes::repairs_view {

std::optional<StatusQr> status_qr(web::Context& context, long long repair_id) {
  (void)context;
  (void)repair_id;
  return std::nullopt;  // built from repairs::status_link_url once src/domain/repairs/status_link.hpp is on main
}

}  // namespace routes::repairs_view
