// WhatsApp as the shop notices it: the templates pages (defaults, saving, blank → default), the repair
// send-and-log actions (classic and AJAX, de-duplication window, no phone) and the order messages and logs that
// the orders pages use (domain calls on the real database: 15-minute window per status + phone).
#include <gtest/gtest.h>
#include <soci/soci.h>

#include <chrono>
#include <string>
#include <vector>

#include "core/clock.hpp"
#include "db/unit_of_work.hpp"
#include "domain/notify/whatsapp.hpp"
#include "support/accounts.hpp"
#include "support/app_server.hpp"
#include "support/browser.hpp"
#include "support/test_files.hpp"

using testing_support::AppServer;
using testing_support::Browser;
using testing_support::scalar;
using testing_support::visible_text;

namespace {
// record_order_whatsapp in a unit of work of its own, as the handler runs it.
notify::LogOutcome record_order_log(db::Database& database, long long order, std::optional<long long> by,
                                    const std::string& base_url) {
  return db::write(database, [&](db::Tx& tx) { return notify::record_order_whatsapp(tx, order, by, base_url); });
}

constexpr const char* kEveryRepairPlaceholder =
    "N={customer_name}|C={code}|S={status}|L={status_label}|U={lookup_url}|E={status_url}|P={phone}|"
    "B={device_brand}|M={device_model}|D={device}|F={final_price}|W={warranty_days}|A={approval_url}|"
    "AD={shop_address}|H={shop_hours}";

long long insert_repair(AppServer& server, const std::string& code, const std::string& phone,
                        const std::string& status = "waiting_approval") {
  server.database().lease()->once
      << "INSERT INTO repairs (code, customer_name, customer_phone, device_brand, device_model, issue_reported, "
         "final_price, warranty_days, status, received_at, created_at, updated_at) VALUES (:code, 'Ana Pérez', "
         ":phone, 'Samsung', 'A52', 'Pantalla', 4200000, 30, :status, '2026-01-01 12:00:00', '2026-01-01 12:00:00', "
         "'2026-01-01 12:00:00')",
      soci::use(code), soci::use(phone), soci::use(status);
  return scalar(server, "SELECT MAX(id) FROM repairs");
}

std::string sql_ago(int minutes) {
  return core::to_sql_utc(std::chrono::system_clock::now() - std::chrono::minutes(minutes));
}

void insert_repair_log(AppServer& server, long long repair_id, const std::string& status, const std::string& sent_at) {
  server.database().lease()->once
      << "INSERT INTO repair_whatsapp_logs (repair_id, notified_status, phone, message, sent_at, created_at, "
         "updated_at) VALUES (:r, :s, '543415550000', 'antes', :at, :c, :u)",
      soci::use(repair_id), soci::use(status), soci::use(sent_at), soci::use(sent_at), soci::use(sent_at);
}

std::string template_text(AppServer& server, const std::string& table, const std::string& status) {
  std::string text;
  server.database().lease()->once << "SELECT template FROM " + table + " WHERE status = :s", soci::use(status),
      soci::into(text);
  return text;
}

class WhatsApp : public ::testing::Test {
 protected:
  static void SetUpTestSuite() {
    server_ = new AppServer();
    server_->start();
    admin_ = new Browser(testing_support::signed_in_admin(*server_));
    server_->database().lease()->once
        << "INSERT INTO business_settings (\"key\", value, created_at, updated_at) VALUES ('shop_address', "
           "'Av. Siempreviva 742', '2026-01-01 00:00:00', '2026-01-01 00:00:00')";
    server_->database().lease()->once
        << "INSERT INTO business_settings (\"key\", value, created_at, updated_at) VALUES ('shop_hours', "
           "'Lun a Vie 9 a 18', '2026-01-01 00:00:00', '2026-01-01 00:00:00')";
  }
  static void TearDownTestSuite() {
    delete admin_;
    admin_ = nullptr;
    delete server_;
    server_ = nullptr;
  }
  static testing_support::HttpResponse log_ajax(long long repair_id) {
    auto page = admin_->get("/admin/whatsapp");
    return admin_->post("/admin/reparaciones/" + std::to_string(repair_id) + "/whatsapp-ajax",
                        {{"_token", testing_support::csrf_token_in(page.body)}},
                        {{"Accept", "application/json"}, {"X-Requested-With", "XMLHttpRequest"}});
  }
  static long long repair_logs(long long repair_id) {
    return scalar(*server_, "SELECT COUNT(*) FROM repair_whatsapp_logs WHERE repair_id = " + std::to_string(repair_id));
  }
  static AppServer* server_;
  static Browser* admin_;
};
AppServer* WhatsApp::server_ = nullptr;
Browser* WhatsApp::admin_ = nullptr;

}  // namespace

TEST_F(WhatsApp, TemplatesPagesShowEveryStatusWithItsDefaultAndThePlaceholders) {
  auto page = admin_->get("/admin/whatsapp");
  ASSERT_EQ(page.status, 200);
  EXPECT_TRUE(page.contains("<title>Admin — Plantillas WhatsApp"));
  EXPECT_TRUE(page.contains("<h1 class=\"page-title\">Plantillas WhatsApp</h1>"));
  std::string text = visible_text(page.body);
  EXPECT_NE(text.find("Editá mensajes por estado. Si dejás vacío, se usa el texto predeterminado del sistema."),
            std::string::npos);
  EXPECT_NE(text.find("Variables disponibles"), std::string::npos);
  for (const char* name : {"{customer_name}", "{code}", "{status}", "{status_label}", "{lookup_url}", "{status_url}",
                           "{phone}", "{device_brand}", "{device_model}", "{device}", "{final_price}",
                           "{warranty_days}", "{approval_url}", "{shop_address}", "{shop_hours}"})
    EXPECT_NE(text.find(name), std::string::npos) << name;
  for (const char* key : {"received", "diagnosing", "waiting_approval", "repairing", "ready_pickup", "delivered",
                          "cancelled"})
    EXPECT_TRUE(page.contains("name=\"templates[" + std::string(key) + "]\"")) << key;
  EXPECT_NE(text.find("Necesitamos tu aprobación para continuar."), std::string::npos);
  EXPECT_TRUE(page.contains(">Guardar plantillas</button>"));

  auto orders = admin_->get("/admin/whatsapp-pedidos");
  ASSERT_EQ(orders.status, 200);
  EXPECT_TRUE(orders.contains("<h1 class=\"page-title\">Plantillas WhatsApp — Pedidos</h1>"));
  for (const char* key : {"pendiente", "confirmado", "preparando", "listo_retirar", "entregado", "cancelado"})
    EXPECT_TRUE(orders.contains("name=\"templates[" + std::string(key) + "]\"")) << key;
  EXPECT_NE(visible_text(orders.body).find("{my_orders_url}"), std::string::npos);
  EXPECT_TRUE(orders.contains("href=\"/admin/whatsapp\""));  // "WhatsApp Reparaciones"

  Browser customer = testing_support::registered_customer(*server_, "wa.customer@example.com");
  EXPECT_EQ(customer.get("/admin/whatsapp").status, 403);
  Browser guest(server_->base_url());
  EXPECT_EQ(guest.get("/admin/whatsapp-pedidos").status, 302);
}

TEST_F(WhatsApp, SavingStoresTheTypedTextAndTheDefaultForBlankOnes) {
  auto saved = admin_->submit("/admin/whatsapp", "/admin/whatsapp",
                              {{"templates[received]", "Hola {customer_name}\r\nRecibimos tu {device}."},
                               {"templates[diagnosing]", "   "}});
  ASSERT_EQ(saved.status, 302);
  auto page = admin_->follow(saved);
  EXPECT_NE(visible_text(page.body).find("Plantillas WhatsApp guardadas ✅"), std::string::npos);
  EXPECT_EQ(template_text(*server_, "repair_whatsapp_templates", "received"), "Hola {customer_name}\nRecibimos tu {device}.");
  EXPECT_NE(template_text(*server_, "repair_whatsapp_templates", "diagnosing").find("Tu reparación ({code})"),
            std::string::npos);
  EXPECT_EQ(scalar(*server_, "SELECT COUNT(*) FROM repair_whatsapp_templates"), 7);
  long long admin_id = testing_support::user_id_of(*server_, testing_support::kTestAdminEmail);
  EXPECT_EQ(scalar(*server_, "SELECT COUNT(*) FROM repair_whatsapp_templates WHERE updated_by = " +
                                 std::to_string(admin_id)),
            7);
  EXPECT_TRUE(page.contains("Recibimos tu {device}."));  // the page shows the stored text

  auto orders = admin_->submit("/admin/whatsapp-pedidos", "/admin/whatsapp-pedidos",
                               {{"templates[pendiente]", "Pedido {order_id}"}});
  ASSERT_EQ(orders.status, 302);
  EXPECT_NE(visible_text(admin_->follow(orders).body).find("Plantillas WhatsApp (Pedidos) guardadas ✅"),
            std::string::npos);
  EXPECT_EQ(template_text(*server_, "order_whatsapp_templates", "pendiente"), "Pedido {order_id}");
  EXPECT_NE(template_text(*server_, "order_whatsapp_templates", "cancelado").find("Si querés, lo revisamos"),
            std::string::npos);

  // Nothing submitted at all: refused, nothing changes.
  auto empty = admin_->submit("/admin/whatsapp", "/admin/whatsapp", {});
  EXPECT_EQ(empty.status, 302);
  EXPECT_EQ(template_text(*server_, "repair_whatsapp_templates", "received"), "Hola {customer_name}\nRecibimos tu {device}.");

  // Restore the defaults for the other tests (blank everything).
  admin_->submit("/admin/whatsapp", "/admin/whatsapp", {{"templates[received]", ""}});
  admin_->submit("/admin/whatsapp-pedidos", "/admin/whatsapp-pedidos", {{"templates[pendiente]", ""}});
}

TEST_F(WhatsApp, SeedingStoresTheDefaultsOnceAndKeepsEditedTexts) {
  // The suite's own database (a second AppServer would wipe the shared MariaDB database).
  server_->database().lease()->once << "DELETE FROM repair_whatsapp_templates";
  server_->database().lease()->once << "DELETE FROM order_whatsapp_templates";
  auto first = server_->run({"db:seed"});
  ASSERT_EQ(first.exit_code, 0) << first.output;
  EXPECT_EQ(scalar(*server_, "SELECT COUNT(*) FROM repair_whatsapp_templates"), 7);
  EXPECT_EQ(scalar(*server_, "SELECT COUNT(*) FROM order_whatsapp_templates"), 6);
  EXPECT_NE(template_text(*server_, "repair_whatsapp_templates", "ready_pickup").find("📍 Dirección: {shop_address}"),
            std::string::npos);
  EXPECT_NE(template_text(*server_, "order_whatsapp_templates", "listo_retirar").find("Podés pasar a retirarlo"),
            std::string::npos);
  server_->database().lease()->once
      << "UPDATE repair_whatsapp_templates SET template = 'propio' WHERE status = 'received'";
  auto second = server_->run({"db:seed"});
  ASSERT_EQ(second.exit_code, 0) << second.output;
  EXPECT_EQ(scalar(*server_, "SELECT COUNT(*) FROM repair_whatsapp_templates"), 7);
  EXPECT_EQ(template_text(*server_, "repair_whatsapp_templates", "received"), "propio");
  server_->database().lease()->once << "DELETE FROM repair_whatsapp_templates WHERE status = 'received'";
}

TEST_F(WhatsApp, RepairLogRendersEveryPlaceholderAndIsDeduplicatedForTenMinutes) {
  admin_->submit("/admin/whatsapp", "/admin/whatsapp", {{"templates[waiting_approval]", kEveryRepairPlaceholder}});
  long long id = insert_repair(*server_, "R-20260101-20001", "1133332222");
  auto first = log_ajax(id);
  ASSERT_EQ(first.status, 200) << first.body;
  EXPECT_NE(first.body.find("\"ok\":true"), std::string::npos);
  EXPECT_NE(first.body.find("\"created\":true"), std::string::npos);
  EXPECT_EQ(repair_logs(id), 1);

  std::string message, phone;
  long long sent_by = 0;
  server_->database().lease()->once
      << "SELECT message, phone, sent_by FROM repair_whatsapp_logs WHERE repair_id = :id", soci::use(id),
      soci::into(message), soci::into(phone), soci::into(sent_by);
  EXPECT_EQ(phone, "5491133332222");  // the same E.164 digits as orders: 54 9 11 …
  EXPECT_EQ(sent_by, testing_support::user_id_of(*server_, testing_support::kTestAdminEmail));
  for (const std::string& part : std::vector<std::string>{
       "N=Ana Pérez|", "C=R-20260101-20001|", "S=waiting_approval|", "L=Esperando aprobación|",
        "U=http://127.0.0.1/reparacion|", "E=http://127.0.0.1/reparacion/estado/" + std::to_string(id) + "?expires=",
        "P=011 15-3333-2222|", "B=Samsung|", "M=A52|", "D=Samsung A52|", "F=42.000|", "W=30|",
        "A=http://127.0.0.1/reparacion/" + std::to_string(id) + "/presupuesto?expires=",
        "AD=Av. Siempreviva 742|", "H=Lun a Vie 9 a 18"})
    EXPECT_NE(message.find(part), std::string::npos) << part << " in " << message;
  EXPECT_EQ(message.find('{'), std::string::npos) << message;
  // The approval link in the message works.
  std::string approval = message.substr(message.find("A=http://127.0.0.1") + 18);
  approval = approval.substr(0, approval.find('|'));
  Browser customer(server_->base_url());
  EXPECT_EQ(customer.get(approval).status, 200) << approval;

  auto again = log_ajax(id);
  ASSERT_EQ(again.status, 200);
  EXPECT_NE(again.body.find("\"created\":false"), std::string::npos);
  EXPECT_NE(again.body.find("Ya estaba registrado recientemente."), std::string::npos);
  EXPECT_EQ(repair_logs(id), 1);
  admin_->submit("/admin/whatsapp", "/admin/whatsapp", {{"templates[waiting_approval]", ""}});
}

TEST_F(WhatsApp, RepairDedupeWindowIsTenMinutesPerStatus) {
  long long id = insert_repair(*server_, "R-20260101-20002", "3415550000", "received");
  insert_repair_log(*server_, id, "received", sql_ago(9));
  EXPECT_NE(log_ajax(id).body.find("\"created\":false"), std::string::npos);  // 9 minutes ago: still recent
  EXPECT_EQ(repair_logs(id), 1);

  long long older = insert_repair(*server_, "R-20260101-20003", "3415550000", "received");
  insert_repair_log(*server_, older, "received", sql_ago(11));
  insert_repair_log(*server_, older, "diagnosing", sql_ago(1));  // another status does not count
  EXPECT_NE(log_ajax(older).body.find("\"created\":true"), std::string::npos);  // 11 minutes ago: a new send
  EXPECT_EQ(repair_logs(older), 3);
}

TEST_F(WhatsApp, RepairClassicLogFlashesAndRefusesWithoutPhone) {
  long long id = insert_repair(*server_, "R-20260101-20004", "3415550000", "ready_pickup");
  admin_->referer = server_->base_url() + "/admin/whatsapp";  // "back" lands on a page that shows flashes
  auto logged = admin_->submit("/admin/whatsapp", "/admin/reparaciones/" + std::to_string(id) + "/whatsapp", {});
  ASSERT_EQ(logged.status, 302);
  EXPECT_NE(visible_text(admin_->follow(logged).body).find("Envío de WhatsApp registrado en el historial."),
            std::string::npos);
  auto twice = admin_->submit("/admin/whatsapp", "/admin/reparaciones/" + std::to_string(id) + "/whatsapp", {});
  EXPECT_NE(visible_text(admin_->follow(twice).body).find("Ya estaba registrado un envío reciente para este mismo estado."),
            std::string::npos);
  EXPECT_EQ(repair_logs(id), 1);

  long long no_phone = insert_repair(*server_, "R-20260101-20005", "000", "received");
  auto refused = admin_->submit("/admin/whatsapp", "/admin/reparaciones/" + std::to_string(no_phone) + "/whatsapp", {});
  ASSERT_EQ(refused.status, 302);
  EXPECT_NE(visible_text(admin_->follow(refused).body).find("No se pudo armar el WhatsApp: revisá el teléfono del cliente."),
            std::string::npos);
  auto ajax = log_ajax(no_phone);
  EXPECT_EQ(ajax.status, 422);
  EXPECT_NE(ajax.body.find("\"ok\":false"), std::string::npos);
  EXPECT_NE(ajax.body.find("\"error\":\"invalid_phone\""), std::string::npos);
  EXPECT_EQ(repair_logs(no_phone), 0);
  admin_->referer.clear();

  EXPECT_EQ(log_ajax(999999).status, 404);
  Browser customer = testing_support::registered_customer(*server_, "wa.other@example.com");
  auto page = customer.get("/reparacion");
  auto forbidden = customer.post("/admin/reparaciones/" + std::to_string(id) + "/whatsapp-ajax",
                                 {{"_token", testing_support::csrf_token_in(page.body)}});
  EXPECT_EQ(forbidden.status, 403);
  EXPECT_EQ(repair_logs(id), 1);
}

namespace {
long long insert_order(AppServer& server, long long user_id, const std::string& pickup_phone) {
  server.database().lease()->once
      << "INSERT INTO orders (user_id, status, payment_method, total, pickup_name, pickup_phone, notes, created_at, "
         "updated_at) VALUES (:u, 'pendiente', 'local', 1234500, 'Juan Perez', :p, ' Llamar antes de entregar ', "
         "'2026-01-01 12:00:00', '2026-01-01 12:00:00')",
      soci::use(user_id), soci::use(pickup_phone);
  long long order_id = scalar(server, "SELECT MAX(id) FROM orders");
  server.database().lease()->once
      << "INSERT INTO categories (name, slug, active, created_at, updated_at) VALUES ('Cables', 'cables-wa', 1, "
         "'2026-01-01 00:00:00', '2026-01-01 00:00:00')";
  long long category = scalar(server, "SELECT id FROM categories WHERE slug = 'cables-wa'");
  server.database().lease()->once
      << "INSERT INTO products (category_id, name, slug, price, stock, active, created_at, updated_at) VALUES (:c, "
         "'Cable USB-C', 'cable-wa', 450000, 10, 1, '2026-01-01 00:00:00', '2026-01-01 00:00:00')",
      soci::use(category);
  long long product = scalar(server, "SELECT id FROM products WHERE slug = 'cable-wa'");
  for (auto [name, quantity] : {std::pair<std::string, int>{"Cable USB-C", 2}, {"Cargador 20W", 1}}) {
    long long price = 450000, subtotal = price * quantity;
    server.database().lease()->once
        << "INSERT INTO order_items (order_id, product_id, product_name, price, quantity, subtotal, created_at, "
           "updated_at) VALUES (:o, :p, :n, :price, :q, :s, '2026-01-01 12:00:00', '2026-01-01 12:00:00')",
        soci::use(order_id), soci::use(product), soci::use(name), soci::use(price), soci::use(quantity),
        soci::use(subtotal);
  }
  return order_id;
}
}  // namespace

TEST_F(WhatsApp, OrderMessagesUseTheOrderTemplateAndAreDeduplicatedPerStatusAndPhoneForFifteenMinutes) {
  testing_support::registered_customer(*server_, "wa.buyer@example.com");
  long long buyer = testing_support::user_id_of(*server_, "wa.buyer@example.com");
  long long order = insert_order(*server_, buyer, "1176543210");
  admin_->submit("/admin/whatsapp-pedidos", "/admin/whatsapp-pedidos",
                 {{"templates[pendiente]",
                   "Pedido {order_id}|Cliente {customer_name}|Estado {status_label} ({status})|{total}|Items "
                   "{items_count}|{items_summary}|Retira {pickup_name} - {pickup_phone} - {phone}|Notas {notes}|"
                   "{my_orders_url}|{store_url}|{shop_name}|{shop_address}|{shop_hours}|{total_raw}|{shop_phone}"}});
  auto& database = server_->database();
  auto message = notify::order_whatsapp(database, order, "http://tienda.test");
  ASSERT_TRUE(message.phone.has_value());
  EXPECT_EQ(*message.phone, "5491176543210");  // E.164 digits, as for repairs
  for (const std::string& part : std::vector<std::string>{
       "Pedido " + std::to_string(order), "Cliente Juan Perez", "Estado Pendiente (pendiente)", "$ 12.345", "Items 3",
        "2x Cable USB-C\n1x Cargador 20W", "Retira Juan Perez - 011 15-7654-3210 - 011 15-7654-3210",
        "Notas Llamar antes de entregar", "http://tienda.test/mis-pedidos", "http://tienda.test/tienda",
        "NicoReparaciones", "Av. Siempreviva 742", "Lun a Vie 9 a 18", "|12345|"})
    EXPECT_NE(message.message.find(part), std::string::npos) << part << " in " << message.message;
  EXPECT_EQ(message.message.find('{'), std::string::npos) << message.message;
  EXPECT_EQ(message.url.rfind("https://wa.me/5491176543210?text=Pedido%20", 0), 0u) << message.url;

  long long admin_id = testing_support::user_id_of(*server_, testing_support::kTestAdminEmail);
  auto first = record_order_log(database, order, admin_id, "http://tienda.test");
  EXPECT_TRUE(first.found && first.has_phone && first.created);
  auto second = record_order_log(database, order, admin_id, "http://tienda.test");
  EXPECT_TRUE(second.has_phone);
  EXPECT_FALSE(second.created);
  EXPECT_EQ(scalar(*server_, "SELECT COUNT(*) FROM order_whatsapp_logs WHERE order_id = " + std::to_string(order)), 1);
  auto logs = notify::order_whatsapp_logs(database, order);
  ASSERT_EQ(logs.size(), 1u);
  EXPECT_EQ(logs[0].status_label, "Pendiente");
  EXPECT_EQ(logs[0].phone, "5491176543210");
  EXPECT_EQ(logs[0].sent_by_name, "Admin");

  // Another phone is another send; a log older than 15 minutes does not block.
  database.lease()->once << "UPDATE orders SET pickup_phone = '3415550000' WHERE id = :id", soci::use(order);
  EXPECT_TRUE(record_order_log(database, order, admin_id, "").created);
  std::string sixteen = sql_ago(16), fourteen = sql_ago(14);
  database.lease()->once << "UPDATE order_whatsapp_logs SET sent_at = :at WHERE order_id = :id", soci::use(sixteen),
      soci::use(order);
  EXPECT_TRUE(record_order_log(database, order, admin_id, "").created);
  database.lease()->once << "UPDATE order_whatsapp_logs SET sent_at = :at WHERE order_id = :id", soci::use(fourteen),
      soci::use(order);
  EXPECT_FALSE(record_order_log(database, order, admin_id, "").created);
  EXPECT_EQ(scalar(*server_, "SELECT COUNT(*) FROM order_whatsapp_logs WHERE order_id = " + std::to_string(order)), 3);

  // No phone anywhere: nothing to send, nothing logged.
  database.lease()->once << "UPDATE orders SET pickup_phone = '' WHERE id = :id", soci::use(order);
  database.lease()->once << "UPDATE users SET phone = NULL WHERE id = :id", soci::use(buyer);
  auto none = record_order_log(database, order, admin_id, "");
  EXPECT_TRUE(none.found);
  EXPECT_FALSE(none.has_phone);
  EXPECT_FALSE(notify::order_whatsapp(database, order, "").phone.has_value());
  EXPECT_FALSE(record_order_log(database, 999999, admin_id, "").found);
  admin_->submit("/admin/whatsapp-pedidos", "/admin/whatsapp-pedidos", {{"templates[pendiente]", ""}});
}
