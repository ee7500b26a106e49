// Quote approval links (see quote_approval.hpp).
#include "domain/repairs/quote_approval.hpp"

#include "core/clock.hpp"
#include "web/signed_url.hpp"

namespace repairs {

std::string quote_approval_path(long long repair_id, QuoteAction action) {
  std::string path = "/reparacion/" + std::to_string(repair_id) + "/presupuesto";
  if (action == QuoteAction::kApprove) path += "/aprobar";
  if (action == QuoteAction::kReject) path += "/rechazar";
  return path;
}

std::string signed_quote_path(const std::string& app_key, long long repair_id, QuoteAction action,
                              std::int64_t expires_unix) {
  return web::sign_url(quote_approval_path(repair_id, action), expires_unix, app_key);
}

std::string quote_approval_url(const std::string& base_url, const std::string& app_key, long long repair_id) {
  return quote_approval_url(base_url, app_key, repair_id, core::unix_now() + kQuoteApprovalLifetimeSeconds);
}

std::string quote_approval_url(const std::string& base_url, const std::string& app_key, long long repair_id,
                               std::int64_t expires_unix) {
  std::string base = base_url;
  while (!base.empty() && base.back() == '/') base.pop_back();
  return base + signed_quote_path(app_key, repair_id, QuoteAction::kShow, expires_unix);
}

}  // namespace repairs
