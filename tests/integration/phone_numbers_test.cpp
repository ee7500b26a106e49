// Argentine phone numbers end to end (issue 18): whatever way the counter or the customer writes a number, the
// public lookup finds the repair, every wa.me link carries the same E.164 digits, and migration 0110 rewrites
// rows stored before it. Runs on SQLite, MariaDB and PostgreSQL (scripts/with-mariadb.sh / with-postgres.sh).
#include <gtest/gtest.h>

#include <fstream>
#include <iterator>
#include <regex>

#include "store_support.hpp"
#include "support/accounts.hpp"

using namespace store_support;
using testing_support::scalar;
using testing_support::visible_text;

namespace {

// Five ways people in Rosario write one mobile: with the 15 and dashes, bare ten digits, with the trunk 0,
// international with the 9, and the digits WhatsApp shows.
const std::vector<std::string> kSpellings = {"341 15-555-7788", "3415557788", "0341 15 555-7788",
                                             "+54 9 341 555-7788", "5493415557788"};
constexpr const char* kDigits = "5493415557788";

class PhoneNumbers : public ::testing::Test {
 protected:
  static void SetUpTestSuite() {
    server_ = new AppServer(std::map<std::string, std::string>{{"RATE_LIMIT_REPAIR_LOOKUP_PER_MINUTE", "100000"},
                                                               {"RATE_LIMIT_ADMIN_REQUESTS_PER_MINUTE", "100000"},
                                                               {"APP_URL", "http://taller.example.com"}});
    server_->start();
    seed_device_catalog();
    admin_ = new Browser(testing_support::signed_in_admin(*server_));
  }
  static void TearDownTestSuite() {
    delete admin_;
    delete server_;
    admin_ = nullptr;
    server_ = nullptr;
  }

  static long long insert(const std::string& sql, const std::string& table) {
    auto session = server_->database().lease();
    *session << sql;
    return server_->database().last_insert_id(*session, table);
  }
  static void seed_device_catalog() {
    const std::string ts = "'2026-01-01 00:00:00', '2026-01-01 00:00:00'";
    type_ = insert("INSERT INTO device_types (name, slug, active, created_at, updated_at) VALUES ('Celular', "
                   "'celular-tel', 1, " + ts + ")", "device_types");
    brand_ = insert("INSERT INTO device_brands (device_type_id, name, slug, active, created_at, updated_at) VALUES (" +
                        std::to_string(type_) + ", 'Motorola', 'motorola-tel', 1, " + ts + ")",
                    "device_brands");
    model_ = insert("INSERT INTO device_models (device_brand_id, name, slug, active, created_at, updated_at) VALUES (" +
                        std::to_string(brand_) + ", 'G20', 'g20-tel', 1, " + ts + ")",
                    "device_models");
    issue_ = insert("INSERT INTO device_issue_types (device_type_id, name, slug, active, created_at, updated_at) "
                    "VALUES (" + std::to_string(type_) + ", 'Batería', 'bateria-tel', 1, " + ts + ")",
                    "device_issue_types");
    repair_type_ = insert("INSERT INTO repair_types (name, slug, active, created_at, updated_at) VALUES ('Cambio', "
                          "'cambio-tel', 1, " + ts + ")", "repair_types");
  }

  // Intake at the counter through the admin form; returns the repair id (0 when refused).
  static long long intake(const std::string& phone) {
    std::string token = testing_support::csrf_token_in(admin_->get("/admin/reparaciones/crear").body);
    admin_->referer = server_->base_url() + "/admin/reparaciones/crear";
    auto response = admin_->post("/admin/reparaciones",
                                 {{"_token", token},
                                  {"customer_name", "Marta Gómez"},
                                  {"customer_phone", phone},
                                  {"device_type_id", std::to_string(type_)},
                                  {"device_brand_id", std::to_string(brand_)},
                                  {"device_model_id", std::to_string(model_)},
                                  {"device_issue_type_id", std::to_string(issue_)},
                                  {"repair_type_id", std::to_string(repair_type_)},
                                  {"issue_detail", "se descarga rápido"},
                                  {"final_price", "30000"},
                                  {"status", "received"}});
    std::smatch match;
    std::string location = response.header("location");
    if (response.status != 303 || !std::regex_search(location, match, std::regex("/admin/reparaciones/(\\d+)$")))
      return 0;
    return std::stoll(match[1]);
  }
  static std::string text_of(const std::string& sql) {
    std::string value;
    soci::indicator ind = soci::i_null;
    *server_->database().lease() << sql, soci::into(value, ind);
    return ind == soci::i_ok ? value : "NULL";
  }
  static std::string code_of(long long repair_id) {
    return text_of("SELECT code FROM repairs WHERE id = " + std::to_string(repair_id));
  }
  static HttpResponse lookup(const std::string& code, const std::string& phone) {
    Browser browser(server_->base_url());
    return browser.submit("/reparacion", "/reparacion", {{"code", code}, {"phone", phone}});
  }

  static AppServer* server_;
  static Browser* admin_;
  static long long type_, brand_, model_, issue_, repair_type_;
};
AppServer* PhoneNumbers::server_ = nullptr;
Browser* PhoneNumbers::admin_ = nullptr;
long long PhoneNumbers::type_ = 0, PhoneNumbers::brand_ = 0, PhoneNumbers::model_ = 0, PhoneNumbers::issue_ = 0,
          PhoneNumbers::repair_type_ = 0;

}  // namespace

TEST_F(PhoneNumbers, TheLookupFindsTheRepairWhicheverOfFiveSpellingsWasTypedAtIntakeAndAtTheLookup) {
  for (const auto& at_counter : kSpellings) {
    long long id = intake(at_counter);
    ASSERT_GT(id, 0) << "intake refused " << at_counter;
    EXPECT_EQ(text_of("SELECT customer_phone FROM repairs WHERE id = " + std::to_string(id)), "+5493415557788")
        << at_counter;
    std::string code = code_of(id);
    for (const auto& at_lookup : kSpellings) {
      auto result = lookup(code, at_lookup);
      EXPECT_EQ(result.status, 200) << "typed " << at_counter << ", looked up " << at_lookup;
      EXPECT_NE(visible_text(result.body).find("Motorola G20"), std::string::npos) << at_lookup;
    }
  }
}

TEST_F(PhoneNumbers, TheLookupStillRefusesAnotherNumberAndShowsTheVoseoMessageForAnImpossibleOne) {
  long long id = intake("341 15-555-7788");
  ASSERT_GT(id, 0);
  std::string code = code_of(id);
  EXPECT_EQ(lookup(code, "341 15-555-7789").status, 302);
  EXPECT_EQ(lookup(code, "351 15-555-7788").status, 302);

  std::string token = testing_support::csrf_token_in(admin_->get("/admin/reparaciones/crear").body);
  admin_->referer = server_->base_url() + "/admin/reparaciones/crear";
  auto bad = admin_->post("/admin/reparaciones", {{"_token", token}, {"customer_name", "X"}, {"customer_phone", "12345678"}});
  ASSERT_EQ(bad.status, 302);
  EXPECT_NE(visible_text(admin_->follow(bad).body).find("Revisá el teléfono: no parece un número válido."),
            std::string::npos);
}

TEST_F(PhoneNumbers, ARepairsWhatsAppLinkUsesTheE164DigitsWhicheverSpellingWasTyped) {
  for (const auto& at_counter : {std::string("341 15-555-7788"), std::string("0341 155557788")}) {
    long long id = intake(at_counter);
    ASSERT_GT(id, 0);
    auto page = admin_->get("/admin/reparaciones/" + std::to_string(id));
    ASSERT_EQ(page.status, 200);
    EXPECT_TRUE(page.contains(std::string("href=\"https://wa.me/") + kDigits + "?text=")) << at_counter;
    EXPECT_FALSE(page.contains("wa.me/54341")) << at_counter;  // never without the 9 or with the 15
    EXPECT_NE(visible_text(page.body).find("0341 15-555-7788"), std::string::npos) << "one national format";
  }
}

TEST_F(PhoneNumbers, AnOrdersWhatsAppLinkUsesTheSameDigitsAsTheRepairs) {
  // The buyer registers with the trunk 0 and the 15; checkout stores the pickup phone as E.164.
  Browser buyer(server_->base_url());
  auto registered = buyer.submit("/registro", "/registro",
                                 {{"name", "Marta"}, {"last_name", "Gómez"}, {"phone", "0341 15 555-7788"},
                                  {"email", "marta.tel@example.com"}, {"password", "secreto123"},
                                  {"password_confirmation", "secreto123"}});
  ASSERT_EQ(registered.status, 302);
  long long category = insert_category(*server_, "Baterías", "baterias-tel");
  long long product = insert_product(*server_, category, {"Batería G20", "bateria-g20-tel", 1500000, 5});
  ASSERT_EQ(add_to_cart(buyer, token_for(buyer), product).status, 302);
  std::string checkout_token = testing_support::checkout_token_in(buyer.get("/checkout").body);
  ASSERT_FALSE(checkout_token.empty());
  auto confirmed = buyer.post("/checkout/confirmar", {{"_token", token_for(buyer)}, {"payment_method", "local"},
                                                      {"checkout_token", checkout_token}});
  ASSERT_EQ(confirmed.status, 302);
  long long order = scalar(*server_, "SELECT MAX(id) FROM orders");
  EXPECT_EQ(text_of("SELECT pickup_phone FROM orders WHERE id = " + std::to_string(order)), "+5493415557788");

  auto page = admin_->get("/admin/pedidos/" + std::to_string(order));
  ASSERT_EQ(page.status, 200);
  EXPECT_TRUE(page.contains(std::string("https://wa.me/") + kDigits + "?text=")) << page.body.substr(0, 200);
  EXPECT_FALSE(page.contains("wa.me/54341"));
}

TEST_F(PhoneNumbers, TheThankYouPageLinksToTheShopsWhatsAppWithE164Digits) {
  auto settings = admin_->submit("/admin/configuracion", "/admin/configuracion",
                                 {{"shop_phone", "0341 15 444-5555"}, {"shop_address", "San Martín 123"},
                                  {"shop_hours", "9 a 18"}});
  ASSERT_EQ(settings.status, 302);
  EXPECT_EQ(text_of("SELECT value FROM business_settings WHERE \"key\" = 'shop_phone'"), "+5493414445555");

  Browser buyer = testing_support::registered_customer(*server_, "thanks.tel@example.com");
  long long category = insert_category(*server_, "Fundas", "fundas-tel");
  long long product = insert_product(*server_, category, {"Funda G20", "funda-g20-tel", 500000, 5});
  ASSERT_EQ(add_to_cart(buyer, token_for(buyer), product).status, 302);
  std::string checkout_token = testing_support::checkout_token_in(buyer.get("/checkout").body);
  auto confirmed = buyer.post("/checkout/confirmar", {{"_token", token_for(buyer)}, {"payment_method", "local"},
                                                      {"checkout_token", checkout_token}});
  ASSERT_EQ(confirmed.status, 302);
  auto thanks = buyer.follow(confirmed);
  ASSERT_EQ(thanks.status, 200);
  EXPECT_TRUE(thanks.contains("https://wa.me/5493414445555?text=")) << visible_text(thanks.body);

  // An impossible shop number is refused with the voseo message and nothing changes.
  auto bad = admin_->submit("/admin/configuracion", "/admin/configuracion", {{"shop_phone", "123"}});
  EXPECT_NE(visible_text(admin_->follow(bad).body).find("Revisá el teléfono: no parece un número válido."),
            std::string::npos);
  EXPECT_EQ(text_of("SELECT value FROM business_settings WHERE \"key\" = 'shop_phone'"), "+5493414445555");
}

TEST_F(PhoneNumbers, AdminSearchesFindAPhoneTypedAnyWay) {
  long long id = intake("+54 9 341 666-1122");
  ASSERT_GT(id, 0);
  std::string code = code_of(id);
  for (const std::string query : {"0341 15 666-1122", "3416661122", "666-1122"}) {
    std::string encoded;
    for (char c : query) encoded += c == ' ' ? std::string("+") : c == '+' ? std::string("%2B") : std::string(1, c);
    EXPECT_TRUE(admin_->get("/admin/reparaciones?q=" + encoded).contains(code)) << query;
  }
}

TEST_F(PhoneNumbers, Migration0110RewritesStoredPhonesToE164AndKeepsWhatDoesNotParse) {
  std::string ts = "'2026-01-01 12:00:00'";
  auto legacy_repair = [&](const std::string& code, const std::string& phone) {
    return insert("INSERT INTO repairs (code, customer_name, customer_phone, device_brand, device_model, "
                  "issue_reported, status, received_at, created_at, updated_at) VALUES ('" + code +
                      "', 'Legado', '" + phone + "', 'Moto', 'E7', 'No carga', 'received', " + ts + ", " + ts +
                      ", " + ts + ")",
                  "repairs");
  };
  // What older versions stored: the intake's digits (15 kept), the old script's +54…, and text that is no number.
  long long digits = legacy_repair("R-20250101-LEG01", "341155557788");
  long long plus54 = legacy_repair("R-20250101-LEG02", "+54341155557788");
  long long junk = legacy_repair("R-20250101-LEG03", "4444-5555");
  testing_support::registered_customer(*server_, "legacy.tel@example.com");
  long long user = testing_support::user_id_of(*server_, "legacy.tel@example.com");
  execute(*server_, "UPDATE users SET phone = '341 15-555-7788' WHERE id = " + std::to_string(user));
  execute(*server_, "INSERT INTO orders (user_id, status, payment_method, total, pickup_name, pickup_phone, "
                    "pickup_delegate_phone, created_at, updated_at) VALUES (" + std::to_string(user) +
                        ", 'pendiente', 'local', 100000, 'Legado', '03415557788', '11 15 3333 2222', " + ts + ", " +
                        ts + ")");
  long long order = scalar(*server_, "SELECT MAX(id) FROM orders");

  // The lookup already finds legacy rows before the migration (it compares numbers, not text)…
  EXPECT_EQ(lookup("R-20250101-LEG01", "+54 9 341 555-7788").status, 200);

  // …and the migration (made pending again) rewrites them; a second run changes nothing.
  for (int run = 0; run < 2; ++run) {
    execute(*server_, "DELETE FROM migrations WHERE migration = '0110_store_phones_as_e164'");
    auto migrated = server_->run({"migrate", "--force"});
    ASSERT_EQ(migrated.exit_code, 0) << migrated.output;
    EXPECT_NE(migrated.output.find("0110_store_phones_as_e164"), std::string::npos) << migrated.output;
    for (long long id : {digits, plus54})
      EXPECT_EQ(text_of("SELECT customer_phone FROM repairs WHERE id = " + std::to_string(id)), "+5493415557788");
    EXPECT_EQ(text_of("SELECT customer_phone FROM repairs WHERE id = " + std::to_string(junk)), "4444-5555");
    EXPECT_EQ(text_of("SELECT phone FROM users WHERE id = " + std::to_string(user)), "+5493415557788");
    EXPECT_EQ(text_of("SELECT pickup_phone FROM orders WHERE id = " + std::to_string(order)), "+5493415557788");
    EXPECT_EQ(text_of("SELECT pickup_delegate_phone FROM orders WHERE id = " + std::to_string(order)),
              "+5491133332222");
  }
  // The legacy text that is no number is still found by its own digits.
  EXPECT_EQ(lookup("R-20250101-LEG03", "4444 5555").status, 200);
}

// db:import loads a file as it is (export → import → export stays byte-identical, docs/data-format.md), so a
// file whose phones are in an older spelling keeps them; the app reads either form: the lookup finds the repair
// by any spelling and its wa.me link has the E.164 digits.
TEST(PhoneNumbersImport, AnImportedFileWithAnOldSpellingIsFoundAndLinkedLikeANewOne) {
  AppServer server(std::map<std::string, std::string>{{"RATE_LIMIT_REPAIR_LOOKUP_PER_MINUTE", "100000"}});
  server.start();
  std::string ts = "'2026-01-01 12:00:00'";
  for (auto [code, phone] : {std::pair<std::string, std::string>{"R-20250101-IMP01", "+5493415557788"},
                             {"R-20250101-IMP02", "+5491133332222"}})
    server.database().lease()->once
        << "INSERT INTO repairs (code, customer_name, customer_phone, device_brand, device_model, issue_reported, "
           "status, received_at, created_at, updated_at) VALUES ('" + code + "', 'Importado', '" + phone +
               "', 'Moto', 'E7', 'No carga', 'received', " + ts + ", " + ts + ", " + ts + ")";
  auto file = server.base_path() / "phones-export.jsonl";
  auto exported = server.run({"db:export", "--out=" + file.string()});
  ASSERT_EQ(exported.exit_code, 0) << exported.output;

  // One phone rewritten the way an older shop or a hand edit would have it; the other stays E.164.
  std::string text;
  {
    std::ifstream in(file, std::ios::binary);
    text.assign(std::istreambuf_iterator<char>(in), std::istreambuf_iterator<char>());
  }
  auto at = text.find("+5493415557788");
  ASSERT_NE(at, std::string::npos);
  text.replace(at, 14, "0341 15 555-7788");
  {
    std::ofstream out(file, std::ios::binary | std::ios::trunc);
    out << text;
  }
  auto imported = server.run({"db:import", file.string(), "--fresh"});
  ASSERT_EQ(imported.exit_code, 0) << imported.output;

  Browser admin = testing_support::signed_in_admin(server);
  for (const std::string code : {"R-20250101-IMP01", "R-20250101-IMP02"}) {
    long long id = scalar(server, "SELECT id FROM repairs WHERE code = '" + code + "'");
    auto page = admin.get("/admin/reparaciones/" + std::to_string(id));
    EXPECT_TRUE(page.contains(code == "R-20250101-IMP01" ? "https://wa.me/5493415557788?text="
                                                          : "https://wa.me/5491133332222?text="))
        << code;
  }
  for (const std::string phone : {"+54 9 341 555-7788", "341 15-555-7788", "3415557788"}) {
    Browser customer(server.base_url());
    EXPECT_EQ(customer.submit("/reparacion", "/reparacion", {{"code", "R-20250101-IMP01"}, {"phone", phone}}).status,
              200)
        << phone;
  }
}
