// Product labels (issue 21: printable labels with the barcode) as the shop owner notices them over HTTP: the label
// page, the bars a scanner would read back from its SVG, the message for a product without codes, the multi-product
// page from the list, and who may open them.
#include <gtest/gtest.h>

#include <soci/soci.h>

#include "support/accounts.hpp"
#include "support/app_server.hpp"
#include "support/barcode_reader.hpp"
#include "support/browser.hpp"
#include "support/test_files.hpp"

using namespace testing_support;

namespace {

// The <svg>…</svg> elements of a page, in order.
std::vector<std::string> svgs_in(const std::string& html) {
  std::vector<std::string> found;
  for (std::size_t at = html.find("<svg"); at != std::string::npos; at = html.find("<svg", at + 1)) {
    std::size_t end = html.find("</svg>", at);
    if (end == std::string::npos) break;
    found.push_back(html.substr(at, end + 6 - at));
  }
  return found;
}

std::size_t occurrences(const std::string& text, const std::string& needle) {
  std::size_t n = 0;
  for (std::size_t at = text.find(needle); at != std::string::npos; at = text.find(needle, at + 1)) ++n;
  return n;
}

// What a scanner reads from a label's SVG, whichever symbology it is ("" when it reads nothing).
std::string scanned(const std::string& svg) {
  auto bars = test_barcode::bars_in_svg(svg);
  std::optional<std::string> text;
  if (svg.find("data-barcode=\"ean13\"") != std::string::npos) text = test_barcode::read_ean13(bars);
  else text = test_barcode::read_code128(test_barcode::element_widths(bars));
  return text ? *text : "";
}

class ProductLabels : public ::testing::Test {
 protected:
  static void SetUpTestSuite() {
    server_ = new AppServer(std::map<std::string, std::string>{{"RATE_LIMIT_ADMIN_REQUESTS_PER_MINUTE", "100000"}});
    server_->start();
    admin_ = new Browser(signed_in_admin(*server_));
    server_->database().lease()->once
        << "INSERT INTO categories (name, slug, active) VALUES ('Librería', 'libreria-etiquetas', 1)";
    category_ = scalar(*server_, "SELECT MAX(id) FROM categories");
  }
  static void TearDownTestSuite() {
    delete admin_;
    delete server_;
  }

  static long long product(const std::string& name, long long price, const std::string& sku, const std::string& barcode) {
    static int sequence = 0;
    std::string slug = "etiqueta-" + std::to_string(++sequence);
    soci::indicator sku_ind = sku.empty() ? soci::i_null : soci::i_ok;
    soci::indicator barcode_ind = barcode.empty() ? soci::i_null : soci::i_ok;
    server_->database().lease()->once
        << "INSERT INTO products (category_id, name, slug, price, stock, active, sku, barcode) "
           "VALUES (:c, :n, :s, :p, 3, 1, :sku, :b)",
        soci::use(category_), soci::use(name), soci::use(slug), soci::use(price), soci::use(sku, sku_ind),
        soci::use(barcode, barcode_ind);
    return scalar(*server_, "SELECT MAX(id) FROM products");
  }
  static std::string label_path(long long id) { return "/admin/productos/" + std::to_string(id) + "/etiqueta"; }

  static AppServer* server_;
  static Browser* admin_;
  static long long category_;
};
AppServer* ProductLabels::server_ = nullptr;
Browser* ProductLabels::admin_ = nullptr;
long long ProductLabels::category_ = 0;

}  // namespace

TEST_F(ProductLabels, AProductWithAnEanCodeGetsALabelWhoseBarsScanBackToIt) {
  long long id = product("Lápiz Castell 9000 HB", 123450, "LAP-9000", "4006381333931");
  auto page = admin_->get(label_path(id));
  ASSERT_EQ(page.status, 200);
  EXPECT_TRUE(page.contains("Lápiz Castell 9000 HB"));
  EXPECT_TRUE(page.contains("$ 1.234,50")) << visible_text(page.body);
  EXPECT_TRUE(page.contains("SKU: LAP-9000"));
  auto svgs = svgs_in(page.body);
  ASSERT_EQ(svgs.size(), 1u);
  EXPECT_NE(svgs[0].find("data-barcode=\"ean13\""), std::string::npos);
  EXPECT_EQ(test_barcode::bars_in_svg(svgs[0]).size(), 30u);  // EAN-13 always has 30 dark bars
  EXPECT_EQ(scanned(svgs[0]), "4006381333931");
  EXPECT_EQ(page.header("cache-control"), "no-store");
}

TEST_F(ProductLabels, AFreeBarcodeIsPrintedAsCode128AndWithoutOneTheSkuIs) {
  long long own_code = product("Funda silicona iPhone 13", 800000, "FUN-IP13", "CASE-0042");
  auto page = admin_->get(label_path(own_code));
  ASSERT_EQ(page.status, 200);
  auto svgs = svgs_in(page.body);
  ASSERT_EQ(svgs.size(), 1u);
  EXPECT_NE(svgs[0].find("data-barcode=\"code128\""), std::string::npos);
  EXPECT_EQ(scanned(svgs[0]), "CASE-0042");

  long long sku_only = product("Cable USB-C 1 m", 350000, "CAB-USBC-1M", "");
  page = admin_->get(label_path(sku_only));
  ASSERT_EQ(page.status, 200);
  svgs = svgs_in(page.body);
  ASSERT_EQ(svgs.size(), 1u);
  EXPECT_EQ(scanned(svgs[0]), "CAB-USBC-1M");
}

TEST_F(ProductLabels, AProductWithoutCodesGetsItsLabelWithAMessageInsteadOfBars) {
  long long id = product("Templado genérico", 150000, "", "");
  auto page = admin_->get(label_path(id));
  ASSERT_EQ(page.status, 200);
  EXPECT_TRUE(page.contains("Templado genérico"));
  EXPECT_TRUE(page.contains("Sin código de barras: cargale un SKU o un código de barras al producto para imprimirlo."));
  EXPECT_TRUE(page.contains("/admin/productos/" + std::to_string(id) + "/editar"));
  EXPECT_TRUE(svgs_in(page.body).empty());
}

TEST_F(ProductLabels, TheListPrintsTheChosenProductsInOrderWithCopies) {
  long long first = product("Pila AA", 90000, "PILA-AA", "");
  long long second = product("Pila AAA", 95000, "", "7790001000019");
  auto page = admin_->get("/admin/productos/etiquetas?ids[]=" + std::to_string(second) + "&ids[]=" +
                          std::to_string(first) + "&ids[]=999999&copias=2&formato=rollo");
  ASSERT_EQ(page.status, 200);
  EXPECT_EQ(occurrences(page.body, "data-product-label=\""), 4u);
  EXPECT_TRUE(page.contains("4 etiquetas"));
  EXPECT_TRUE(page.contains("labels-rollo"));
  auto svgs = svgs_in(page.body);
  ASSERT_EQ(svgs.size(), 4u);
  EXPECT_EQ(scanned(svgs[0]), "7790001000019");
  EXPECT_EQ(scanned(svgs[1]), "7790001000019");
  EXPECT_EQ(scanned(svgs[2]), "PILA-AA");

  EXPECT_EQ(admin_->get("/admin/productos/etiquetas?ids[]=999999").status, 404);
  EXPECT_EQ(admin_->get("/admin/productos/999999/etiqueta").status, 404);
}

TEST_F(ProductLabels, TheProductFormAndTheListLinkToTheLabels) {
  long long id = product("Cargador 20 W", 1200000, "CAR-20W", "");
  auto form = admin_->get("/admin/productos/" + std::to_string(id) + "/editar");
  ASSERT_EQ(form.status, 200);
  EXPECT_TRUE(form.contains("href=\"" + label_path(id) + "\""));
  EXPECT_TRUE(form.contains("Imprimir etiqueta"));
  auto list = admin_->get("/admin/productos");
  EXPECT_TRUE(list.contains("action=\"/admin/productos/etiquetas\""));
  EXPECT_TRUE(list.contains("name=\"ids[]\" form=\"bo_labels_form\" value=\"" + std::to_string(id) + "\""));
}

TEST_F(ProductLabels, OnlyAdminsOpenLabels) {
  long long id = product("Auriculares", 500000, "AUR-1", "");
  auto customer = registered_customer(*server_, "curioso-etiquetas@example.com");
  EXPECT_EQ(customer.get(label_path(id)).status, 403);
  EXPECT_EQ(customer.get("/admin/productos/etiquetas?ids[]=" + std::to_string(id)).status, 403);
  Browser guest(server_->base_url());
  auto response = guest.get(label_path(id));
  EXPECT_EQ(response.status, 302);
  EXPECT_NE(response.header("location").find("/login"), std::string::npos);
}
