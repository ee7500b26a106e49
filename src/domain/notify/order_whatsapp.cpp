// Order WhatsApp messages and logs (see whatsapp.hpp).
#include <chrono>

#include "core/clock.hpp"
#include "core/phone.hpp"
#include "core/strings.hpp"
#include "db/database.hpp"
#include "db/unit_of_work.hpp"
#include "domain/notify/log_store.hpp"
#include "domain/notify/phone.hpp"
#include "domain/notify/placeholders.hpp"
#include "domain/notify/template_store.hpp"
#include "domain/notify/whatsapp.hpp"
#include "domain/settings/business_settings.hpp"

namespace notify {

namespace {

constexpr const char* kSelectOrder =
    "SELECT o.status, o.total, o.pickup_name, o.pickup_phone, o.notes, u.name, u.last_name, u.phone "
    "FROM orders o LEFT JOIN users u ON u.id = o.user_id WHERE o.id = :id";

std::string or_empty(const std::string& value, soci::indicator indicator) {
  return indicator == soci::i_ok ? value : std::string();
}

std::optional<OrderFacts> read_order(soci::session& sql, long long order_id, bool lock_row) {
  OrderFacts facts;
  facts.id = order_id;
  if (lock_row) {  // MariaDB: serialise concurrent log clicks on the same order (SQLite's BEGIN IMMEDIATE does)
    long long locked = 0;
    sql << "SELECT id FROM orders WHERE id = :id FOR UPDATE", soci::use(order_id), soci::into(locked);
  }
  std::string pickup_name, pickup_phone, notes, name, last_name, phone;
  soci::indicator pn_ind, pp_ind, notes_ind, name_ind, last_ind, phone_ind;
  sql << kSelectOrder, soci::use(order_id), soci::into(facts.status_key), soci::into(facts.total_cents),
      soci::into(pickup_name, pn_ind), soci::into(pickup_phone, pp_ind), soci::into(notes, notes_ind),
      soci::into(name, name_ind), soci::into(last_name, last_ind), soci::into(phone, phone_ind);
  if (!sql.got_data()) return std::nullopt;
  facts.pickup_name = or_empty(pickup_name, pn_ind);
  facts.pickup_phone = or_empty(pickup_phone, pp_ind);
  facts.notes = or_empty(notes, notes_ind);
  facts.user_name = core::trim(or_empty(name, name_ind) + " " + or_empty(last_name, last_ind));
  facts.user_phone = or_empty(phone, phone_ind);

  std::string item_name;
  long long quantity = 0;
  soci::statement items = (sql.prepare << "SELECT product_name, quantity FROM order_items WHERE order_id = :id "
                                          "ORDER BY id",
                           soci::use(order_id), soci::into(item_name), soci::into(quantity));
  items.execute();
  while (items.fetch()) facts.items.push_back({item_name, quantity});
  return facts;
}

struct ShopData {
  std::string phone, address, hours, name;
};
ShopData shop_data(soci::session& sql) {
  auto settings = settings::BusinessSettings::load(sql);
  return {settings.get("shop_phone"), settings.get("shop_address"), settings.get("shop_hours"),
          settings.get("company_name", "NicoReparaciones")};
}

WhatsAppMessage build(soci::session& sql, OrderFacts facts, const ShopData& shop, const std::string& base_url) {
  facts.shop_phone = shop.phone;
  facts.shop_address = shop.address;
  facts.shop_hours = shop.hours;
  facts.shop_name = shop.name;
  WhatsAppMessage result;
  result.message =
      render_template(template_for(sql, TemplateKind::kOrder, facts.status_key), order_placeholders(facts, base_url));
  result.phone = core::phone::whatsapp_digits(order_contact_phone(facts));
  if (result.phone) result.url = wa_me_url(*result.phone, result.message);
  return result;
}

}  // namespace

WhatsAppMessage order_whatsapp(db::Database& database, long long order_id, const std::string& base_url) {
  auto sql = database.lease();
  ShopData shop = shop_data(*sql);
  auto facts = read_order(*sql, order_id, false);
  if (!facts) return {};
  return build(*sql, std::move(*facts), shop, base_url);
}

LogOutcome record_order_whatsapp(db::Tx& tx, long long order_id, std::optional<long long> sent_by,
                                 const std::string& base_url) {
  soci::session* sql = &tx.sql();
  ShopData shop = shop_data(*sql);
  auto facts = read_order(*sql, order_id, db::locks_rows(tx.dialect()));
  LogOutcome outcome;
  if (!facts) return outcome;
  outcome.found = true;
  std::string status = facts->status_key;
  WhatsAppMessage message = build(*sql, std::move(*facts), shop, base_url);
  if (!message.phone) return outcome;
  outcome.has_phone = true;

  // De-duplication: a log for the same status AND the same phone within 15 minutes.
  std::string threshold = core::to_sql_utc(std::chrono::system_clock::now() - std::chrono::seconds(kOrderDedupeSeconds));
  auto latest = latest_log_time(*sql, kOrderLogs, order_id, status, &*message.phone);
  if (latest && *latest >= threshold) {
    outcome.sent_at = *latest;
    return outcome;
  }
  outcome.sent_at = insert_log(*sql, kOrderLogs, order_id, status, message, sent_by);
  outcome.created = true;
  return outcome;
}

bool log_order_whatsapp(db::Tx& tx, long long order_id, std::optional<long long> sent_by) {
  return record_order_whatsapp(tx, order_id, sent_by, "").created;
}

std::vector<WhatsAppLogEntry> order_whatsapp_logs(db::Database& database, long long order_id) {
  auto sql = database.lease();
  auto logs = read_logs(*sql, kOrderLogs, order_id);
  for (auto& entry : logs) {
    auto label = order_status_label(entry.status);
    entry.status_label = label ? std::string(*label) : entry.status;
  }
  return logs;
}

std::optional<std::string> order_notified_at(db::Database& database, long long order_id, const std::string& status) {
  auto sql = database.lease();
  return latest_log_time(*sql, kOrderLogs, order_id, status, nullptr);
}

}  // namespace notify
