// Warranty registry (/admin/garantias, issue 21 item 5, docs/domain/warranty.md) over HTTP: incidents against a
// repair and a product, totals of a period against hand-computed figures, top suppliers by loss, the list's
// filters, close and reopen, validation messages, who may enter, the CSV and the db:export/db:import round trip.
// Incidents that a test counts are moved to a month of their own in 2025 (created_at), so tests sharing the
// server never see each other's rows in their totals.
#include <gtest/gtest.h>

#include <filesystem>
#include <fstream>

#include "support/accounts.hpp"
#include "support/app_server.hpp"
#include "support/browser.hpp"
#include "support/catalog_fixtures.hpp"
#include "support/test_files.hpp"

using namespace testing_support;
namespace fs = std::filesystem;

namespace {

using Fields = std::vector<std::pair<std::string, std::string>>;

const std::string kBom = "\xEF\xBB\xBF";

class Warranty : public ::testing::Test {
 protected:
  static void SetUpTestSuite() {
    server_ = new AppServer(std::map<std::string, std::string>{{"RATE_LIMIT_ADMIN_REQUESTS_PER_MINUTE", "100000"}});
    server_->start();
    admin_ = new Browser(signed_in_admin(*server_));
    admin_id_ = user_id_of(*server_, kTestAdminEmail);
    token_ = csrf_token_in(admin_->get("/admin/garantias").body);
    server_->database().lease()->once
        << "INSERT INTO repairs (code, customer_name, customer_phone, device_brand, device_model, issue_reported, "
           "status, created_at, updated_at) VALUES ('R-20261201-00077', 'Ana Gómez', '3415550000', 'Samsung', 'A52', "
           "'Pantalla', 'delivered', '2026-12-01 10:00:00', '2026-12-01 10:00:00')";
    repair_ = scalar(*server_, "SELECT id FROM repairs WHERE code = 'R-20261201-00077'");
    long long category = insert_category(*server_, "Repuestos", "repuestos-garantia");
    product_ = insert_product(*server_, category, "Módulo Moto G20", "modulo-moto-g20", 4500000, 3);
    insert_product(*server_, category, "Cable USB-C reforzado", "cable-usbc-reforzado", 800000, 10);
  }
  static void TearDownTestSuite() {
    delete admin_;
    delete server_;
  }

  // POST /admin/garantias with the admin's token; returns the redirect.
  static HttpResponse create(Fields fields) {
    fields.insert(fields.begin(), {"_token", token_});
    return admin_->post("/admin/garantias", fields);
  }
  // Creates an incident that must be accepted and returns its id.
  static long long create_ok(const Fields& fields) {
    auto response = create(fields);
    EXPECT_EQ(response.status, 302) << response.body;
    EXPECT_EQ(response.header("location"), "/admin/garantias");
    return scalar(*server_, "SELECT MAX(id) FROM warranty_incidents");
  }
  // An incident against the product, `loss` = quantity × unit + extra − recovered as given, in `supplier` (free text
  // unless a row has that name), recorded at `created_at` (UTC).
  static long long product_incident(const std::string& reason, const std::string& supplier, const std::string& quantity,
                                    const std::string& unit, const std::string& extra, const std::string& recovered,
                                    const std::string& created_at) {
    long long id = create_ok({{"source_type", "product"}, {"product_ref", std::to_string(product_)},
                              {"reason", reason}, {"supplier_name", supplier}, {"quantity", quantity},
                              {"unit_cost", unit}, {"extra_cost", extra}, {"recovered_amount", recovered}});
    backdate(id, created_at);
    return id;
  }
  static void backdate(long long id, const std::string& created_at) {
    server_->database().lease()->once << "UPDATE warranty_incidents SET created_at = :c WHERE id = :id",
        soci::use(created_at), soci::use(id);
  }
  static long long count(const std::string& query) { return scalar(*server_, query); }
  // The text of the element marked data-warranty-total="<key>".
  static std::string total(const HttpResponse& page, const std::string& key) {
    std::string marker = "data-warranty-total=\"" + key + "\">";
    auto start = page.body.find(marker);
    if (start == std::string::npos) return "<missing " + key + ">";
    start += marker.size();
    return page.body.substr(start, page.body.find('<', start) - start);
  }
  // The section of the list between two markers (e.g. the top-suppliers card).
  static std::string between(const std::string& body, const std::string& from, const std::string& to) {
    auto start = body.find(from);
    if (start == std::string::npos) return "";
    auto end = body.find(to, start);
    return body.substr(start, end == std::string::npos ? std::string::npos : end - start);
  }

  static AppServer* server_;
  static Browser* admin_;
  static std::string token_;
  static long long admin_id_, repair_, product_;
};
AppServer* Warranty::server_ = nullptr;
Browser* Warranty::admin_ = nullptr;
std::string Warranty::token_;
long long Warranty::admin_id_ = 0, Warranty::repair_ = 0, Warranty::product_ = 0;

}  // namespace

TEST_F(Warranty, AnIncidentAgainstARepairByItsCodeIsSavedWithItsLossANewSupplierAndAudit) {
  auto response = create({{"source_type", "repair"}, {"repair_ref", "r-20261201-00077"},
                          {"reason", "El módulo dejó de dar imagen"}, {"supplier_name", "Distribuidora Centro"},
                          {"save_supplier", "1"}, {"supplier_contact", "Marta, 351 555-1234"}, {"quantity", "2"},
                          {"unit_cost", "15000"}, {"extra_cost", "1.500,50"}, {"recovered_amount", "10000"},
                          {"notes", "Cambiado en el momento"}});
  ASSERT_EQ(response.status, 302) << response.body;
  EXPECT_EQ(response.header("location"), "/admin/garantias");
  EXPECT_TRUE(admin_->follow(response).contains("Garantía registrada."));

  long long id = count("SELECT MAX(id) FROM warranty_incidents");
  std::string suffix = " FROM warranty_incidents WHERE id = " + std::to_string(id);
  EXPECT_EQ(count("SELECT repair_id" + suffix), repair_);
  EXPECT_EQ(count("SELECT COUNT(*)" + suffix + " AND source_type = 'repair' AND product_id IS NULL AND status = 'open'"), 1);
  // 2 × $ 15.000 + $ 1.500,50 − $ 10.000 = $ 21.500,50
  EXPECT_EQ(count("SELECT loss" + suffix), 2150050);
  EXPECT_EQ(count("SELECT created_by" + suffix), admin_id_);
  long long supplier = count("SELECT id FROM suppliers WHERE name = 'Distribuidora Centro'");
  ASSERT_GT(supplier, 0);
  EXPECT_EQ(count("SELECT supplier_id" + suffix), supplier);
  EXPECT_EQ(count("SELECT COUNT(*)" + suffix + " AND supplier_name IS NULL"), 1);
  EXPECT_EQ(count("SELECT COUNT(*) FROM suppliers WHERE contact = 'Marta, 351 555-1234'"), 1);
  EXPECT_EQ(count("SELECT COUNT(*) FROM audit_logs WHERE event = 'admin.warranty.created' AND subject_type LIKE "
                  "'App_Models_WarrantyIncident' AND subject_id = " + std::to_string(id) +
                  " AND actor_id = " + std::to_string(admin_id_)),
            1);
  EXPECT_EQ(count("SELECT COUNT(*) FROM audit_logs WHERE event = 'admin.supplier.created' AND subject_id = " +
                  std::to_string(supplier)),
            1);

  auto list = admin_->get("/admin/garantias?q=dej%C3%B3+de+dar");
  ASSERT_EQ(list.status, 200);
  EXPECT_TRUE(list.contains("<title>Admin — Garantías</title>"));
  EXPECT_TRUE(list.contains("R-20261201-00077 · Samsung A52"));
  EXPECT_TRUE(list.contains("href=\"/admin/reparaciones/" + std::to_string(repair_) + "\""));
  EXPECT_TRUE(list.contains("$ 21.500,50"));
  EXPECT_TRUE(list.contains("$ 31.500,50"));  // cost: 2 × 15.000 + 1.500,50

  // The same name typed again (other case) links the row instead of creating a twin.
  create_ok({{"source_type", "repair"}, {"repair_ref", std::to_string(repair_)}, {"reason", "Otra vez"},
             {"supplier_name", "distribuidora centro"}, {"save_supplier", "1"}, {"quantity", "1"}, {"unit_cost", "0"}});
  EXPECT_EQ(count("SELECT COUNT(*) FROM suppliers WHERE LOWER(name) = 'distribuidora centro'"), 1);
  EXPECT_EQ(count("SELECT supplier_id FROM warranty_incidents WHERE reason = 'Otra vez'"), supplier);
}

TEST_F(Warranty, AnIncidentAgainstAProductByNameOrIdLinksThePickedSupplierRow) {
  long long supplier = 0;
  {
    create_ok({{"source_type", "repair"}, {"repair_ref", "R-20261201-00077"}, {"reason", "Para crear el proveedor"},
               {"supplier_name", "Importadora Sur"}, {"save_supplier", "1"}, {"quantity", "1"}, {"unit_cost", "1"}});
    supplier = count("SELECT id FROM suppliers WHERE name = 'Importadora Sur'");
  }
  long long by_name = create_ok({{"source_type", "product"}, {"product_ref", "módulo moto g20"},
                                 {"reason", "Táctil fantasma"}, {"supplier_id", std::to_string(supplier)},
                                 {"quantity", "1"}, {"unit_cost", "45000"}});
  std::string suffix = " FROM warranty_incidents WHERE id = " + std::to_string(by_name);
  EXPECT_EQ(count("SELECT product_id" + suffix), product_);
  EXPECT_EQ(count("SELECT supplier_id" + suffix), supplier);
  EXPECT_EQ(count("SELECT loss" + suffix), 4500000);
  long long by_id = create_ok({{"source_type", "product"}, {"product_ref", "#" + std::to_string(product_)},
                               {"reason", "Sin carga"}, {"quantity", "3"}, {"unit_cost", "$ 1.000"}});
  EXPECT_EQ(count("SELECT product_id FROM warranty_incidents WHERE id = " + std::to_string(by_id)), product_);
  EXPECT_EQ(count("SELECT loss FROM warranty_incidents WHERE id = " + std::to_string(by_id)), 300000);

  auto edit = admin_->get("/admin/garantias/" + std::to_string(by_name) + "/editar");
  ASSERT_EQ(edit.status, 200);
  EXPECT_TRUE(edit.contains("Producto: Módulo Moto G20"));
  EXPECT_TRUE(edit.contains("href=\"/admin/productos/" + std::to_string(product_) + "/editar\">Ver origen</a>"));
  EXPECT_TRUE(edit.contains("<option value=\"" + std::to_string(supplier) + "\" selected>Importadora Sur</option>"));
}

TEST_F(Warranty, RepairAndProductPagesLinkToAPrefilledForm) {
  auto repair_page = admin_->get("/admin/reparaciones/" + std::to_string(repair_));
  ASSERT_EQ(repair_page.status, 200);
  EXPECT_TRUE(repair_page.contains("href=\"/admin/garantias/crear?reparacion=" + std::to_string(repair_) + "\""));
  auto from_repair = admin_->get("/admin/garantias/crear?reparacion=" + std::to_string(repair_));
  ASSERT_EQ(from_repair.status, 200);
  EXPECT_TRUE(from_repair.contains("name=\"repair_ref\" value=\"R-20261201-00077\""));
  EXPECT_TRUE(from_repair.contains("value=\"repair\" checked"));
  EXPECT_TRUE(from_repair.contains("Reparación: R-20261201-00077 · Samsung A52"));

  auto product_page = admin_->get("/admin/productos/" + std::to_string(product_) + "/editar");
  ASSERT_EQ(product_page.status, 200);
  EXPECT_TRUE(product_page.contains("href=\"/admin/garantias/crear?producto=" + std::to_string(product_) + "\""));
  auto from_product = admin_->get("/admin/garantias/crear?producto=" + std::to_string(product_));
  EXPECT_TRUE(from_product.contains("name=\"product_ref\" value=\"" + std::to_string(product_) + "\""));
  EXPECT_TRUE(from_product.contains("value=\"product\" checked"));

  // "Buscar producto" lists matches by part of the name, each linking back with ?producto=ID.
  auto search = admin_->get("/admin/garantias/crear?buscar_producto=moto");
  EXPECT_TRUE(search.contains("href=\"/admin/garantias/crear?producto=" + std::to_string(product_) + "\""));
  EXPECT_FALSE(search.contains("Cable USB-C reforzado"));
  EXPECT_TRUE(admin_->get("/admin/garantias/crear?buscar_producto=zzz").contains("No encontramos productos con ese nombre."));
}

TEST_F(Warranty, TotalsOfAPeriodMatchHandComputedFigures) {
  // March 2025 (local days; 15:00 UTC is 12:00 in Córdoba):
  //   a: 2 × 12.000,50 + 500 − 4.000      cost 24.501   recovered 4.000   loss 20.501
  //   b: 1 × 30.000 + 0 − 30.000           cost 30.000   recovered 30.000  loss 0
  //   c: 5 × 999,99 + 1.000,05 − 0         cost 6.000    recovered 0       loss 6.000
  // and one on 1 April that the period must leave out.
  product_incident("Periodo A", "Proveedor Marzo", "2", "12000,50", "500", "4000", "2025-03-01 15:00:00");
  product_incident("Periodo B", "Proveedor Marzo", "1", "30000", "", "30000", "2025-03-15 15:00:00");
  product_incident("Periodo C", "Proveedor Marzo", "5", "999,99", "1000,05", "0", "2025-03-31 15:00:00");
  product_incident("Periodo D", "Proveedor Marzo", "1", "77777", "", "", "2025-04-01 15:00:00");

  auto march = admin_->get("/admin/garantias?desde=2025-03-01&hasta=2025-03-31");
  ASSERT_EQ(march.status, 200);
  EXPECT_EQ(total(march, "incidents"), "3");
  EXPECT_EQ(total(march, "open"), "3");
  EXPECT_EQ(total(march, "cost"), "$ 60.501");  // 24.501 + 30.000 + 6.000
  EXPECT_EQ(total(march, "recovered"), "$ 34.000");
  EXPECT_EQ(total(march, "loss"), "$ 26.501");  // 20.501 + 0 + 6.000
  EXPECT_TRUE(march.contains("Del 01/03/2025 al 31/03/2025"));
  EXPECT_FALSE(march.contains("Periodo D"));

  // Totals cover the whole filtered set, not the page shown; one day narrows it to incident a.
  auto first_day = admin_->get("/admin/garantias?desde=2025-03-01&hasta=2025-03-01");
  EXPECT_EQ(total(first_day, "cost"), "$ 24.501");
  EXPECT_EQ(total(first_day, "loss"), "$ 20.501");
  auto april = admin_->get("/admin/garantias?desde=2025-04-01&hasta=2025-04-30");
  EXPECT_EQ(total(april, "loss"), "$ 77.777");

  auto bad = admin_->get("/admin/garantias?desde=2025-13-01");
  EXPECT_EQ(bad.status, 200);
  EXPECT_TRUE(bad.contains("La fecha &quot;desde&quot; no es válida"));
}

TEST_F(Warranty, ASupplierRefundAboveTheCostIsANegativeLossThatLowersTheTotal) {
  // May 2025: 1 × 1.000 − 3.000 recovered = −2.000 (the supplier credited more than the part cost), plus 5.000.
  long long refund = product_incident("Reintegro mayor", "Proveedor Mayo", "1", "1000", "", "3000",
                                      "2025-05-05 15:00:00");
  product_incident("Pérdida de mayo", "Proveedor Mayo", "1", "5000", "", "", "2025-05-06 15:00:00");
  EXPECT_EQ(count("SELECT loss FROM warranty_incidents WHERE id = " + std::to_string(refund)), -200000);

  auto may = admin_->get("/admin/garantias?desde=2025-05-01&hasta=2025-05-31");
  EXPECT_EQ(total(may, "cost"), "$ 6.000");
  EXPECT_EQ(total(may, "recovered"), "$ 3.000");
  EXPECT_EQ(total(may, "loss"), "$ 3.000");
  EXPECT_TRUE(may.contains("-$ 2.000"));
  auto csv = admin_->get("/admin/garantias/exportar?desde=2025-05-01&hasta=2025-05-31");
  EXPECT_NE(csv.body.find(";1;1000;0;1000;3000;-2000;"), std::string::npos) << csv.body;
}

TEST_F(Warranty, TopSuppliersAreOrderedByLossInThePeriod) {
  // June 2025: Beta loses 20.000 over two incidents, Gamma (free text) 10.000, Alfa 5.000; the period total is theirs.
  product_incident("Top 1", "Alfa Repuestos", "1", "5000", "", "", "2025-06-02 15:00:00");
  product_incident("Top 2", "Beta Partes", "1", "12000", "", "", "2025-06-03 15:00:00");
  product_incident("Top 3", "Beta Partes", "2", "5000", "", "2000", "2025-06-04 15:00:00");
  product_incident("Top 4", "Gamma Mayorista", "1", "10000", "", "", "2025-06-05 15:00:00");
  product_incident("Top 5", "Alfa Repuestos", "1", "0", "", "", "2025-07-01 15:00:00");  // outside the period

  auto june = admin_->get("/admin/garantias?desde=2025-06-01&hasta=2025-06-30");
  ASSERT_EQ(june.status, 200);
  std::string top = between(june.body, "data-warranty-top-suppliers", "</section>");
  auto beta = top.find("Beta Partes"), gamma = top.find("Gamma Mayorista"), alfa = top.find("Alfa Repuestos");
  ASSERT_NE(beta, std::string::npos) << top;
  ASSERT_NE(gamma, std::string::npos) << top;
  ASSERT_NE(alfa, std::string::npos) << top;
  EXPECT_LT(beta, gamma);
  EXPECT_LT(gamma, alfa);
  EXPECT_NE(top.find("$ 20.000"), std::string::npos) << top;
  EXPECT_NE(top.find("2 incidencias"), std::string::npos) << top;
  EXPECT_NE(top.find("1 incidencia<"), std::string::npos) << top;
  EXPECT_EQ(total(june, "loss"), "$ 35.000");
}

TEST_F(Warranty, FiltersNarrowTheListByStatusSourceSupplierAndText) {
  create_ok({{"source_type", "repair"}, {"repair_ref", "R-20261201-00077"}, {"reason", "Filtro reparación"},
             {"supplier_name", "Filtro Proveedor"}, {"save_supplier", "1"}, {"quantity", "1"}, {"unit_cost", "100"}});
  long long repair_incident = count("SELECT MAX(id) FROM warranty_incidents");
  backdate(repair_incident, "2025-09-10 15:00:00");
  long long supplier = count("SELECT id FROM suppliers WHERE name = 'Filtro Proveedor'");
  long long product_incident_id = product_incident("Filtro producto", "Otro Filtro", "1", "200", "", "",
                                                   "2025-09-11 15:00:00");
  server_->database().lease()->once
      << "INSERT INTO counter_sales (id, payment_method, subtotal, total, created_at) "
         "VALUES (154, 'efectivo', 30000, 30000, '2025-09-12 14:00:00')";
  long long sale_incident = create_ok({{"source_type", "counter_sale"}, {"sale_ref", "154"},
                                       {"reason", "Filtro venta"}, {"quantity", "1"}, {"unit_cost", "300"}});
  backdate(sale_incident, "2025-09-12 15:00:00");
  EXPECT_EQ(count("SELECT counter_sale_id FROM warranty_incidents WHERE id = " + std::to_string(sale_incident)), 154);
  ASSERT_EQ(admin_->post("/admin/garantias/" + std::to_string(product_incident_id) + "/cerrar", {{"_token", token_}}).status,
            302);

  const std::string period = "/admin/garantias?desde=2025-09-01&hasta=2025-09-30";
  auto rows = [&](const std::string& url) {
    auto page = admin_->get(url);
    EXPECT_EQ(page.status, 200) << url;
    return std::make_tuple(page.contains("Filtro reparación"), page.contains("Filtro producto"),
                           page.contains("Filtro venta"));
  };
  EXPECT_EQ(rows(period), std::make_tuple(true, true, true));
  EXPECT_EQ(rows(period + "&status=open"), std::make_tuple(true, false, true));
  EXPECT_EQ(rows(period + "&status=closed"), std::make_tuple(false, true, false));
  EXPECT_EQ(rows(period + "&source_type=counter_sale"), std::make_tuple(false, false, true));
  EXPECT_EQ(rows(period + "&source_type=repair"), std::make_tuple(true, false, false));
  EXPECT_EQ(rows(period + "&supplier_id=" + std::to_string(supplier)), std::make_tuple(true, false, false));
  EXPECT_EQ(rows(period + "&q=otro+filtro"), std::make_tuple(false, true, false));  // free-text supplier
  EXPECT_EQ(rows(period + "&q=Venta+%23154"), std::make_tuple(false, false, true));  // the source label
  EXPECT_EQ(rows(period + "&q=100%25"), std::make_tuple(false, false, false));      // % is a letter, not a wildcard
  auto open = admin_->get(period + "&status=open");
  EXPECT_EQ(total(open, "incidents"), "2");
  EXPECT_EQ(total(open, "cost"), "$ 400");
  EXPECT_TRUE(open.contains("<option value=\"open\" selected>Abiertas</option>"));
}

TEST_F(Warranty, CloseAndReopenAreRecordedOnceEach) {
  long long id = product_incident("Para cerrar", "", "1", "1000", "", "", "2025-10-01 15:00:00");
  std::string path = "/admin/garantias/" + std::to_string(id);
  auto audits = [&](const std::string& event) {
    return count("SELECT COUNT(*) FROM audit_logs WHERE event = '" + event + "' AND subject_id = " + std::to_string(id));
  };

  auto closed = admin_->post(path + "/cerrar", {{"_token", token_}});
  ASSERT_EQ(closed.status, 302);
  EXPECT_TRUE(admin_->follow(closed).contains("Garantía cerrada."));
  EXPECT_EQ(count("SELECT COUNT(*) FROM warranty_incidents WHERE status = 'closed' AND closed_at IS NOT NULL AND id = " +
                  std::to_string(id)),
            1);
  auto again = admin_->post(path + "/cerrar", {{"_token", token_}});
  EXPECT_TRUE(admin_->follow(again).contains("La garantía ya estaba cerrada."));
  EXPECT_EQ(audits("admin.warranty.closed"), 1);
  auto page = admin_->get(path + "/editar");
  EXPECT_TRUE(page.contains("Reabrir garantía"));
  EXPECT_TRUE(page.contains("Cerrada el "));

  auto reopened = admin_->post(path + "/reabrir", {{"_token", token_}});
  EXPECT_TRUE(admin_->follow(reopened).contains("Garantía reabierta."));
  EXPECT_EQ(count("SELECT COUNT(*) FROM warranty_incidents WHERE status = 'open' AND closed_at IS NULL AND id = " +
                  std::to_string(id)),
            1);
  EXPECT_EQ(audits("admin.warranty.reopened"), 1);
  EXPECT_EQ(admin_->post("/admin/garantias/999999/cerrar", {{"_token", token_}}).status, 404);
  // Without the CSRF token nothing changes.
  EXPECT_EQ(admin_->post(path + "/cerrar", {}).status, 419);
  EXPECT_EQ(count("SELECT COUNT(*) FROM warranty_incidents WHERE status = 'open' AND id = " + std::to_string(id)), 1);
}

TEST_F(Warranty, EditingRecomputesTheLossAndIsAudited) {
  long long id = product_incident("Para editar", "", "1", "1000", "", "", "2025-11-01 15:00:00");
  std::string path = "/admin/garantias/" + std::to_string(id);
  auto response = admin_->post(path, {{"_token", token_}, {"_method", "PUT"}, {"source_type", "repair"},
                                      {"repair_ref", "R-20261201-00077"}, {"reason", "Editada"}, {"quantity", "4"},
                                      {"unit_cost", "2500"}, {"extra_cost", "100"}, {"recovered_amount", "3000"}});
  ASSERT_EQ(response.status, 302);
  EXPECT_EQ(response.header("location"), path + "/editar");
  auto page = admin_->follow(response);
  EXPECT_TRUE(page.contains("Garantía actualizada."));
  EXPECT_TRUE(page.contains("$ 7.100"));  // 4 × 2.500 + 100 − 3.000
  std::string suffix = " FROM warranty_incidents WHERE id = " + std::to_string(id);
  EXPECT_EQ(count("SELECT loss" + suffix), 710000);
  EXPECT_EQ(count("SELECT repair_id" + suffix), repair_);
  EXPECT_EQ(count("SELECT COUNT(*)" + suffix + " AND product_id IS NULL AND source_type = 'repair'"), 1);
  EXPECT_EQ(count("SELECT COUNT(*) FROM audit_logs WHERE event = 'admin.warranty.updated' AND subject_id = " +
                  std::to_string(id)),
            1);
  EXPECT_EQ(admin_->get("/admin/garantias/999999/editar").status, 404);
}

TEST_F(Warranty, InvalidFormsAreRefusedWithSpanishMessagesAndNothingIsSaved) {
  long long before = count("SELECT COUNT(*) FROM warranty_incidents");
  auto empty = create({{"source_type", "repair"}, {"quantity", "0"}, {"unit_cost", ""}});
  ASSERT_EQ(empty.status, 302);
  EXPECT_EQ(empty.header("location"), "/admin/garantias/crear");
  auto page = admin_->follow(empty);
  EXPECT_TRUE(page.contains("Indicá la reparación: su código (R-…) o su número.")) << page.body;
  EXPECT_TRUE(page.contains("Contá el motivo de la garantía."));
  EXPECT_TRUE(page.contains("La cantidad tiene que ser un número entero entre 1 y 10.000."));
  EXPECT_TRUE(page.contains("Ingresá el costo unitario (puede ser 0)."));

  auto negative = admin_->follow(create({{"source_type", "repair"}, {"repair_ref", "R-NO-EXISTE"}, {"reason", "x"},
                                         {"quantity", "1"}, {"unit_cost", "-5"}, {"extra_cost", "abc"},
                                         {"recovered_amount", "-1"}}));
  EXPECT_TRUE(negative.contains("No encontramos esa reparación. Revisá el código (R-…) o el número."));
  EXPECT_TRUE(negative.contains("El costo unitario tiene que ser un monto válido, de $ 0 o más."));
  EXPECT_TRUE(negative.contains("El costo extra tiene que ser un monto válido, de $ 0 o más."));
  EXPECT_TRUE(negative.contains("Lo recuperado tiene que ser un monto válido, de $ 0 o más."));
  EXPECT_TRUE(negative.contains("value=\"R-NO-EXISTE\""));  // the typed input comes back

  auto product = admin_->follow(create({{"source_type", "product"}, {"product_ref", "Producto inexistente"},
                                        {"reason", "x"}, {"quantity", "1"}, {"unit_cost", "1"}}));
  EXPECT_TRUE(product.contains("No encontramos ese producto. Buscalo por nombre abajo y elegilo de la lista."));
  auto sale = admin_->follow(create({{"source_type", "counter_sale"}, {"sale_ref", "abc"}, {"reason", "x"},
                                     {"quantity", "1"}, {"unit_cost", "1"}}));
  EXPECT_TRUE(sale.contains("El número de venta tiene que ser un número entero mayor que 0."));
  auto unknown_sale = admin_->follow(create({{"source_type", "counter_sale"}, {"sale_ref", "999999"}, {"reason", "x"},
                                             {"quantity", "1"}, {"unit_cost", "1"}}));
  EXPECT_TRUE(unknown_sale.contains("No encontramos esa venta. Revisá el número en Ventas."));
  auto no_type = admin_->follow(create({{"reason", "x"}, {"quantity", "1"}, {"unit_cost", "1"}}));
  EXPECT_TRUE(no_type.contains("Elegí si la garantía es de una reparación, un producto o una venta en mostrador."));
  auto supplier = admin_->follow(create({{"source_type", "product"}, {"product_ref", std::to_string(product_)},
                                         {"reason", "x"}, {"quantity", "1"}, {"unit_cost", "1"},
                                         {"supplier_id", "999999"}, {"save_supplier", "1"}}));
  EXPECT_TRUE(supplier.contains("Ese proveedor no existe: elegí otro de la lista."));

  EXPECT_EQ(count("SELECT COUNT(*) FROM warranty_incidents"), before);
}

TEST_F(Warranty, GuestsAreSentToLoginAndCustomersAreRefused) {
  Browser guest(server_->base_url());
  auto response = guest.get("/admin/garantias");
  EXPECT_EQ(response.status, 302);
  EXPECT_NE(response.header("location").find("/login"), std::string::npos);
  EXPECT_EQ(guest.get("/admin/garantias/exportar").status, 302);

  auto customer = registered_customer(*server_, "curioso.garantias@example.com");
  EXPECT_EQ(customer.get("/admin/garantias").status, 403);
  EXPECT_EQ(customer.get("/admin/garantias/exportar").status, 403);
  long long before = count("SELECT COUNT(*) FROM warranty_incidents");
  auto token = csrf_token_in(customer.get("/mi-cuenta").body);
  EXPECT_EQ(customer.post("/admin/garantias", {{"_token", token}, {"source_type", "counter_sale"}, {"sale_ref", "1"},
                                               {"reason", "x"}, {"quantity", "1"}, {"unit_cost", "1"}})
                .status,
            403);
  EXPECT_EQ(count("SELECT COUNT(*) FROM warranty_incidents"), before);
}

TEST_F(Warranty, WritesWithoutAValidCsrfTokenAreRefusedAndChangeNothing) {
  long long id = product_incident("Sin token", "", "1", "1000", "", "", "2025-08-01 15:00:00");
  std::string path = "/admin/garantias/" + std::to_string(id);
  long long before = count("SELECT COUNT(*) FROM warranty_incidents");
  const Fields valid = {{"source_type", "counter_sale"}, {"sale_ref", "9"}, {"reason", "Sin token"},
                        {"quantity", "1"}, {"unit_cost", "1"}};
  EXPECT_EQ(admin_->post("/admin/garantias", valid).status, 419);
  Fields forged = valid;
  forged.insert(forged.begin(), {"_token", "not-the-token"});
  EXPECT_EQ(admin_->post("/admin/garantias", forged).status, 419);
  Fields edit = valid;
  edit.insert(edit.begin(), {"_method", "PUT"});
  EXPECT_EQ(admin_->post(path, edit).status, 419);
  EXPECT_EQ(count("SELECT COUNT(*) FROM warranty_incidents"), before);
  EXPECT_EQ(count("SELECT COUNT(*) FROM warranty_incidents WHERE source_type = 'product' AND loss = 100000 AND id = " +
                  std::to_string(id)),
            1);
}

TEST_F(Warranty, CsvExportFollowsTheFiltersAndTheExportFormat) {
  product_incident("=HYPERLINK(\"http://x\")", "Proveedor; con punto y coma", "3", "1234,50", "10", "100",
                   "2025-12-10 15:00:00");
  product_incident("Fuera del rango", "", "1", "1", "", "", "2025-11-30 15:00:00");

  auto csv = admin_->get("/admin/garantias/exportar?desde=2025-12-01&hasta=2025-12-31&page=3");
  ASSERT_EQ(csv.status, 200);
  EXPECT_EQ(csv.header("content-type"), "text/csv; charset=utf-8");
  EXPECT_EQ(csv.header("content-disposition"), "attachment; filename=\"garantias_2025-12-01_2025-12-31.csv\"");
  EXPECT_EQ(csv.header("x-export-rows"), "1");
  ASSERT_EQ(csv.body.rfind(kBom, 0), 0u);
  EXPECT_NE(csv.body.find("ID;Fecha;Estado;Origen;Referencia;Motivo;Proveedor;Cantidad;Costo unitario;Costo extra;"
                          "Costo total;Recuperado;Pérdida;Notas;Registró;Cerrada\r\n"),
            std::string::npos)
      << csv.body;
  // 3 × 1.234,50 + 10 − 100 = 3.613,50; text cells guarded and quoted, amounts with a decimal comma.
  EXPECT_NE(csv.body.find(";10/12/2025 12:00;Abierta;Producto;Módulo Moto G20;\"'=HYPERLINK(\"\"http://x\"\")\";"
                          "\"Proveedor; con punto y coma\";3;1234,50;10;3713,50;100;3613,50;;"),
            std::string::npos)
      << csv.body;
  EXPECT_EQ(csv.body.find("Fuera del rango"), std::string::npos);

  auto closed = admin_->get("/admin/garantias/exportar?status=closed&desde=2025-12-01&hasta=2025-12-31");
  EXPECT_EQ(closed.header("x-export-rows"), "0");
  EXPECT_EQ(admin_->get("/admin/garantias/exportar?hasta=ayer").status, 400);
}

TEST_F(Warranty, DbExportAndImportCarryIncidentsAndSuppliers) {
  fs::path first = server_->base_path() / "warranty-export.jsonl";
  auto exported = server_->run({"db:export", "--out=" + first.string()});
  ASSERT_EQ(exported.exit_code, 0) << exported.output;
  std::string text = read_text(first);
  EXPECT_NE(text.find("\"warranty_incidents\":" + std::to_string(count("SELECT COUNT(*) FROM warranty_incidents"))),
            std::string::npos);
  EXPECT_NE(text.find("\"suppliers\":" + std::to_string(count("SELECT COUNT(*) FROM suppliers"))), std::string::npos);

  long long incidents = count("SELECT COUNT(*) FROM warranty_incidents");
  long long loss = count("SELECT SUM(loss) FROM warranty_incidents");
  auto imported = server_->run({"db:import", first.string(), "--fresh"});
  ASSERT_EQ(imported.exit_code, 0) << imported.output;
  EXPECT_EQ(count("SELECT COUNT(*) FROM warranty_incidents"), incidents);
  EXPECT_EQ(count("SELECT SUM(loss) FROM warranty_incidents"), loss);

  fs::path second = server_->base_path() / "warranty-export-2.jsonl";
  ASSERT_EQ(server_->run({"db:export", "--out=" + second.string()}).exit_code, 0);
  auto rows_of = [](const fs::path& file, const std::string& table) {
    std::ifstream in(file, std::ios::binary);
    std::vector<std::string> rows;
    std::string line;
    while (std::getline(in, line))
      if (line.find("{\"table\":\"" + table + "\"") == 0) rows.push_back(line);
    return rows;
  };
  auto before_rows = rows_of(first, "warranty_incidents");
  EXPECT_EQ(static_cast<long long>(before_rows.size()), incidents);
  EXPECT_EQ(rows_of(second, "warranty_incidents"), before_rows);
  EXPECT_EQ(rows_of(second, "suppliers"), rows_of(first, "suppliers"));
}
