// Placeholder values for repair and order messages (see placeholders.hpp).
#include "domain/notify/placeholders.hpp"

#include "core/money.hpp"
#include "core/phone.hpp"
#include "core/strings.hpp"
#include "domain/notify/default_templates.hpp"
#include "domain/repairs/quote_approval.hpp"
#include "domain/repairs/status.hpp"
#include "domain/repairs/status_link.hpp"

namespace notify {

namespace {
std::string without_trailing_slash(std::string url) {
  while (!url.empty() && url.back() == '/') url.pop_back();
  return url;
}
}  // namespace

Placeholders repair_placeholders(const RepairFacts& facts, const std::string& base_url, const std::string& app_key) {
  std::string base = without_trailing_slash(base_url);
  auto status = repairs::parse_status(facts.status_key);
  std::string label = status ? std::string(repairs::status_label(*status)) : facts.status_key;
  std::string device = core::trim(facts.device_brand + " " + facts.device_model);
  std::string status_url, approval_url;
  if (!app_key.empty()) {
    status_url = repairs::status_link_url(base, app_key, facts.id);
    if (status == repairs::RepairStatus::kWaitingApproval)
      approval_url = repairs::quote_approval_url(base, app_key, facts.id);
  }
  return {{"customer_name", facts.customer_name},
          {"code", facts.code},
          {"status", facts.status_key},
          {"status_label", label},
          {"lookup_url", base + "/reparacion"},
          {"status_url", status_url},
          {"phone", core::phone::display(facts.phone_digits)},
          {"device_brand", facts.device_brand},
          {"device_model", facts.device_model},
          {"device", device},
          {"final_price", facts.final_price_cents ? core::format_pesos_plain(*facts.final_price_cents) : ""},
          {"warranty_days", std::to_string(facts.warranty_days)},
          {"approval_url", approval_url},
          {"shop_address", facts.shop_address},
          {"shop_hours", facts.shop_hours}};
}

std::string order_contact_phone(const OrderFacts& facts) {
  return core::trim(facts.pickup_phone).empty() ? facts.user_phone : facts.pickup_phone;
}

Placeholders order_placeholders(const OrderFacts& facts, const std::string& base_url) {
  std::string base = without_trailing_slash(base_url);
  auto label = order_status_label(facts.status_key);
  std::string customer = core::trim(facts.pickup_name);
  if (customer.empty()) customer = core::trim(facts.user_name);
  std::string summary;
  long long count = 0;
  for (const auto& item : facts.items) {
    if (!summary.empty()) summary += "\n";
    summary += std::to_string(item.quantity) + "x " + item.name;
    count += item.quantity;
  }
  std::string contact_phone = order_contact_phone(facts);
  return {{"order_id", std::to_string(facts.id)},
          {"customer_name", customer},
          {"status", facts.status_key},
          {"status_label", label ? std::string(*label) : facts.status_key},
          {"items_summary", summary},
          {"items_count", std::to_string(count)},
          {"total", core::format_ars(facts.total_cents)},
          {"total_raw", core::centavos_to_input(facts.total_cents)},
          {"pickup_name", core::trim(facts.pickup_name).empty() ? customer : facts.pickup_name},
          {"pickup_phone", core::phone::display(contact_phone)},
          {"phone", core::phone::display(contact_phone)},
          {"notes", core::trim(facts.notes)},
          {"my_orders_url", base + "/mis-pedidos"},
          {"store_url", base + "/tienda"},
          {"shop_phone", core::phone::display(facts.shop_phone)},
          {"shop_address", facts.shop_address},
          {"shop_hours", facts.shop_hours},
          {"shop_name", facts.shop_name}};
}

}  // namespace notify
