// Repair WhatsApp messages and logs (see whatsapp.hpp).
#include <chrono>
#include <map>

#include "core/clock.hpp"
#include "core/phone.hpp"
#include "db/database.hpp"
#include "db/unit_of_work.hpp"
#include "domain/notify/log_store.hpp"
#include "domain/notify/phone.hpp"
#include "domain/notify/placeholders.hpp"
#include "domain/notify/template_store.hpp"
#include "domain/notify/whatsapp.hpp"
#include "domain/repairs/status.hpp"
#include "domain/settings/business_settings.hpp"

namespace notify {

namespace {

constexpr const char* kSelectRepair =
    "SELECT code, status, customer_name, customer_phone, device_brand, device_model, final_price, warranty_days "
    "FROM repairs WHERE id = :id";

std::optional<RepairFacts> read_repair(soci::session& sql, long long repair_id, bool lock_row) {
  RepairFacts facts;
  facts.id = repair_id;
  std::string code, brand, model;
  long long final_price = 0, warranty = 0;
  soci::indicator code_ind = soci::i_null, brand_ind = soci::i_null, model_ind, price_ind, warranty_ind;
  std::string query = kSelectRepair;
  if (lock_row) query += " FOR UPDATE";
  sql << query, soci::use(repair_id), soci::into(code, code_ind), soci::into(facts.status_key),
      soci::into(facts.customer_name), soci::into(facts.phone_digits), soci::into(brand, brand_ind),
      soci::into(model, model_ind), soci::into(final_price, price_ind), soci::into(warranty, warranty_ind);
  if (!sql.got_data()) return std::nullopt;
  if (code_ind == soci::i_ok) facts.code = code;
  if (brand_ind == soci::i_ok) facts.device_brand = brand;
  if (model_ind == soci::i_ok) facts.device_model = model;
  if (price_ind == soci::i_ok) facts.final_price_cents = final_price;
  if (warranty_ind == soci::i_ok) facts.warranty_days = warranty;
  return facts;
}

struct ShopData {
  std::string address, hours;
};
ShopData shop_data(soci::session& sql) {
  auto settings = settings::BusinessSettings::load(sql);
  return {settings.get("shop_address"), settings.get("shop_hours")};
}

WhatsAppMessage build(soci::session& sql, RepairFacts facts, const ShopData& shop, const std::string& base_url,
                      const std::string& app_key) {
  facts.shop_address = shop.address;
  facts.shop_hours = shop.hours;
  WhatsAppMessage result;
  result.message = render_template(template_for(sql, TemplateKind::kRepair, facts.status_key),
                                   repair_placeholders(facts, base_url, app_key));
  result.phone = core::phone::whatsapp_digits(facts.phone_digits);
  if (result.phone) result.url = wa_me_url(*result.phone, result.message);
  return result;
}

std::string label_of(const std::string& key) {
  auto status = repairs::parse_status(key);
  return status ? std::string(repairs::status_label(*status)) : key;
}

}  // namespace

WhatsAppMessage repair_whatsapp(db::Database& database, long long repair_id, const std::string& base_url,
                                const std::string& app_key) {
  auto sql = database.lease();
  ShopData shop = shop_data(*sql);
  auto facts = read_repair(*sql, repair_id, false);
  if (!facts) return {};
  return build(*sql, std::move(*facts), shop, base_url, app_key);
}

std::vector<WhatsAppMessage> repair_whatsapp_for(db::Database& database, const std::vector<RepairFacts>& repairs,
                                                 const std::string& base_url, const std::string& app_key) {
  std::vector<WhatsAppMessage> messages;
  if (repairs.empty()) return messages;
  auto templates = stored_templates(database, TemplateKind::kRepair);  // one query for every status
  messages.reserve(repairs.size());
  for (const auto& facts : repairs) {
    auto stored = templates.find(facts.status_key);
    std::string text = stored != templates.end() ? stored->second : default_template(TemplateKind::kRepair, facts.status_key);
    WhatsAppMessage message;
    message.message = render_template(text, repair_placeholders(facts, base_url, app_key));
    message.phone = core::phone::whatsapp_digits(facts.phone_digits);
    if (message.phone) message.url = wa_me_url(*message.phone, message.message);
    messages.push_back(std::move(message));
  }
  return messages;
}

LogOutcome record_repair_whatsapp(db::Tx& tx, long long repair_id, std::optional<long long> sent_by,
                                  const std::string& base_url, const std::string& app_key) {
  soci::session* sql = &tx.sql();
  ShopData shop = shop_data(*sql);
  auto facts = read_repair(*sql, repair_id, db::locks_rows(tx.dialect()));
  LogOutcome outcome;
  if (!facts) return outcome;
  outcome.found = true;
  std::string status = facts->status_key;
  WhatsAppMessage message = build(*sql, std::move(*facts), shop, base_url, app_key);
  if (!message.phone) return outcome;
  outcome.has_phone = true;

  // De-duplication: the latest log for this status, whatever the phone.
  std::string threshold = core::to_sql_utc(std::chrono::system_clock::now() - std::chrono::seconds(kRepairDedupeSeconds));
  auto latest = latest_log_time(*sql, kRepairLogs, repair_id, status, nullptr);
  if (latest && *latest >= threshold) {
    outcome.sent_at = *latest;
    return outcome;
  }
  outcome.sent_at = insert_log(*sql, kRepairLogs, repair_id, status, message, sent_by);
  outcome.created = true;
  return outcome;
}

bool log_repair_whatsapp(db::Tx& tx, long long repair_id, std::optional<long long> sent_by) {
  return record_repair_whatsapp(tx, repair_id, sent_by, "", "").created;
}

std::vector<WhatsAppLogEntry> repair_whatsapp_logs(db::Database& database, long long repair_id) {
  auto sql = database.lease();
  auto logs = read_logs(*sql, kRepairLogs, repair_id);
  for (auto& entry : logs) entry.status_label = label_of(entry.status);
  return logs;
}

}  // namespace notify
