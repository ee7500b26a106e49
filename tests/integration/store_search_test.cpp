// Store search in Spanish as shoppers type it: plurals and singulars find each other (Snowball stems of the
// query words, see domain/store/search.hpp) with or without accents, on whichever engine the suite runs
// (SQLite by default, MariaDB/PostgreSQL under scripts/with-mariadb.sh / with-postgres.sh).
#include <gtest/gtest.h>

#include "store_support.hpp"

using namespace store_support;

namespace {

class StoreSpanishSearch : public ::testing::Test {
 protected:
  static void SetUpTestSuite() {
    server_ = new AppServer();
    server_->start();
    AppServer& s = *server_;
    long long accesorios = insert_category(s, "Accesorios", "accesorios");
    insert_product(s, accesorios, {"Cargador rápido 20W", "cargador-rapido-20w", 900000, 4});
    insert_product(s, accesorios, {"Batería Samsung A52", "bateria-samsung-a52", 1500000, 3});
    insert_product(s, accesorios, {"Funda silicona iPhone 13", "funda-silicona-iphone-13", 400000, 8});
    insert_product(s, accesorios, {"Auriculares inalámbricos", "auriculares-inalambricos", 1100000, 2});
    insert_product(s, accesorios, {"Pantalla táctil Moto G20", "pantalla-tactil-moto-g20", 2500000, 1});
    insert_product(s, accesorios, {"Resistencia de carga", "resistencia-de-carga", 50000, 9});
  }
  static void TearDownTestSuite() {
    delete server_;
    server_ = nullptr;
  }
  // Names of the grid products for a search, in page order (sorted by name to be independent of relevance).
  static std::vector<std::string> found(const std::string& query) {
    Browser browser(server_->base_url());
    auto page = browser.get("/tienda?sort=name_asc&q=" + query);
    EXPECT_EQ(page.status, 200) << query;
    std::vector<std::string> names;
    const std::string marker = "class=\"product-title\" href=\"/producto/";
    std::size_t pos = page.body.find("id=\"productos\"");
    while (pos != std::string::npos && (pos = page.body.find(marker, pos)) != std::string::npos) {
      std::size_t start = page.body.find('>', pos) + 1;
      std::size_t end = page.body.find("</a>", start);
      names.push_back(page.body.substr(start, end - start));
      pos = end;
    }
    return names;
  }
  static AppServer* server_;
};
AppServer* StoreSpanishSearch::server_ = nullptr;

using Names = std::vector<std::string>;

}  // namespace

TEST_F(StoreSpanishSearch, APluralFindsTheSingularProduct) {
  EXPECT_EQ(found("cargadores"), (Names{"Cargador rápido 20W"}));
  EXPECT_EQ(found("baterias"), (Names{"Batería Samsung A52"}));
  EXPECT_EQ(found("fundas"), (Names{"Funda silicona iPhone 13"}));
  EXPECT_EQ(found("pantallas+tactiles"), (Names{"Pantalla táctil Moto G20"}));
  // Snowball rewrites this suffix (-encia → -ent); the word as typed and its plural still find the product.
  EXPECT_EQ(found("resistencia"), (Names{"Resistencia de carga"}));
  EXPECT_EQ(found("resistencias"), (Names{"Resistencia de carga"}));
}

TEST_F(StoreSpanishSearch, AccentsAndCapitalsInTheQueryDoNotMatter) {
  EXPECT_EQ(found("BATER%C3%8DAS"), (Names{"Batería Samsung A52"}));  // BATERÍAS
  EXPECT_EQ(found("bater%C3%ADa"), (Names{"Batería Samsung A52"}));   // batería
  EXPECT_EQ(found("inal%C3%A1mbrico"), (Names{"Auriculares inalámbricos"}));
  EXPECT_EQ(found("auricular+inalambrico"), (Names{"Auriculares inalámbricos"}));
}

TEST_F(StoreSpanishSearch, EveryWordMustStillMatch) {
  EXPECT_EQ(found("cargadores+samsung"), Names{});
  EXPECT_EQ(found("baterias+a52"), (Names{"Batería Samsung A52"}));
  EXPECT_EQ(found("parlantes"), Names{});
}

TEST_F(StoreSpanishSearch, APrefixTypedSoFarStillFinds) {
  EXPECT_EQ(found("auricu"), (Names{"Auriculares inalámbricos"}));
  EXPECT_EQ(found("carga"), (Names{"Cargador rápido 20W", "Resistencia de carga"}));
  EXPECT_EQ(found("bater"), (Names{"Batería Samsung A52"}));
}
