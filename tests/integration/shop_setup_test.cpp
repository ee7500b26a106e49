// First run (issue 18 item 7) as the shop owner and a customer would notice it: until the shop's phone, address
// and hours are set, admin pages carry a banner that links to Configuración and names what is missing; once they
// are saved it is gone. Customers never see it, and nothing they receive (ticket, A4 sheet, WhatsApp text) carries
// an empty "Dirección:" or "Horarios:" line meanwhile.
#include <gtest/gtest.h>
#include <soci/soci.h>

#include <string>

#include "support/accounts.hpp"
#include "support/app_server.hpp"
#include "support/browser.hpp"
#include "support/test_files.hpp"

using testing_support::AppServer;
using testing_support::Browser;
using testing_support::scalar;
using testing_support::visible_text;

namespace {

class ShopSetup : public ::testing::Test {
 protected:
  void SetUp() override {
    server_ = std::make_unique<AppServer>();
    server_->start();
  }
  long long insert_ready_repair() {
    server_->database().lease()->once
        << "INSERT INTO repairs (code, customer_name, customer_phone, device_brand, device_model, issue_reported, "
           "final_price, paid_amount, status, received_at, created_at, updated_at) VALUES ('R-20260101-30001', "
           "'Ana', '+5493415550000', 'Motorola', 'G20', 'Pantalla', 1500000, 0, 'ready_pickup', "
           "'2026-01-01 12:00:00', '2026-01-01 12:00:00', '2026-01-01 12:00:00')";
    return scalar(*server_, "SELECT MAX(id) FROM repairs");
  }
  std::unique_ptr<AppServer> server_;
};

}  // namespace

TEST_F(ShopSetup, AdminsSeeABannerUntilPhoneAddressAndHoursAreSet) {
  Browser admin = testing_support::signed_in_admin(*server_);
  for (const std::string path : {"/admin/dashboard", "/admin/reparaciones", "/admin/pedidos"}) {
    auto page = admin.get(path);
    ASSERT_EQ(page.status, 200) << path;
    std::string text = visible_text(page.body);
    EXPECT_TRUE(page.contains("data-shop-setup-banner")) << path;
    EXPECT_NE(text.find("Faltan datos del local: teléfono, dirección y horarios."), std::string::npos) << path;
    EXPECT_TRUE(page.contains("<a href=\"/admin/configuracion\">Completalos en Configuración</a>")) << path;
  }
  // The settings page is where they are filled in: no banner there.
  EXPECT_FALSE(admin.get("/admin/configuracion").contains("data-shop-setup-banner"));

  // Phone only: the banner names what is still missing.
  auto saved = admin.submit("/admin/configuracion", "/admin/configuracion",
                            {{"company_name", "Taller Nico"}, {"shop_phone", "341 15-555-0000"},
                             {"shop_address", ""}, {"shop_hours", ""}});
  ASSERT_EQ(saved.status, 302) << saved.body;
  EXPECT_NE(visible_text(admin.get("/admin/dashboard").body).find("Faltan datos del local: dirección y horarios."),
            std::string::npos);

  auto complete = admin.submit("/admin/configuracion", "/admin/configuracion",
                               {{"company_name", "Taller Nico"}, {"shop_phone", "341 15-555-0000"},
                                {"shop_address", "San Martín 123"}, {"shop_hours", "Lun a Vie 9-18"}});
  ASSERT_EQ(complete.status, 302);
  EXPECT_FALSE(admin.get("/admin/dashboard").contains("data-shop-setup-banner"));
  EXPECT_FALSE(admin.get("/admin/reparaciones").contains("Faltan datos del local"));
}

TEST_F(ShopSetup, CustomersNeverSeeTheBannerNorEmptyAddressOrHoursLines) {
  long long id = insert_ready_repair();
  Browser customer = testing_support::registered_customer(*server_, "cliente.setup@example.com");
  for (const std::string path : {"/tienda", "/reparacion", "/mi-cuenta", "/mis-reparaciones"}) {
    auto page = customer.get(path);
    ASSERT_EQ(page.status, 200) << path;
    EXPECT_FALSE(page.contains("data-shop-setup-banner")) << path;
    EXPECT_EQ(visible_text(page.body).find("Dirección:"), std::string::npos) << path;
  }
  EXPECT_FALSE(Browser(server_->base_url()).get("/tienda").contains("Faltan datos del local"));

  // What the customer takes home or receives: no empty shop lines while the settings are empty.
  Browser admin = testing_support::signed_in_admin(*server_);
  for (const std::string suffix : {"/ticket", "/imprimir"}) {
    auto paper = admin.get("/admin/reparaciones/" + std::to_string(id) + suffix);
    ASSERT_EQ(paper.status, 200) << suffix;
    std::string text = visible_text(paper.body);
    EXPECT_EQ(text.find("Dirección"), std::string::npos) << suffix;
    EXPECT_EQ(text.find("Horarios"), std::string::npos) << suffix;
    EXPECT_EQ(text.find("Tel: "), std::string::npos) << suffix;
  }
  // The "listo para retirar" WhatsApp text on the repair page drops the empty 📍/🕒 lines.
  auto page = admin.get("/admin/reparaciones/" + std::to_string(id));
  std::size_t link = page.body.find("href=\"https://wa.me/");
  ASSERT_NE(link, std::string::npos);
  std::string href = page.body.substr(link, page.body.find('"', link + 6) - link);
  EXPECT_NE(href.find("text="), std::string::npos);
  EXPECT_NE(href.find("retirar"), std::string::npos) << href;  // the ready-for-pickup message
  EXPECT_EQ(href.find("Direcci"), std::string::npos) << href;
  EXPECT_EQ(href.find("Horarios"), std::string::npos) << href;
}
