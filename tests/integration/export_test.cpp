// CSV exports (/admin/exportar/{pedidos,reparaciones,productos}): BOM, `;` separator and decimal comma by default
// (es-AR Excel), EXPORT_CSV_DELIMITER=",", RFC 4180 quoting, date range, access.
#include <gtest/gtest.h>

#include <chrono>
#include <map>

#include "core/clock.hpp"
#include "support/accounts.hpp"
#include "support/app_server.hpp"
#include "support/browser.hpp"
#include "support/test_files.hpp"

using testing_support::AppServer;
using testing_support::Browser;

namespace {

const std::string kBom = "\xEF\xBB\xBF";

std::string days_ago(int days) {
  return core::to_sql_utc(std::chrono::system_clock::now() - std::chrono::hours(24 * days));
}

// YYYY-MM-DD of a UTC moment a number of days ago, with a margin of hours so the local date is the same day
// or one off, never enough to move a row across the range we ask for.
std::string date_ago(int days) { return days_ago(days).substr(0, 10); }

class Export : public ::testing::Test {
 protected:
  static void SetUpTestSuite() {
    server_ = new AppServer();
    server_->start();
    admin_ = new Browser(testing_support::signed_in_admin(*server_));
    long long admin_id = testing_support::user_id_of(*server_, testing_support::kTestAdminEmail);
    auto sql = server_->database().lease();
    std::string recent = days_ago(2), old = days_ago(40);
    std::string notes = "Dijo \"hola\", y se fue\nlínea 2";
    std::string name = "José Pérez, hijo";
    std::string formula = "=HYPERLINK(\"http://x\")";
    *sql << "INSERT INTO orders (user_id, status, payment_method, total, pickup_name, pickup_phone, notes, created_at, "
            "updated_at) VALUES (:u, 'entregado', 'transferencia', 1234550, :name, '3415550000', :notes, :c, :c2)",
        soci::use(admin_id), soci::use(name), soci::use(notes), soci::use(recent), soci::use(recent);
    *sql << "INSERT INTO orders (user_id, status, payment_method, total, pickup_name, pickup_phone, notes, created_at, "
            "updated_at) VALUES (:u, 'pendiente', 'local', 500000, :name, '3415550001', NULL, :c, :c2)",
        soci::use(admin_id), soci::use(formula), soci::use(recent), soci::use(recent);
    *sql << "INSERT INTO orders (user_id, status, payment_method, total, pickup_name, pickup_phone, created_at, "
            "updated_at) VALUES (:u, 'cancelado', 'local', 700000, 'Antiguo Cliente', '3415550002', :c, :c2)",
        soci::use(admin_id), soci::use(old), soci::use(old);
    *sql << "INSERT INTO repairs (code, customer_name, customer_phone, device_brand, device_model, issue_reported, "
            "final_price, paid_amount, status, received_at, created_at, updated_at) VALUES ('R-EXP-00001', "
            "'Ana \"Anita\" Gómez', '3415550000', 'Samsung', 'A52', 'No carga, se apaga', 4200000, 0, 'repairing', :r, "
            ":c, :u2)",
        soci::use(recent), soci::use(recent), soci::use(recent);
    *sql << "INSERT INTO categories (name, slug, created_at, updated_at) VALUES ('Cables', 'cables', :c, :u2)",
        soci::use(recent), soci::use(recent);
    *sql << "INSERT INTO products (category_id, name, slug, price, stock, active, featured, created_at, updated_at) "
            "VALUES ((SELECT MAX(id) FROM categories), 'Cable USB-C 1,5 m', 'cable-usb-c', 850000, 12, 1, 0, :c, :u2)",
        soci::use(recent), soci::use(recent);
  }
  static void TearDownTestSuite() {
    delete admin_;
    delete server_;
  }
  static AppServer* server_;
  static Browser* admin_;
};
AppServer* Export::server_ = nullptr;
Browser* Export::admin_ = nullptr;

}  // namespace

TEST_F(Export, OrdersCsvHasBomSemicolonsDecimalCommaAndRfc4180Quoting) {
  auto csv = admin_->get("/admin/exportar/pedidos?desde=" + date_ago(7) + "&hasta=" + date_ago(-1));
  ASSERT_EQ(csv.status, 200) << csv.body.substr(0, 300);
  EXPECT_EQ(csv.header("content-type"), "text/csv; charset=utf-8");
  EXPECT_NE(csv.header("content-disposition").find("attachment; filename=\"pedidos_"), std::string::npos);
  ASSERT_EQ(csv.body.substr(0, 3), kBom);
  EXPECT_EQ(csv.body.substr(3, csv.body.find("\r\n") - 3),
            "Pedido;Fecha;Estado;Cliente;Teléfono;Email;Retira;Teléfono retira;Método de pago;Unidades;Total;Notas");
  // Comma → quoted; quotes doubled; the newline stays inside the quoted field; the total has a decimal comma.
  EXPECT_TRUE(csv.contains(";Entregado;\"José Pérez, hijo\";0341 15-555-0000;")) << csv.body;
  EXPECT_TRUE(csv.contains(";Transferencia;0;12345,50;\"Dijo \"\"hola\"\", y se fue\nlínea 2\"\r\n")) << csv.body;
  // A formula is neutralised (and, having quotes, quoted).
  EXPECT_TRUE(csv.contains(";\"'=HYPERLINK(\"\"http://x\"\")\";")) << csv.body;
  // The order of 40 days ago is outside the range.
  EXPECT_FALSE(csv.contains("Antiguo Cliente"));
  EXPECT_EQ(csv.header("x-export-rows"), "2");
}

TEST_F(Export, WithoutDatesEverythingIsExported) {
  auto csv = admin_->get("/admin/exportar/pedidos");
  ASSERT_EQ(csv.status, 200);
  EXPECT_TRUE(csv.contains("Antiguo Cliente"));
  EXPECT_TRUE(csv.contains(";Cancelado;"));
  EXPECT_EQ(csv.header("x-export-rows"), "3");
}

TEST_F(Export, RepairsAndProductsCsv) {
  auto repairs = admin_->get("/admin/exportar/reparaciones?desde=" + date_ago(7));
  ASSERT_EQ(repairs.status, 200);
  ASSERT_EQ(repairs.body.substr(0, 3), kBom);
  EXPECT_TRUE(repairs.contains("R-EXP-00001")) << repairs.body;
  EXPECT_TRUE(repairs.contains(";En reparación;\"Ana \"\"Anita\"\" Gómez\";0341 15-555-0000;Samsung A52;\"No carga, se apaga\";"))
      << repairs.body;
  EXPECT_TRUE(repairs.contains(";42000;0;"));
  auto products = admin_->get("/admin/exportar/productos");
  ASSERT_EQ(products.status, 200);
  EXPECT_TRUE(products.contains(";\"Cable USB-C 1,5 m\";cable-usb-c;Cables;;generico;8500;12;Sí;No;")) << products.body;
}

TEST(ExportWithCommaDelimiter, CommaSeparatedWithDecimalPointWhenConfigured) {
  AppServer server(std::map<std::string, std::string>{{"EXPORT_CSV_DELIMITER", ","}});
  server.start();
  Browser admin = testing_support::signed_in_admin(server);
  long long admin_id = testing_support::user_id_of(server, testing_support::kTestAdminEmail);
  std::string now = days_ago(1);
  *server.database().lease() << "INSERT INTO orders (user_id, status, payment_method, total, pickup_name, pickup_phone, "
                                "created_at, updated_at) VALUES (:u, 'pendiente', 'local', 1234550, 'Ana; Paz', "
                                "'3415550000', :c, :c2)",
      soci::use(admin_id), soci::use(now), soci::use(now);
  auto csv = admin.get("/admin/exportar/pedidos");
  ASSERT_EQ(csv.status, 200);
  EXPECT_EQ(csv.body.substr(3, csv.body.find("\r\n") - 3),
            "Pedido,Fecha,Estado,Cliente,Teléfono,Email,Retira,Teléfono retira,Método de pago,Unidades,Total,Notas");
  EXPECT_TRUE(csv.contains(",Pendiente,\"Ana; Paz\",0341 15-555-0000,")) << csv.body;
  EXPECT_TRUE(csv.contains(",12345.50,")) << csv.body;
}

TEST_F(Export, UnknownTypeAndBadDatesAreRefused) {
  EXPECT_EQ(admin_->get("/admin/exportar/usuarios").status, 404);
  EXPECT_EQ(admin_->get("/admin/exportar/pedidos?desde=31-12-2026").status, 400);
  EXPECT_EQ(admin_->get("/admin/exportar/pedidos?hasta=2026-02-30").status, 400);
}

TEST_F(Export, TheDashboardLinksTheExports) {
  auto dashboard = admin_->get("/admin/dashboard");
  EXPECT_TRUE(dashboard.contains("formaction=\"/admin/exportar/pedidos\""));
  EXPECT_TRUE(dashboard.contains("formaction=\"/admin/exportar/reparaciones\""));
  EXPECT_TRUE(dashboard.contains("formaction=\"/admin/exportar/productos\""));
  EXPECT_TRUE(dashboard.contains("name=\"desde\""));
}
