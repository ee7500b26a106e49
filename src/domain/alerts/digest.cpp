// The operational digest's queries and item texts (see digest.hpp). Every section is one SELECT with bound UTC
// times and a LIMIT; the status history subquery uses the (repair_id, changed_at) index.
#include "domain/alerts/digest.hpp"

#include <algorithm>
#include <chrono>

#include "core/crypto.hpp"
#include "core/plural.hpp"
#include "core/strings.hpp"
#include "db/database.hpp"
#include "db/row_values.hpp"
#include "domain/repairs/status.hpp"

namespace alerts {

namespace {

constexpr const char* kLastRepairChange =
    "COALESCE((SELECT MAX(h.changed_at) FROM repair_status_histories h WHERE h.repair_id = r.id), r.received_at, "
    "r.created_at)";

std::string repair_status(const std::string& key) {
  auto status = repairs::parse_status(key);
  return status ? std::string(repairs::status_label(*status)) : key;
}

// Whole days / hours between a UTC SQL time and now (0 when unreadable).
std::int64_t hours_since(const std::string& since, core::SystemTime now) {
  core::SystemTime then;
  if (!core::parse_sql_utc(since.substr(0, 19), then)) return 0;
  return std::chrono::duration_cast<std::chrono::hours>(now - then).count();
}

std::string age_text(const std::string& since, core::SystemTime now) {
  return core::minutes_ago(hours_since(since, now) * 60);
}

std::string repair_title(const soci::row& row) {
  // id, code, status, customer_name, device_brand, device_model, since
  std::string device = core::trim(db::row_str(row, 4) + " " + db::row_str(row, 5));
  std::string code = db::row_str(row, 1);
  std::string title = "Reparación " + (code.empty() ? "#" + std::to_string(db::row_int(row, 0)) : code) + " — " +
                      db::row_str(row, 3);
  return device.empty() ? title : title + " (" + device + ")";
}

std::string order_title(const soci::row& row) {
  // id, status, customer, total, created_at
  std::string customer = core::trim(db::row_str(row, 2));
  return "Pedido #" + std::to_string(db::row_int(row, 0)) + (customer.empty() ? "" : " — " + customer);
}

template <typename Fn>
void each(soci::session& sql, const std::string& query, const std::string& bound, Fn fn) {
  std::string value = bound;  // must outlive the statement (MariaDB binds at execution)
  soci::rowset<soci::row> rows = bound.empty() ? (sql.prepare << query) : (sql.prepare << query, soci::use(value));
  for (const auto& row : rows) fn(row);
}

const std::string kRepairSelect = std::string("SELECT r.id, r.code, r.status, r.customer_name, r.device_brand, "
                                              "r.device_model, ") + kLastRepairChange + " AS since FROM repairs r ";
const std::string kOrderSelect =
    "SELECT o.id, o.status, COALESCE(NULLIF(o.pickup_name, ''), u.name), o.total, o.created_at "
    "FROM orders o LEFT JOIN users u ON u.id = o.user_id ";
const std::string kLimit = " LIMIT " + std::to_string(kSectionLimit);

}  // namespace

std::vector<DigestItem> Digest::items() const {
  std::vector<DigestItem> all;
  for (const auto& section : sections) all.insert(all.end(), section.items.begin(), section.items.end());
  return all;
}

std::string section_heading(const std::string& kind) {
  if (kind == "stale_repair") return "Reparaciones demoradas";
  if (kind == "pending_order") return "Pedidos pendientes hace más de 48 horas";
  if (kind == "waiting_quote") return "Presupuestos esperando respuesta hace más de 48 horas";
  if (kind == "low_stock") return "Stock bajo";
  if (kind == "repair_whatsapp") return "Reparaciones listas sin WhatsApp enviado";
  if (kind == "order_whatsapp") return "Pedidos listos sin WhatsApp enviado";
  return kind;
}

Digest compute_digest(db::Database& database, const DigestRules& rules, core::SystemTime now) {
  const std::string stale_before = core::to_sql_utc(now - std::chrono::hours(24) * rules.stale_repair_days);
  const std::string pending_before = core::to_sql_utc(now - std::chrono::hours(rules.pending_hours));
  Digest digest;
  for (const char* kind :
       {"stale_repair", "pending_order", "waiting_quote", "low_stock", "repair_whatsapp", "order_whatsapp"})
    digest.sections.push_back({kind, section_heading(kind), {}});
  auto& stale = digest.sections[0].items;
  auto& pending = digest.sections[1].items;
  auto& quotes = digest.sections[2].items;
  auto& stock = digest.sections[3].items;
  auto& repair_wa = digest.sections[4].items;
  auto& order_wa = digest.sections[5].items;

  auto sql = database.lease();
  // A quote waiting for the customer has its own section (48 h), so it is not listed twice.
  each(*sql,
       kRepairSelect + "WHERE r.status NOT IN ('delivered', 'cancelled', 'waiting_approval') AND " + kLastRepairChange +
           " < :before ORDER BY since, r.id" + kLimit,
       stale_before, [&](const soci::row& row) {
         std::string since = db::row_str(row, 6);
         stale.push_back({"stale_repair", db::row_int(row, 0), repair_title(row),
                          "Sin cambios de estado " + age_text(since, now) + " (" + repair_status(db::row_str(row, 2)) + ")",
                          "/admin/reparaciones/" + std::to_string(db::row_int(row, 0)), since.substr(0, 19)});
       });
  each(*sql, kOrderSelect + "WHERE o.status = 'pendiente' AND o.created_at < :before ORDER BY o.created_at, o.id" + kLimit,
       pending_before, [&](const soci::row& row) {
         std::string since = db::row_str(row, 4);
         pending.push_back({"pending_order", db::row_int(row, 0), order_title(row),
                            "Pendiente desde " + core::format_local(since.substr(0, 19)) + " (" + age_text(since, now) + ")",
                            "/admin/pedidos/" + std::to_string(db::row_int(row, 0)), since.substr(0, 19)});
       });
  each(*sql,
       kRepairSelect + "WHERE r.status = 'waiting_approval' AND " + kLastRepairChange + " < :before ORDER BY since, r.id" +
           kLimit,
       pending_before, [&](const soci::row& row) {
         std::string since = db::row_str(row, 6);
         quotes.push_back({"waiting_quote", db::row_int(row, 0), repair_title(row),
                           "Esperando aprobación del presupuesto " + age_text(since, now),
                           "/admin/reparaciones/" + std::to_string(db::row_int(row, 0)), since.substr(0, 19)});
       });
  each(*sql,
       "SELECT id, name, stock FROM products WHERE stock <= " + std::to_string(rules.low_stock_threshold) +
           " ORDER BY stock, id" + kLimit,
       "", [&](const soci::row& row) {
         std::int64_t units = db::row_int(row, 2);
         stock.push_back({"low_stock", db::row_int(row, 0), db::row_str(row, 1),
                          units <= 0 ? std::string("Sin stock") : "Quedan " + core::count_label(units, "unidad", "unidades"),
                          "/admin/productos/" + std::to_string(db::row_int(row, 0)) + "/editar", ""});
       });
  each(*sql,
       kRepairSelect + "WHERE r.status = 'ready_pickup' AND NOT EXISTS (SELECT 1 FROM repair_whatsapp_logs l "
                       "WHERE l.repair_id = r.id AND l.notified_status = r.status) ORDER BY since, r.id" + kLimit,
       "", [&](const soci::row& row) {
         std::string since = db::row_str(row, 6);
         repair_wa.push_back({"repair_whatsapp", db::row_int(row, 0), repair_title(row),
                              "Lista para retirar " + age_text(since, now) + " y el cliente no recibió el WhatsApp",
                              "/admin/reparaciones/" + std::to_string(db::row_int(row, 0)), since.substr(0, 19)});
       });
  each(*sql,
       kOrderSelect + "WHERE o.status = 'listo_retirar' AND NOT EXISTS (SELECT 1 FROM order_whatsapp_logs l "
                      "WHERE l.order_id = o.id AND l.notified_status = o.status) ORDER BY o.created_at, o.id" + kLimit,
       "", [&](const soci::row& row) {
         std::string since = db::row_str(row, 4);
         order_wa.push_back({"order_whatsapp", db::row_int(row, 0), order_title(row),
                             "Listo para retirar y el cliente no recibió el WhatsApp",
                             "/admin/pedidos/" + std::to_string(db::row_int(row, 0)), since.substr(0, 19)});
       });
  for (const auto& section : digest.sections) digest.total += section.items.size();
  return digest;
}

std::string signature(const std::vector<DigestItem>& items) {
  std::vector<std::string> keys;
  for (const auto& item : items) keys.push_back(item.key());
  std::sort(keys.begin(), keys.end());
  std::string joined;
  for (const auto& key : keys) joined += key + "\n";
  return core::sha256_hex(joined);
}

}  // namespace alerts
