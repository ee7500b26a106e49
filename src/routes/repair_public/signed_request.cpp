// Signed public links on the current request (see signed_request.hpp).
#include "routes/repair_public/signed_request.hpp"

#include "core/clock.hpp"
#include "core/errors.hpp"
#include "core/parse.hpp"
#include "web/context.hpp"
#include "web/render.hpp"
#include "core/signed_link.hpp"

namespace routes {

std::optional<long long> repair_param(const web::Context& context) {
  auto found = context.params.find("repair");
  if (found == context.params.end()) return std::nullopt;
  return core::parse_id(found->second);
}

void require_signed(const web::Context& context) {
  auto check = core::check_signed_url(context.request.target, context.services.app_key, core::unix_now());
  if (check == core::SignedUrlCheck::kValid) return;
  if (check == core::SignedUrlCheck::kExpired)
    throw core::forbidden("Este enlace venció. Pedile uno nuevo al local o consultá tu reparación con el código y "
                          "tu teléfono en /reparacion.",
                          "expired signed link");
  throw core::forbidden("Este enlace no es válido. Revisá que esté completo o pedile uno nuevo al local.",
                        "bad signed link signature");
}

std::int64_t signed_expiry(const web::Context& context, std::int64_t fallback) {
  std::string text = context.query.value("expires");
  if (text.empty() || text.size() > 18) return fallback;
  for (char c : text)
    if (c < '0' || c > '9') return fallback;
  return std::stoll(text);
}

}  // namespace routes
