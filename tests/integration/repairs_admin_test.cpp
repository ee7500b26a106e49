// Admin repairs (/admin/reparaciones…) as the shop owner at the counter would notice them: intake with its
// validation messages, unique codes under parallel intakes, the status machine through the form and JSON,
// the list with filters / counters / pages, the detail page, print and ticket, and 404s. SQLite and MariaDB.
#include <gtest/gtest.h>

#include <atomic>
#include <regex>
#include <set>
#include <thread>
#include <vector>

#include "support/accounts.hpp"
#include "support/app_server.hpp"
#include "support/browser.hpp"
#include "support/test_files.hpp"

using testing_support::AppServer;
using testing_support::Browser;
using testing_support::HttpResponse;
using testing_support::scalar;
using testing_support::visible_text;

namespace {

struct Catalog {
  long long phone_type = 0, console_type = 0;
  long long samsung = 0, sony = 0, inactive_brand = 0;
  long long a52 = 0, a10 = 0, ps5 = 0;
  long long screen = 0, hdmi = 0;
  long long module = 0;
};

class RepairsAdmin : public ::testing::Test {
 protected:
  static void SetUpTestSuite() {
    server_ = new AppServer(std::map<std::string, std::string>{{"RATE_LIMIT_ADMIN_REQUESTS_PER_MINUTE", "100000"},
                                                               {"APP_URL", "http://taller.example.com"},
                                                               // Tests write business settings straight into
                                                               // the table, behind the settings snapshot.
                                                               {"SETTINGS_CACHE_SECONDS", "0"}});
    server_->start();
    seed_catalog();
    admin_ = new Browser(testing_support::signed_in_admin(*server_));
    token_ = testing_support::csrf_token_in(admin_->get("/admin/reparaciones/crear").body);
  }
  static void TearDownTestSuite() {
    delete admin_;
    delete server_;
    admin_ = nullptr;
    server_ = nullptr;
  }

  static long long insert(const std::string& sql) {
    auto session = server_->database().lease();
    *session << sql;
    return server_->database().last_insert_id(*session, sql.substr(12, sql.find(' ', 12) - 12));
  }
  static void seed_catalog() {
    const std::string ts = "'2026-01-01 00:00:00', '2026-01-01 00:00:00'";
    auto& c = catalog_;
    c.phone_type = insert("INSERT INTO device_types (name, slug, active, created_at, updated_at) VALUES ('Celular', 'celular', 1, " + ts + ")");
    c.console_type = insert("INSERT INTO device_types (name, slug, active, created_at, updated_at) VALUES ('Consola', 'consola', 1, " + ts + ")");
    auto brand = [&](long long type, const std::string& name, int active) {
      return insert("INSERT INTO device_brands (device_type_id, name, slug, active, created_at, updated_at) VALUES (" +
                    std::to_string(type) + ", '" + name + "', '" + name + "', " + std::to_string(active) + ", " + ts + ")");
    };
    c.samsung = brand(c.phone_type, "Samsung", 1);
    c.sony = brand(c.console_type, "PlayStation", 1);
    c.inactive_brand = brand(c.phone_type, "Nokia", 0);
    auto model = [&](long long brand_id, const std::string& name) {
      return insert("INSERT INTO device_models (device_brand_id, name, slug, active, created_at, updated_at) VALUES (" +
                    std::to_string(brand_id) + ", '" + name + "', '" + name + "', 1, " + ts + ")");
    };
    c.a52 = model(c.samsung, "A52");
    c.a10 = model(c.samsung, "A10");
    c.ps5 = model(c.sony, "PS5");
    auto issue = [&](long long type, const std::string& name, const std::string& slug) {
      return insert("INSERT INTO device_issue_types (device_type_id, name, slug, active, created_at, updated_at) VALUES (" +
                    std::to_string(type) + ", '" + name + "', '" + slug + "', 1, " + ts + ")");
    };
    c.screen = issue(c.phone_type, "Pantalla", "pantalla");
    c.hdmi = issue(c.console_type, "HDMI / Video", "hdmi");
    c.module = insert("INSERT INTO repair_types (name, slug, active, created_at, updated_at) VALUES ('Módulo', 'modulo', 1, " + ts + ")");
  }

  // A complete, valid intake; tests override fields.
  static std::vector<std::pair<std::string, std::string>> intake(
      std::map<std::string, std::string> overrides = {}) {
    std::map<std::string, std::string> fields = {
        {"customer_name", "Juan Pérez"},
        {"customer_phone", "+54 (341) 555-1234"},
        {"device_type_id", std::to_string(catalog_.phone_type)},
        {"device_brand_id", std::to_string(catalog_.samsung)},
        {"device_model_id", std::to_string(catalog_.a52)},
        {"device_issue_type_id", std::to_string(catalog_.screen)},
        {"repair_type_id", std::to_string(catalog_.module)},
        {"issue_detail", "no enciende"},
        {"parts_cost", "12.345,50"},
        {"labor_cost", "5000"},
        {"final_price", "42000"},
        {"paid_amount", "10000"},
        {"payment_method", "cash"},
        {"warranty_days", "30"},
        {"status", "received"},
        {"notes", "Dejó funda"}};
    for (auto& [key, value] : overrides) fields[key] = value;
    std::vector<std::pair<std::string, std::string>> posted = {{"_token", token_}};
    for (auto& [key, value] : fields) posted.emplace_back(key, value);
    return posted;
  }
  static HttpResponse create(Browser& browser, std::map<std::string, std::string> overrides = {}) {
    browser.referer = server_->base_url() + "/admin/reparaciones/crear";
    return browser.post("/admin/reparaciones", intake(std::move(overrides)));
  }
  static long long id_from(const HttpResponse& redirect) {
    std::smatch match;
    std::string location = redirect.header("location");
    if (!std::regex_search(location, match, std::regex("/admin/reparaciones/(\\d+)$"))) return 0;
    return std::stoll(match[1]);
  }
  static std::string column(long long id, const std::string& name) {
    std::string value;
    soci::indicator ind;
    *server_->database().lease() << "SELECT " + name + " FROM repairs WHERE id = :id", soci::use(id),
        soci::into(value, ind);
    return ind == soci::i_ok ? value : "NULL";
  }
  static long long number(long long id, const std::string& name) {
    return scalar(*server_, "SELECT " + name + " FROM repairs WHERE id = " + std::to_string(id));
  }
  static long long insert_repair(const std::string& code, const std::string& name, const std::string& phone,
                                 const std::string& status, const std::string& received_at) {
    return insert("INSERT INTO repairs (code, customer_name, customer_phone, device_brand, device_model, "
                  "issue_reported, status, final_price, received_at, created_at, updated_at) VALUES ('" + code + "', '" +
                  name + "', '" + phone + "', 'Motorola', 'G20', 'Pantalla', '" + status + "', 1500000, '" +
                  received_at + "', '" + received_at + "', '" + received_at + "')");
  }
  static HttpResponse post_status(long long id, const std::string& status, const std::string& comment = "",
                                  const std::string& current = "", bool json = false) {
    std::vector<std::pair<std::string, std::string>> fields = {{"_token", token_}, {"status", status}};
    if (!comment.empty()) fields.emplace_back("comment", comment);
    if (!current.empty()) fields.emplace_back("current_status", current);
    admin_->referer = server_->base_url() + "/admin/reparaciones/" + std::to_string(id);
    std::map<std::string, std::string> headers;
    if (json) headers["Accept"] = "application/json";
    return admin_->post("/admin/reparaciones/" + std::to_string(id) + "/estado", fields, headers);
  }

  static AppServer* server_;
  static Browser* admin_;
  static std::string token_;
  static Catalog catalog_;
};
AppServer* RepairsAdmin::server_ = nullptr;
Browser* RepairsAdmin::admin_ = nullptr;
std::string RepairsAdmin::token_;
Catalog RepairsAdmin::catalog_;
}  // namespace

// ---------- Intake ----------

TEST_F(RepairsAdmin, IntakeFormOffersTheActiveCatalogWithoutJavascript) {
  auto page = admin_->get("/admin/reparaciones/crear");
  ASSERT_EQ(page.status, 200);
  EXPECT_TRUE(page.contains("<title>Admin — Nueva reparación"));
  EXPECT_TRUE(page.contains("class=\"page-title\">Nueva reparación</h1>"));
  EXPECT_TRUE(page.contains("Cargá lo básico. Después podés editar todo desde el detalle."));
  EXPECT_TRUE(page.contains("name=\"device_type_id\" data-device-type required"));
  EXPECT_TRUE(page.contains(">Samsung</option>"));
  EXPECT_TRUE(page.contains(">A52</option>"));
  EXPECT_TRUE(page.contains(">Pantalla</option>"));
  EXPECT_TRUE(page.contains(">Módulo</option>"));
  EXPECT_FALSE(page.contains(">Nokia</option>"));  // inactive brands are not offered
  EXPECT_TRUE(page.contains("<option value=\"received\" selected>Recibido</option>"));
  EXPECT_TRUE(page.contains("data-repair-submit>Crear reparación</button>"));
  EXPECT_TRUE(page.contains("data-repair-pricing-auto"));
}

TEST_F(RepairsAdmin, IntakeCreatesTheRepairWithCodeHistoryAndDenormalisedNames) {
  auto response = create(*admin_);
  ASSERT_EQ(response.status, 303) << response.body;
  long long id = id_from(response);
  ASSERT_GT(id, 0);
  std::string code = column(id, "code");
  std::string padded = std::to_string(id);
  padded.insert(0, 5 - std::min<std::size_t>(5, padded.size()), '0');
  EXPECT_TRUE(std::regex_match(code, std::regex("R-20\\d{6}-" + padded))) << code;
  EXPECT_EQ(column(id, "customer_phone"), "+5493415551234");  // "+54 (341) 555-1234" as E.164 (mobile)
  EXPECT_EQ(column(id, "device_brand"), "Samsung");
  EXPECT_EQ(column(id, "device_model"), "A52");
  EXPECT_EQ(column(id, "issue_reported"), "Pantalla — no enciende");
  EXPECT_EQ(number(id, "parts_cost"), 1234550);
  EXPECT_EQ(number(id, "labor_cost"), 500000);
  EXPECT_EQ(number(id, "final_price"), 4200000);
  EXPECT_EQ(number(id, "paid_amount"), 1000000);
  EXPECT_EQ(number(id, "warranty_days"), 30);
  EXPECT_EQ(column(id, "status"), "received");
  EXPECT_EQ(column(id, "delivered_at"), "NULL");
  EXPECT_NE(column(id, "received_at"), "NULL");
  EXPECT_EQ(scalar(*server_, "SELECT COUNT(*) FROM repair_status_histories WHERE from_status IS NULL AND "
                             "to_status = 'received' AND comment = 'Creación de reparación' AND repair_id = " +
                                 std::to_string(id)),
            1);

  auto page = admin_->follow(response);
  ASSERT_EQ(page.status, 200);
  std::string text = visible_text(page.body);
  EXPECT_NE(text.find("Reparación creada."), std::string::npos);
  EXPECT_TRUE(page.contains("class=\"page-title\">" + code + "</h1>"));
  EXPECT_NE(text.find("Juan Pérez · 0341 15-555-1234 · Samsung A52"), std::string::npos);
  EXPECT_NE(text.find("$ 32.000"), std::string::npos);  // Debe = final 42.000 − paid 10.000
}

TEST_F(RepairsAdmin, IntakeDirectlyAsDeliveredStampsTheDeliveryDate) {
  auto response = create(*admin_, {{"status", "delivered"}});
  ASSERT_EQ(response.status, 303);
  long long id = id_from(response);
  EXPECT_EQ(column(id, "status"), "delivered");
  EXPECT_NE(column(id, "delivered_at"), "NULL");
  auto page = admin_->get("/admin/reparaciones/" + std::to_string(id));
  EXPECT_NE(visible_text(page.body).find("Garantía vigente"), std::string::npos);
}

TEST_F(RepairsAdmin, IntakeRefusesBadInputWithTheSpanishMessages) {
  struct Case {
    std::map<std::string, std::string> overrides;
    std::string message;
  };
  const std::vector<Case> cases = {
      {{{"customer_phone", "341-CALL-ME"}}, "Revisá el teléfono: no parece un número válido."},
      {{{"customer_name", "  "}}, "Ingresá el nombre del cliente."},
      {{{"device_brand_id", std::to_string(catalog_.sony)}, {"device_model_id", std::to_string(catalog_.ps5)}},
       "La marca no pertenece al tipo seleccionado."},
      {{{"device_model_id", std::to_string(catalog_.ps5)}}, "El modelo no pertenece a la marca seleccionada."},
      {{{"device_issue_type_id", std::to_string(catalog_.hdmi)}},
       "La falla no corresponde al tipo de dispositivo seleccionado."},
      {{{"user_email", "nadie@example.com"}}, "No existe un usuario con ese email."},
      {{{"device_brand_id", std::to_string(catalog_.inactive_brand)}},
       "La marca elegida está inactiva. Elegí otra o activala en el catálogo."},
      {{{"parts_cost", "-5"}}, "El costo del repuesto debe ser un monto válido, mayor o igual a 0"},
      {{{"final_price", "mucho"}}, "El precio final debe ser un monto válido, mayor o igual a 0"},
      {{{"status", "perdido"}}, "Elegí un estado válido."},
      {{{"device_model_id", "999999"}}, "El modelo elegido no existe."},
      {{{"warranty_days", "-1"}}, "La garantía debe ser un número entero de días, entre 0 y 3650."},
  };
  long long before = scalar(*server_, "SELECT COUNT(*) FROM repairs");
  for (const auto& c : cases) {
    auto response = create(*admin_, c.overrides);
    ASSERT_EQ(response.status, 302) << c.message;
    EXPECT_NE(response.header("location").find("/admin/reparaciones/crear"), std::string::npos);
    auto page = admin_->follow(response);
    EXPECT_NE(visible_text(page.body).find(c.message), std::string::npos) << c.message;
    EXPECT_TRUE(page.contains("value=\"Juan Pérez\"") || c.overrides.count("customer_name")) << "old input kept";
  }
  EXPECT_EQ(scalar(*server_, "SELECT COUNT(*) FROM repairs"), before);
}

TEST_F(RepairsAdmin, TwentyParallelIntakesGetTwentyDistinctCodes) {
  long long before = scalar(*server_, "SELECT COUNT(*) FROM repairs");
  std::vector<Browser> browsers(20, *admin_);
  std::vector<long long> ids(20, 0);
  std::vector<std::thread> threads;
  for (int i = 0; i < 20; ++i)
    threads.emplace_back([&, i] {
      auto response = create(browsers[i], {{"customer_name", "Paralelo " + std::to_string(i)}});
      if (response.status == 303) ids[i] = id_from(response);
    });
  for (auto& thread : threads) thread.join();
  std::set<std::string> codes;
  for (long long id : ids) {
    ASSERT_GT(id, 0);
    codes.insert(column(id, "code"));
  }
  EXPECT_EQ(codes.size(), 20u);
  EXPECT_EQ(scalar(*server_, "SELECT COUNT(*) FROM repairs"), before + 20);
  EXPECT_EQ(scalar(*server_, "SELECT COUNT(*) FROM repairs WHERE code IS NULL"), 0);
}

// ---------- Status changes ----------

TEST_F(RepairsAdmin, JsonStatusChangesFollowTheMachine) {
  long long id = id_from(create(*admin_));
  auto refused = post_status(id, "delivered", "", "", true);
  EXPECT_EQ(refused.status, 422);
  EXPECT_TRUE(refused.contains("\"ok\":false"));
  EXPECT_TRUE(refused.contains("\"changed\":false"));
  EXPECT_TRUE(refused.contains("\"status\":\"received\""));
  EXPECT_TRUE(refused.contains("Cambio de estado inválido. Desde Recibido solo podés pasar a: Diagnosticando, "
                               "Esperando aprobación, En reparación, Listo para retirar, Cancelado."));
  EXPECT_EQ(column(id, "status"), "received");

  auto same = post_status(id, "received", "", "", true);
  EXPECT_EQ(same.status, 200);
  EXPECT_TRUE(same.contains("\"changed\":false"));
  EXPECT_TRUE(same.contains("El estado ya era ese."));

  ASSERT_EQ(post_status(id, "ready_pickup", "", "", true).status, 200);
  auto delivered = post_status(id, "delivered", "Entrega QA", "", true);
  EXPECT_EQ(delivered.status, 200);
  EXPECT_TRUE(delivered.contains("\"ok\":true"));
  EXPECT_TRUE(delivered.contains("\"changed\":true"));
  EXPECT_TRUE(delivered.contains("\"from_status\":\"ready_pickup\""));
  EXPECT_TRUE(delivered.contains("\"to_status\":\"delivered\""));
  EXPECT_TRUE(delivered.contains("\"status_label\":\"Entregado\""));
  EXPECT_NE(column(id, "delivered_at"), "NULL");
  EXPECT_EQ(scalar(*server_, "SELECT COUNT(*) FROM audit_logs WHERE event = 'admin.repair.status_changed' AND "
                             "subject_id = " + std::to_string(id)),
            2);

  auto final_state = post_status(id, "cancelled", "", "", true);
  EXPECT_EQ(final_state.status, 422);
  EXPECT_TRUE(final_state.contains("Una reparación en estado Entregado no puede cambiar de estado."));
}

TEST_F(RepairsAdmin, FormStatusChangeRedirectsWithFlashAndShowsHistory) {
  long long id = id_from(create(*admin_));
  auto response = post_status(id, "diagnosing", "Revisando placa", "received");
  ASSERT_EQ(response.status, 303);
  EXPECT_EQ(response.header("location"), "/admin/reparaciones/" + std::to_string(id));
  auto page = admin_->follow(response);
  std::string text = visible_text(page.body);
  EXPECT_NE(text.find("Estado actualizado."), std::string::npos);
  // The message of the new status is offered once, right after the change.
  EXPECT_NE(text.find("¿Avisar al cliente del nuevo estado por WhatsApp?"), std::string::npos);
  EXPECT_TRUE(page.contains("data-wa-after"));
  EXPECT_FALSE(admin_->get("/admin/reparaciones/" + std::to_string(id)).contains("data-wa-after"));
  EXPECT_NE(text.find("2 cambios"), std::string::npos);
  EXPECT_NE(text.find("(desde Recibido)"), std::string::npos);
  EXPECT_NE(text.find("Revisando placa"), std::string::npos);
  EXPECT_NE(text.find("Creación de reparación"), std::string::npos);
  EXPECT_NE(text.find("Admin"), std::string::npos);  // who changed it
  // The status select disables what the machine forbids from diagnosing.
  EXPECT_TRUE(page.contains("<option value=\"received\" disabled>Recibido</option>"));
  EXPECT_TRUE(page.contains("<option value=\"repairing\">En reparación</option>"));
  EXPECT_TRUE(page.contains("<option value=\"delivered\" disabled>Entregado</option>"));
}

TEST_F(RepairsAdmin, RefusedAndStaleChangesGoBackWithAClearError) {
  long long id = id_from(create(*admin_));
  auto refused = post_status(id, "delivered", "", "received");
  ASSERT_EQ(refused.status, 302);
  auto page = admin_->follow(refused);
  EXPECT_NE(visible_text(page.body).find("Cambio de estado inválido. Desde Recibido solo podés pasar a:"),
            std::string::npos);

  // Someone else moved it to repairing after this form was rendered with "received".
  ASSERT_EQ(post_status(id, "repairing", "", "received").status, 303);
  auto stale = post_status(id, "cancelled", "", "received");
  ASSERT_EQ(stale.status, 302);
  auto again = admin_->follow(stale);
  EXPECT_NE(visible_text(again.body).find("La reparación cambió mientras la editabas. Recargá la página e intentá de nuevo."),
            std::string::npos);
  EXPECT_EQ(column(id, "status"), "repairing");
  EXPECT_EQ(scalar(*server_, "SELECT COUNT(*) FROM repair_status_histories WHERE repair_id = " + std::to_string(id)), 2);
}

TEST_F(RepairsAdmin, QuickActionsAndFinalStatesOnTheDetailPage) {
  long long id = id_from(create(*admin_, {{"status", "ready_pickup"}}));
  auto page = admin_->get("/admin/reparaciones/" + std::to_string(id));
  EXPECT_TRUE(page.contains("value=\"Acción rápida: marcada como entregada\""));
  EXPECT_TRUE(page.contains(">Marcar entregada</button>"));
  ASSERT_EQ(post_status(id, "delivered", "Acción rápida: marcada como entregada", "ready_pickup").status, 303);
  auto final_page = admin_->get("/admin/reparaciones/" + std::to_string(id));
  std::string text = visible_text(final_page.body);
  EXPECT_NE(text.find("Este estado es final y no puede modificarse."), std::string::npos);
  EXPECT_NE(text.find("Esta reparación ya está en un estado final (entregada/cancelada)."), std::string::npos);
  EXPECT_TRUE(final_page.contains("<select class=\"input\" id=\"status\" name=\"status\" disabled>"));
}

// ---------- Edit ----------

TEST_F(RepairsAdmin, EditUpdatesTheRepairAndKeepsOldInputOnErrors) {
  long long id = id_from(create(*admin_));
  std::string path = "/admin/reparaciones/" + std::to_string(id);
  auto fields = intake({{"diagnosis", "Cambio de módulo"}, {"customer_name", "Juan P."}, {"issue_detail", ""}});
  fields.emplace_back("_method", "PUT");
  admin_->referer = server_->base_url() + path;
  auto saved = admin_->post(path, fields);
  ASSERT_EQ(saved.status, 303);
  EXPECT_EQ(column(id, "diagnosis"), "Cambio de módulo");
  EXPECT_EQ(column(id, "customer_name"), "Juan P.");
  EXPECT_EQ(column(id, "issue_reported"), "Pantalla");
  EXPECT_EQ(column(id, "status"), "received");  // the edit form never changes the status
  EXPECT_NE(visible_text(admin_->follow(saved).body).find("Datos de la reparación actualizados."), std::string::npos);

  auto bad = intake({{"diagnosis", "Diagnóstico que no se pierde"}, {"customer_phone", "abc"}});
  bad.emplace_back("_method", "PUT");
  auto refused = admin_->post(path, bad);
  ASSERT_EQ(refused.status, 302);
  auto page = admin_->follow(refused);
  EXPECT_EQ(refused.header("location"), path + "#repair_edit");
  EXPECT_TRUE(page.contains("Diagnóstico que no se pierde"));
  EXPECT_EQ(column(id, "diagnosis"), "Cambio de módulo");
}

TEST_F(RepairsAdmin, APartTakenFromStockWhileTheEditFormIsOpenStaysInThePartsCost) {
  long long id = id_from(create(*admin_, {{"parts_cost", "1000"}}));
  std::string path = "/admin/reparaciones/" + std::to_string(id);
  ASSERT_EQ(number(id, "parts_cost"), 100000);
  // The form is opened with $ 1.000 of parts; meanwhile a technician takes a $ 200 part from stock.
  auto form = admin_->get(path);
  EXPECT_TRUE(form.contains("name=\"parts_cost_shown\" value=\"1000\"")) << "hidden field missing";
  server_->database().lease()->once
      << "INSERT INTO categories (name, slug, active) VALUES ('Taller edición', 'taller-edicion', 1)";
  long long category = scalar(*server_, "SELECT MAX(id) FROM categories");
  server_->database().lease()->once
      << "INSERT INTO products (category_id, name, slug, price, stock, active, cost_price, usable_in_repairs, "
         "sellable_in_store) VALUES (:c, 'Flex de carga', 'flex-edicion', 40000, 1, 1, 20000, 1, 0)",
      soci::use(category);
  long long product = scalar(*server_, "SELECT MAX(id) FROM products");
  auto applied = admin_->post(path + "/repuestos",
                              {{"_token", token_}, {"product_id", std::to_string(product)}, {"quantity", "1"}});
  ASSERT_EQ(applied.status, 303);
  ASSERT_EQ(number(id, "parts_cost"), 120000);

  // The admin raises the figure they saw by $ 500 and saves: the part taken meanwhile is still counted.
  auto fields = intake({{"parts_cost", "1500"}, {"parts_cost_shown", "1000"}});
  fields.emplace_back("_method", "PUT");
  admin_->referer = server_->base_url() + path;
  ASSERT_EQ(admin_->post(path, fields).status, 303);
  EXPECT_EQ(number(id, "parts_cost"), 170000);
  // Without the hidden field (an older page, an integration) the typed figure is stored as it is.
  auto plain = intake({{"parts_cost", "1500"}});
  plain.emplace_back("_method", "PUT");
  ASSERT_EQ(admin_->post(path, plain).status, 303);
  EXPECT_EQ(number(id, "parts_cost"), 150000);
}

// ---------- List ----------

TEST_F(RepairsAdmin, ListFiltersCountsAndPages) {
  // 23 repairs of one customer "Lista Paginada" with phone 3519990000, oldest first.
  for (int i = 0; i < 23; ++i) {
    char day[32];
    std::snprintf(day, sizeof day, "2025-03-%02d 10:00:00", i + 1);
    insert_repair("R-20250301-L" + std::to_string(100 + i), "Lista Paginada", "3519990000",
                  i % 2 ? "received" : "repairing", day);
  }
  auto first = admin_->get("/admin/reparaciones?q=Lista+Paginada");
  ASSERT_EQ(first.status, 200);
  EXPECT_TRUE(first.contains("<span data-admin-repairs-count=\"all\">23</span>"));
  EXPECT_TRUE(first.contains("<span data-admin-repairs-count=\"received\">11</span>"));
  EXPECT_TRUE(first.contains("<span data-admin-repairs-count=\"repairing\">12</span>"));
  EXPECT_TRUE(first.contains("Página 1 de 2"));
  EXPECT_EQ(testing_support::count_of(first.body, "data-repair-row="), 20u);
  // Newest first without a status filter.
  EXPECT_LT(first.body.find("R-20250301-L122"), first.body.find("R-20250301-L121"));
  auto second = admin_->get("/admin/reparaciones?q=Lista+Paginada&page=2");
  EXPECT_EQ(testing_support::count_of(second.body, "data-repair-row="), 3u);

  // A non-final status lists the oldest received first; counters still honour q only.
  auto received = admin_->get("/admin/reparaciones?q=Lista+Paginada&status=received");
  EXPECT_EQ(testing_support::count_of(received.body, "data-repair-row="), 11u);
  EXPECT_LT(received.body.find("R-20250301-L101"), received.body.find("R-20250301-L103"));
  EXPECT_TRUE(received.contains("<span data-admin-repairs-count=\"all\">23</span>"));
  EXPECT_TRUE(received.contains("URGENTE"));

  // Search by phone digits typed with separators, and by code.
  auto by_phone = admin_->get("/admin/reparaciones?q=351-999");
  EXPECT_EQ(testing_support::count_of(by_phone.body, "data-repair-row="), 20u);
  auto by_code = admin_->get("/admin/reparaciones?q=L115");
  EXPECT_EQ(testing_support::count_of(by_code.body, "data-repair-row="), 1u);
  auto none = admin_->get("/admin/reparaciones?q=zzz-no-existe");
  EXPECT_NE(visible_text(none.body).find("No hay reparaciones."), std::string::npos);
  EXPECT_TRUE(none.contains("<span data-admin-repairs-count=\"all\">0</span>"));
}

TEST_F(RepairsAdmin, WhatsAppFilterUsesTheLogOfTheCurrentStatus) {
  long long sent = insert_repair("R-20250401-W1", "Filtro WA", "3410000001", "received", "2025-04-01 10:00:00");
  insert_repair("R-20250401-W2", "Filtro WA", "3410000002", "received", "2025-04-01 11:00:00");
  insert_repair("R-20250401-W3", "Filtro WA", "", "received", "2025-04-01 12:00:00");
  long long old_log = insert_repair("R-20250401-W4", "Filtro WA", "3410000004", "diagnosing", "2025-04-01 13:00:00");
  insert("INSERT INTO repair_whatsapp_logs (repair_id, notified_status, phone, sent_at) VALUES (" +
         std::to_string(sent) + ", 'received', '543410000001', '2025-04-01 10:05:00')");
  insert("INSERT INTO repair_whatsapp_logs (repair_id, notified_status, phone, sent_at) VALUES (" +
         std::to_string(old_log) + ", 'received', '543410000004', '2025-04-01 13:05:00')");

  auto pending = admin_->get("/admin/reparaciones?q=Filtro+WA&wa=pending");
  EXPECT_TRUE(pending.contains("<option value=\"pending\" selected>Pendiente</option>"));
  EXPECT_TRUE(pending.contains("name=\"wa\""));
  EXPECT_TRUE(pending.contains("<span data-admin-repairs-count=\"all\">2</span>"));
  EXPECT_TRUE(pending.contains("<span data-admin-repairs-count=\"received\">1</span>"));
  EXPECT_TRUE(pending.contains("<span data-admin-repairs-count=\"diagnosing\">1</span>"));
  EXPECT_TRUE(pending.contains("R-20250401-W2"));
  EXPECT_TRUE(pending.contains("R-20250401-W4"));
  EXPECT_TRUE(pending.contains("WA pendiente"));

  auto sent_page = admin_->get("/admin/reparaciones?q=Filtro+WA&wa=sent");
  EXPECT_TRUE(sent_page.contains("<span data-admin-repairs-count=\"all\">1</span>"));
  EXPECT_TRUE(sent_page.contains("R-20250401-W1"));

  auto no_phone = admin_->get("/admin/reparaciones?q=Filtro+WA&wa=no_phone");
  EXPECT_TRUE(no_phone.contains("<span data-admin-repairs-count=\"all\">1</span>"));
  EXPECT_TRUE(no_phone.contains("R-20250401-W3"));
  EXPECT_TRUE(no_phone.contains("Sin teléfono"));
}

// ---------- Print, ticket, 404, access ----------

TEST_F(RepairsAdmin, PrintAndTicketCarryShopDataAndFigures) {
  {
  auto session = server_->database().lease();  // the test's pool has one connection: release it below
  for (auto [key, value] : std::vector<std::pair<std::string, std::string>>{
           {"company_name", "Taller Nico"}, {"shop_address", "San Martín 123"}, {"shop_hours", "Lun a Vie 9-18"},
           {"shop_phone", "341 444-5555"}}) {
    *session << "DELETE FROM business_settings WHERE " +
                    std::string(server_->using_mariadb() ? "`key`" : "\"key\"") + " = :k",
        soci::use(key);
    *session << "INSERT INTO business_settings (" + std::string(server_->using_mariadb() ? "`key`" : "\"key\"") +
                    ", value) VALUES (:k, :v)",
        soci::use(key), soci::use(value);
  }
  }
  long long id = id_from(create(*admin_, {{"diagnosis", "Módulo roto"}}));
  std::string code = column(id, "code");
  auto print = admin_->get("/admin/reparaciones/" + std::to_string(id) + "/imprimir");
  ASSERT_EQ(print.status, 200);
  std::string text = visible_text(print.body);
  EXPECT_TRUE(print.contains("<title>Orden de reparación — " + code + "</title>"));
  for (const std::string& expected : std::vector<std::string>{"Taller Nico", "San Martín 123", "Lun a Vie 9-18", code, "Cliente",
                                     "Juan Pérez", "Samsung A52", "Problema reportado", "Pantalla — no enciende",
                                     "Módulo roto", "Pago", "$ 42.000", "Debe", "$ 32.000",
                                     "cash", "Firma cliente", "Firma / sello del local", "Aclaraciones:"})
    EXPECT_NE(text.find(expected), std::string::npos) << expected;

  auto ticket = admin_->get("/admin/reparaciones/" + std::to_string(id) + "/ticket?autoprint=1");
  ASSERT_EQ(ticket.status, 200);
  std::string ticket_text = visible_text(ticket.body);
  EXPECT_TRUE(ticket.contains("<title>Ticket Reparación " + code + "</title>"));
  EXPECT_TRUE(ticket.contains("data-autoprint=\"1\""));
  for (const std::string& expected : std::vector<std::string>{"Reparación " + code, "Tel: 0341 15-444-5555", "Garantía", "30 días", "Efectivo",
                                     "Falla reportada", "Con este comprobante retirás tu equipo. Conservá el código: " + code})
    EXPECT_NE(ticket_text.find(expected), std::string::npos) << expected;
  EXPECT_FALSE(admin_->get("/admin/reparaciones/" + std::to_string(id) + "/ticket").contains("data-autoprint"));
}

TEST_F(RepairsAdmin, UnknownRepairsAre404) {
  for (const std::string path : {"/admin/reparaciones/999999", "/admin/reparaciones/abc",
                                 "/admin/reparaciones/999999/imprimir", "/admin/reparaciones/999999/ticket"})
    EXPECT_EQ(admin_->get(path).status, 404) << path;
  EXPECT_EQ(post_status(999999, "repairing").status, 404);
}

TEST_F(RepairsAdmin, CustomersCannotReachTheAdminRepairPages) {
  auto customer = testing_support::registered_customer(*server_, "cliente.repairs@example.com");
  EXPECT_EQ(customer.get("/admin/reparaciones").status, 403);
  EXPECT_EQ(customer.get("/admin/reparaciones/crear").status, 403);
  Browser guest(server_->base_url());
  EXPECT_EQ(guest.get("/admin/reparaciones").status, 302);
}

// ---------- Quote, approval link, WhatsApp, QR (the catalog and WhatsApp areas' pieces on the repair pages) ----

TEST_F(RepairsAdmin, IntakeKeepsTheServerQuoteAndAutoFillsTheFinalPrice) {
  long long battery = insert("INSERT INTO repair_types (name, slug, active) VALUES ('Batería', 'bateria', 1)");
  insert("INSERT INTO pricing_rules (device_type_id, repair_type_id, mode, multiplier, min_profit, shipping_default, "
         "priority, active) VALUES (" + std::to_string(catalog_.phone_type) + ", " + std::to_string(battery) +
         ", 'margin', 0.25, 2400000, 1000000, 0, 1)");
  auto response = create(*admin_, {{"repair_type_id", std::to_string(battery)}, {"parts_cost", "60000"},
                                   {"labor_cost", ""}, {"final_price", ""}, {"final_auto", "1"}});
  ASSERT_EQ(response.status, 303);
  long long id = id_from(response);
  EXPECT_EQ(number(id, "final_price"), 8400000);  // 60.000 + max(15.000, 24.000)
  EXPECT_EQ(number(id, "quoted_profit"), 2400000);
  EXPECT_EQ(number(id, "quoted_total"), 8400000);
  EXPECT_NE(column(id, "quoted_rule_label").find("x0.25"), std::string::npos);
  EXPECT_EQ(column(id, "quoted_shipping"), "NULL");  // "Sumar" was not checked

  // With "Sumar" and no amount the rule's suggested shipping is added; a typed price always wins.
  auto shipped = create(*admin_, {{"repair_type_id", std::to_string(battery)}, {"parts_cost", "60000"},
                                  {"labor_cost", ""}, {"final_price", "90000"}, {"final_auto", "1"},
                                  {"shipping_enabled", "1"}});
  long long shipped_id = id_from(shipped);
  EXPECT_EQ(number(shipped_id, "quoted_shipping"), 1000000);
  EXPECT_EQ(number(shipped_id, "quoted_total"), 9400000);
  EXPECT_EQ(number(shipped_id, "final_price"), 9000000);
  auto page = admin_->get("/admin/reparaciones/" + std::to_string(shipped_id));
  EXPECT_NE(visible_text(page.body).find("Cotización al ingreso"), std::string::npos);
}

TEST_F(RepairsAdmin, WaitingApprovalShowsTheSignedApprovalLink) {
  long long id = id_from(create(*admin_));
  ASSERT_EQ(post_status(id, "waiting_approval", "", "received").status, 303);
  auto page = admin_->get("/admin/reparaciones/" + std::to_string(id));
  EXPECT_NE(visible_text(page.body).find("Aprobación cliente"), std::string::npos);
  EXPECT_NE(visible_text(page.body).find("Link firmado válido por 7 días."), std::string::npos);
  EXPECT_TRUE(page.contains("value=\"http://taller.example.com/reparacion/" + std::to_string(id) +
                            "/presupuesto?expires="));
  auto other = admin_->get("/admin/reparaciones/" + std::to_string(id_from(create(*admin_))));
  EXPECT_EQ(visible_text(other.body).find("Aprobación cliente"), std::string::npos);
}

TEST_F(RepairsAdmin, DetailAndListShowWhatsAppLinkAndLogs) {
  long long id = id_from(create(*admin_, {{"customer_name", "Cliente WA Detalle"}}));
  auto page = admin_->get("/admin/reparaciones/" + std::to_string(id));
  EXPECT_TRUE(page.contains("href=\"https://wa.me/5493415551234?text="));
  EXPECT_TRUE(page.contains("data-wa-ajax=\"/admin/reparaciones/" + std::to_string(id) + "/whatsapp-ajax\""));
  EXPECT_NE(visible_text(page.body).find("Aún no se registraron envíos."), std::string::npos);

  insert("INSERT INTO repair_whatsapp_logs (repair_id, notified_status, phone, message, sent_at) VALUES (" +
         std::to_string(id) + ", 'received', '543415551234', 'hola', '2026-01-05 15:00:00')");
  auto logged = admin_->get("/admin/reparaciones/" + std::to_string(id));
  std::string text = visible_text(logged.body);
  EXPECT_EQ(text.find("Aún no se registraron envíos."), std::string::npos);
  EXPECT_NE(text.find("05/01/2026 12:00"), std::string::npos);

  auto list = admin_->get("/admin/reparaciones?q=Cliente+WA+Detalle");
  EXPECT_TRUE(list.contains("href=\"https://wa.me/5493415551234?text="));
  EXPECT_FALSE(list.contains("WA pendiente"));  // logged for the current status

  auto no_phone_page = admin_->get("/admin/reparaciones/" + std::to_string(
      insert_repair("R-20250501-NP1", "Sin Tel", "", "received", "2025-05-01 10:00:00")));
  EXPECT_NE(visible_text(no_phone_page.body).find("WhatsApp (sin teléfono)"), std::string::npos);
}

TEST_F(RepairsAdmin, PrintAndTicketCarryTheStatusLinkQr) {
  long long id = id_from(create(*admin_));
  for (const std::string suffix : {"/imprimir", "/ticket"}) {
    auto page = admin_->get("/admin/reparaciones/" + std::to_string(id) + suffix);
    EXPECT_TRUE(page.contains("<svg")) << suffix;
    EXPECT_TRUE(page.contains("Código QR para consultar el estado")) << suffix;
  }
}

// ---------- Issue 18 item 5: delivery with a balance, customer papers without costs, intake without a rule ----------

namespace {
long long audits(AppServer& server, const std::string& event, long long id) {
  return scalar(server, "SELECT COUNT(*) FROM audit_logs WHERE event = '" + event + "' AND subject_id = " +
                            std::to_string(id));
}
}  // namespace

TEST_F(RepairsAdmin, DeliveringWithABalanceDueWarnsAndCollectAndDeliverRecordsThePaymentOnce) {
  long long id = id_from(create(*admin_, {{"payment_method", ""}}));  // $ 42.000, $ 10.000 paid: owes $ 32.000
  std::string code = column(id, "code");
  std::string path = "/admin/reparaciones/" + std::to_string(id);
  // Not deliverable yet: no offer.
  EXPECT_FALSE(admin_->get(path).contains("Cobrar y entregar"));
  ASSERT_EQ(post_status(id, "ready_pickup", "", "received").status, 303);

  auto page = admin_->get(path);
  std::string text = visible_text(page.body);
  EXPECT_NE(text.find("Debe $ 32.000"), std::string::npos);
  EXPECT_TRUE(page.contains(">Cobrar y entregar</button>"));
  EXPECT_TRUE(page.contains("data-confirm=\"¿Cobrar $ 32.000 y marcar como ENTREGADA la reparación " + code + "?\""));
  // The plain quick action says what is owed before delivering without collecting.
  EXPECT_TRUE(page.contains("data-confirm=\"La reparación " + code +
                            " debe $ 32.000. ¿Marcarla como ENTREGADA sin cobrar?\""));
  EXPECT_TRUE(page.contains("name=\"balance_due\" value=\"3200000\""));
  EXPECT_TRUE(page.contains("<option value=\"cash\" selected>Efectivo</option>"));

  std::vector<std::pair<std::string, std::string>> form = {{"_token", token_},
                                                           {"current_status", "ready_pickup"},
                                                           {"balance_due", "3200000"},
                                                           {"payment_method", "transfer"}};
  admin_->referer = server_->base_url() + path;
  auto done = admin_->post(path + "/cobrar-y-entregar", form);
  ASSERT_EQ(done.status, 303) << done.body;
  EXPECT_EQ(done.header("location"), path);
  EXPECT_EQ(column(id, "status"), "delivered");
  EXPECT_EQ(number(id, "paid_amount"), 4200000);
  EXPECT_EQ(column(id, "payment_method"), "transfer");
  EXPECT_NE(column(id, "delivered_at"), "NULL");
  EXPECT_EQ(scalar(*server_, "SELECT COUNT(*) FROM repair_status_histories WHERE repair_id = " + std::to_string(id) +
                                 " AND to_status = 'delivered' AND comment = 'Cobrado $ 32.000 (Transferencia) y "
                                 "entregado.'"),
            1);
  EXPECT_EQ(audits(*server_, "admin.repair.collected_and_delivered", id), 1);
  auto after = admin_->follow(done);
  std::string after_text = visible_text(after.body);
  EXPECT_NE(after_text.find("Cobrado $ 32.000. Reparación entregada."), std::string::npos);
  EXPECT_EQ(after_text.find("Debe $ 32.000"), std::string::npos);

  // A double submit records nothing twice.
  long long history = scalar(*server_, "SELECT COUNT(*) FROM repair_status_histories WHERE repair_id = " +
                                           std::to_string(id));
  auto again = admin_->post(path + "/cobrar-y-entregar", form);
  ASSERT_EQ(again.status, 303);
  EXPECT_EQ(number(id, "paid_amount"), 4200000);
  EXPECT_EQ(scalar(*server_, "SELECT COUNT(*) FROM repair_status_histories WHERE repair_id = " + std::to_string(id)),
            history);
  EXPECT_EQ(audits(*server_, "admin.repair.collected_and_delivered", id), 1);
  EXPECT_NE(visible_text(admin_->follow(again).body).find("La reparación ya estaba entregada."), std::string::npos);
}

TEST_F(RepairsAdmin, CollectAndDeliverRefusesWhenTheBalanceChangedOrTheMethodIsMissing) {
  long long id = id_from(create(*admin_));
  ASSERT_EQ(post_status(id, "ready_pickup", "", "received").status, 303);
  std::string path = "/admin/reparaciones/" + std::to_string(id);
  admin_->referer = server_->base_url() + path;
  // The page showed $ 30.000 but the balance is $ 32.000 (someone edited the payment meanwhile).
  auto stale = admin_->post(path + "/cobrar-y-entregar", {{"_token", token_},
                                                          {"current_status", "ready_pickup"},
                                                          {"balance_due", "3000000"},
                                                          {"payment_method", "cash"}});
  ASSERT_EQ(stale.status, 302);
  EXPECT_NE(visible_text(admin_->follow(stale).body).find("El saldo de la reparación cambió mientras cobrabas."),
            std::string::npos);
  auto no_method = admin_->post(path + "/cobrar-y-entregar", {{"_token", token_},
                                                              {"current_status", "ready_pickup"},
                                                              {"balance_due", "3200000"},
                                                              {"payment_method", "bitcoin"}});
  ASSERT_EQ(no_method.status, 302);
  EXPECT_NE(visible_text(admin_->follow(no_method).body).find("Elegí cómo pagó el cliente."), std::string::npos);
  EXPECT_EQ(column(id, "status"), "ready_pickup");
  EXPECT_EQ(number(id, "paid_amount"), 1000000);
  EXPECT_EQ(audits(*server_, "admin.repair.collected_and_delivered", id), 0);
}

TEST_F(RepairsAdmin, AFullyPaidRepairIsDeliveredWithoutABalanceWarning) {
  long long id = id_from(create(*admin_, {{"paid_amount", "42000"}}));
  ASSERT_EQ(post_status(id, "ready_pickup", "", "received").status, 303);
  auto page = admin_->get("/admin/reparaciones/" + std::to_string(id));
  EXPECT_FALSE(page.contains("Cobrar y entregar"));
  EXPECT_FALSE(page.contains("data-repair-balance-warning"));
  EXPECT_TRUE(page.contains("data-confirm=\"¿Marcar como ENTREGADA la reparación " + column(id, "code") + "?\""));
}

TEST_F(RepairsAdmin, CustomerTicketAndSheetNeverShowInternalCosts) {
  long long id = id_from(create(*admin_, {{"parts_cost", "12.345,50"}, {"labor_cost", "5000"},
                                          {"notes", "Costo real proveedor X"}}));
  for (const std::string suffix : {"/imprimir", "/ticket"}) {
    auto paper = admin_->get("/admin/reparaciones/" + std::to_string(id) + suffix);
    ASSERT_EQ(paper.status, 200) << suffix;
    std::string text = visible_text(paper.body);
    EXPECT_EQ(text.find("12.345"), std::string::npos) << suffix;     // parts cost
    EXPECT_EQ(text.find("$ 5.000"), std::string::npos) << suffix;    // labour cost
    EXPECT_EQ(text.find("Repuestos"), std::string::npos) << suffix;
    EXPECT_EQ(text.find("Mano de obra"), std::string::npos) << suffix;
    EXPECT_EQ(text.find("Costo real proveedor X"), std::string::npos) << suffix;  // internal notes
    EXPECT_NE(text.find("$ 42.000"), std::string::npos) << suffix;   // what the customer pays is there
    EXPECT_NE(text.find("$ 32.000"), std::string::npos) << suffix;
  }
}

TEST_F(RepairsAdmin, AutoPricingWithoutARuleIsRefusedInsteadOfPricingAtCost) {
  long long glass = insert("INSERT INTO repair_types (name, slug, active) VALUES ('Vidrio', 'vidrio', 1)");
  long long before = scalar(*server_, "SELECT COUNT(*) FROM repairs");
  // Nothing typed (no JavaScript) or the helper's copy of the bare cost (60.000 + 5.000): both refused.
  for (const std::string price : {"", "65000"}) {
    auto refused = create(*admin_, {{"repair_type_id", std::to_string(glass)}, {"parts_cost", "60000"},
                                    {"labor_cost", "5000"}, {"final_price", price}, {"final_auto", "1"}});
    ASSERT_EQ(refused.status, 302) << price;
    EXPECT_EQ(refused.header("location").find("/admin/reparaciones/crear"), 0u) << refused.header("location");
    auto form = admin_->follow(refused);
    EXPECT_NE(visible_text(form.body).find("No hay una regla de precios para esta reparación"), std::string::npos);
    EXPECT_TRUE(form.contains("value=\"1\" data-final-auto checked"));
  }
  EXPECT_EQ(scalar(*server_, "SELECT COUNT(*) FROM repairs"), before);

  // A price the admin typed, "Auto" off, or nothing to price yet ("A confirmar") are saved as before.
  long long typed = id_from(create(*admin_, {{"repair_type_id", std::to_string(glass)}, {"parts_cost", "60000"},
                                             {"labor_cost", "5000"}, {"final_price", "90000"}, {"final_auto", "1"}}));
  EXPECT_EQ(number(typed, "final_price"), 9000000);
  long long manual = id_from(create(*admin_, {{"repair_type_id", std::to_string(glass)}, {"parts_cost", "60000"},
                                              {"labor_cost", "5000"}, {"final_price", "65000"}}));
  EXPECT_EQ(number(manual, "final_price"), 6500000);
  long long unpriced = id_from(create(*admin_, {{"repair_type_id", std::to_string(glass)}, {"parts_cost", ""},
                                                {"labor_cost", ""}, {"final_price", ""}, {"final_auto", "1"},
                                                {"paid_amount", ""}}));
  ASSERT_GT(unpriced, 0);
  EXPECT_EQ(column(unpriced, "final_price"), "NULL");
}

TEST_F(RepairsAdmin, CollectAndDeliverTappedFromSeveralTabsAtOnceRecordsThePaymentOnce) {
  long long id = id_from(create(*admin_));
  ASSERT_EQ(post_status(id, "ready_pickup", "", "received").status, 303);
  std::string path = "/admin/reparaciones/" + std::to_string(id);
  std::vector<std::thread> taps;
  std::atomic<int> answered{0};
  for (int i = 0; i < 6; ++i) {
    taps.emplace_back([&] {
      Browser tab = *admin_;  // same session, another connection
      auto response = tab.post(path + "/cobrar-y-entregar", {{"_token", token_},
                                                             {"current_status", "ready_pickup"},
                                                             {"balance_due", "3200000"},
                                                             {"payment_method", "cash"}});
      if (response.status == 303 || response.status == 302) ++answered;
    });
  }
  for (auto& tap : taps) tap.join();
  EXPECT_EQ(answered.load(), 6);
  EXPECT_EQ(column(id, "status"), "delivered");
  EXPECT_EQ(number(id, "paid_amount"), 4200000);
  EXPECT_EQ(scalar(*server_, "SELECT COUNT(*) FROM repair_status_histories WHERE repair_id = " + std::to_string(id) +
                                 " AND to_status = 'delivered'"),
            1);
  EXPECT_EQ(audits(*server_, "admin.repair.collected_and_delivered", id), 1);
}
