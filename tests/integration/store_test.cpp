// The public catalog (/, /tienda, /tienda/categoria/{slug}, /producto/{slug}, /manifest.webmanifest) as a
// shopper sees it: tabs, search (accents and word order do not matter), the seven sorts, featured block,
// pagination, empty states and the visibility rule (inactive product or category → hidden / 404).
#include <gtest/gtest.h>

#include "store_support.hpp"

using namespace store_support;
using testing_support::visible_text;

namespace {

class StoreCatalog : public ::testing::Test {
 protected:
  static void SetUpTestSuite() {
    server_ = new AppServer();
    server_->start();
    AppServer& s = *server_;
    long long baterias = insert_category(s, "Baterías", "baterias");
    long long cables = insert_category(s, "Cables", "cables");
    long long hidden = insert_category(s, "Ocultos", "ocultos", false);
    insert_category(s, "Vacía", "vacia");
    long long fundas = insert_category(s, "Fundas", "fundas");
    samsung_ = insert_product(s, baterias, {"Batería Samsung A52", "bateria-samsung-a52", 1500000, 3, true});
    motorola_ = insert_product(s, baterias, {"Batería Motorola G20", "bateria-motorola-g20", 1200000, 0});
    insert_product(s, cables, {"Cable USB-C reforzado", "cable-usb-c", 300000, 15, true});
    insert_product(s, cables, {"Cable Lightning", "cable-lightning", 450000, 7});
    insert_product(s, cables, {"Cable micro USB", "cable-micro-usb", 150000, 20});
    insert_product(s, cables, {"Cable inactivo", "cable-inactivo", 200000, 5, false, false});
    insert_product(s, hidden, {"Cargador oculto", "cargador-oculto", 100000, 5});
    for (int i = 1; i <= 13; ++i) {
      std::string n = (i < 10 ? "0" : "") + std::to_string(i);
      insert_product(s, fundas, {"Funda modelo " + n, "funda-modelo-" + n, 100000 + i, 2});
    }
  }
  static void TearDownTestSuite() {
    delete server_;
    server_ = nullptr;
  }
  static HttpResponse get(const std::string& path) {
    Browser browser(server_->base_url());
    return browser.get(path);
  }
  // Names of the grid products in page order.
  static std::vector<std::string> grid_names(const std::string& html) {
    std::vector<std::string> names;
    std::size_t pos = html.find("id=\"productos\"");
    const std::string marker = "class=\"product-title\" href=\"/producto/";
    while (pos != std::string::npos && (pos = html.find(marker, pos)) != std::string::npos) {
      std::size_t start = html.find('>', pos) + 1;
      std::size_t end = html.find("</a>", start);
      names.push_back(html.substr(start, end - start));
      pos = end;
    }
    return names;
  }
  static AppServer* server_;
  static long long samsung_, motorola_;
};
AppServer* StoreCatalog::server_ = nullptr;
long long StoreCatalog::samsung_ = 0;
long long StoreCatalog::motorola_ = 0;

}  // namespace

TEST_F(StoreCatalog, HomeAndTiendaShowTheCatalogWithTabsOfActiveCategoriesOnly) {
  for (const char* path : {"/", "/tienda"}) {
    auto page = get(path);
    ASSERT_EQ(page.status, 200) << path;
    EXPECT_TRUE(page.contains("<title>Tienda</title>"));
    EXPECT_TRUE(page.contains("class=\"nav-pill shrink-0 whitespace-nowrap nav-pill-active\" href=\"/tienda\""));
    EXPECT_TRUE(page.contains("href=\"/tienda/categoria/baterias\""));
    EXPECT_TRUE(page.contains("href=\"/tienda/categoria/vacia\""));
    EXPECT_FALSE(page.contains("/tienda/categoria/ocultos"));
    EXPECT_TRUE(page.contains("placeholder=\"Ej: iPhone, display, batería...\""));
    EXPECT_TRUE(page.contains("<option value=\"relevance\" selected>Relevancia</option>"));
    EXPECT_FALSE(page.contains(">Limpiar</a>"));
    // Hidden products never appear.
    EXPECT_FALSE(page.contains("Cable inactivo"));
    EXPECT_FALSE(page.contains("Cargador oculto"));
  }
}

TEST_F(StoreCatalog, FeaturedBlockOnlyWithoutSearchAndWithDefaultSort) {
  auto page = get("/tienda");
  ASSERT_TRUE(page.contains("Destacados"));
  EXPECT_TRUE(page.contains("product-card product-card-featured"));
  EXPECT_LT(page.body.find("product-card-featured"), page.body.find("id=\"productos\""));
  EXPECT_FALSE(get("/tienda?q=cable").contains("Destacados"));
  EXPECT_FALSE(get("/tienda?sort=newest").contains("Destacados"));
  // Category page: only that category's featured products.
  auto cables = get("/tienda/categoria/cables");
  std::string featured = cables.body.substr(0, cables.body.find("id=\"productos\""));
  EXPECT_NE(featured.find("Cable USB-C reforzado"), std::string::npos);
  EXPECT_EQ(featured.find("Batería Samsung A52"), std::string::npos);
}

TEST_F(StoreCatalog, EverySortOrdersTheGridAsSpecified) {
  const std::string base = "/tienda/categoria/cables?sort=";
  using Names = std::vector<std::string>;
  EXPECT_EQ(grid_names(get(base + "relevance").body), (Names{"Cable USB-C reforzado", "Cable micro USB", "Cable Lightning"}));
  EXPECT_EQ(grid_names(get(base + "newest").body), (Names{"Cable micro USB", "Cable Lightning", "Cable USB-C reforzado"}));
  EXPECT_EQ(grid_names(get(base + "price_asc").body), (Names{"Cable micro USB", "Cable USB-C reforzado", "Cable Lightning"}));
  EXPECT_EQ(grid_names(get(base + "price_desc").body), (Names{"Cable Lightning", "Cable USB-C reforzado", "Cable micro USB"}));
  EXPECT_EQ(grid_names(get(base + "name_asc").body), (Names{"Cable Lightning", "Cable micro USB", "Cable USB-C reforzado"}));
  EXPECT_EQ(grid_names(get(base + "name_desc").body), (Names{"Cable USB-C reforzado", "Cable micro USB", "Cable Lightning"}));
  EXPECT_EQ(grid_names(get(base + "stock_desc").body), (Names{"Cable micro USB", "Cable USB-C reforzado", "Cable Lightning"}));
  // Unknown sort → relevance.
  EXPECT_EQ(grid_names(get(base + "drop_table").body), grid_names(get(base + "relevance").body));
  auto selected = get("/tienda?sort=price_desc");
  EXPECT_TRUE(selected.contains("<option value=\"price_desc\" selected>Mayor precio</option>"));
  EXPECT_TRUE(selected.contains(">Limpiar</a>"));
}

TEST_F(StoreCatalog, SearchIgnoresAccentsCaseAndWordOrder) {
  auto plain = grid_names(get("/tienda?q=bateria").body);
  EXPECT_EQ(plain, (std::vector<std::string>{"Batería Samsung A52", "Batería Motorola G20"}));
  EXPECT_EQ(grid_names(get("/tienda?q=BATER%C3%8DA").body), plain);
  EXPECT_EQ(grid_names(get("/tienda?q=%20a52%20%20bateria%20").body), (std::vector<std::string>{"Batería Samsung A52"}));
  EXPECT_EQ(grid_names(get("/tienda?q=usb+cable&sort=price_asc").body),
            (std::vector<std::string>{"Cable micro USB", "Cable USB-C reforzado"}));
  // Hidden products are not found by search either.
  EXPECT_TRUE(grid_names(get("/tienda?q=oculto").body).empty());
  EXPECT_TRUE(grid_names(get("/tienda?q=inactivo").body).empty());
  // Search keeps the q in the box and in the tab links.
  auto page = get("/tienda?q=cable&sort=newest");
  EXPECT_TRUE(page.contains("name=\"q\" value=\"cable\""));
  EXPECT_TRUE(page.contains("href=\"/tienda/categoria/cables?q=cable&amp;sort=newest\""));
  // Odd input never breaks the query.
  for (const char* q : {"%22", "%25", "_", "a%27%20OR%201%3D1", "*", "NEAR(", "---"})
    EXPECT_EQ(get(std::string("/tienda?q=") + q).status, 200) << q;
}

TEST_F(StoreCatalog, SearchIndexFollowsRenamesAndDeletes) {
  long long category = insert_category(*server_, "Temporal", "temporal");
  long long id = insert_product(*server_, category, {"Parlante portátil", "parlante-portatil", 900000, 4});
  EXPECT_EQ(grid_names(get("/tienda?q=portatil").body), (std::vector<std::string>{"Parlante portátil"}));
  execute(*server_, "UPDATE products SET name = 'Parlante Bluetooth' WHERE id = " + std::to_string(id));
  EXPECT_TRUE(grid_names(get("/tienda?q=portatil").body).empty());
  EXPECT_EQ(grid_names(get("/tienda?q=bluetooth").body), (std::vector<std::string>{"Parlante Bluetooth"}));
  execute(*server_, "DELETE FROM products WHERE id = " + std::to_string(id));
  EXPECT_TRUE(grid_names(get("/tienda?q=bluetooth").body).empty());
  execute(*server_, "DELETE FROM categories WHERE id = " + std::to_string(category));
}

TEST_F(StoreCatalog, EmptyStatesSaySoInSpanish) {
  auto none = get("/tienda?q=zzzz");
  EXPECT_TRUE(none.contains("Sin resultados"));
  EXPECT_TRUE(none.contains("No encontramos productos para “zzzz”"));
  EXPECT_TRUE(none.contains("Limpiar búsqueda"));
  auto in_category = get("/tienda/categoria/cables?q=zzzz");
  EXPECT_TRUE(in_category.contains("No encontramos productos para “zzzz” en “Cables”"));
  EXPECT_TRUE(in_category.contains(">Ver todas</a>"));
  auto empty = get("/tienda/categoria/vacia");
  ASSERT_EQ(empty.status, 200);
  EXPECT_TRUE(empty.contains("Categoría sin productos"));
  EXPECT_TRUE(empty.contains("Todavía no hay productos en “Vacía”."));
}

TEST_F(StoreCatalog, CategoryPageFiltersAndMarksItsTab) {
  auto page = get("/tienda/categoria/baterias");
  ASSERT_EQ(page.status, 200);
  EXPECT_TRUE(page.contains("class=\"nav-pill shrink-0 whitespace-nowrap nav-pill-active\" href=\"/tienda/categoria/baterias\""));
  EXPECT_TRUE(page.contains("action=\"/tienda/categoria/baterias\""));
  EXPECT_EQ(grid_names(page.body), (std::vector<std::string>{"Batería Samsung A52", "Batería Motorola G20"}));
  EXPECT_EQ(get("/tienda/categoria/ocultos").status, 404);
  EXPECT_EQ(get("/tienda/categoria/no-existe").status, 404);
}

TEST_F(StoreCatalog, TwelvePerPageWithRangeAndLinksKeepingTheQuery) {
  auto first = get("/tienda/categoria/fundas?sort=name_asc");
  auto names = grid_names(first.body);
  ASSERT_EQ(names.size(), 12u);
  EXPECT_EQ(names.front(), "Funda modelo 01");
  EXPECT_TRUE(first.contains("Mostrando 1–12 de 13"));
  EXPECT_TRUE(first.contains("href=\"/tienda/categoria/fundas?sort=name_asc&amp;page=2#productos\""));
  auto second = get("/tienda/categoria/fundas?sort=name_asc&page=2");
  EXPECT_EQ(grid_names(second.body), (std::vector<std::string>{"Funda modelo 13"}));
  EXPECT_TRUE(second.contains("Mostrando 13–13 de 13"));
  // Past the end or nonsense → a valid page.
  EXPECT_EQ(grid_names(get("/tienda/categoria/fundas?sort=name_asc&page=99").body).size(), 1u);
  EXPECT_EQ(grid_names(get("/tienda/categoria/fundas?sort=name_asc&page=abc").body).size(), 12u);
  EXPECT_EQ(grid_names(get("/tienda/categoria/fundas?page=-4").body).size(), 12u);
}

TEST_F(StoreCatalog, OutOfStockProductsAreListedWithADisabledButton) {
  auto page = get("/tienda/categoria/baterias");
  EXPECT_TRUE(page.contains("<span class=\"badge-stock is-out\">Sin stock</span>"));
  EXPECT_TRUE(page.contains("<span class=\"badge-stock is-in\">Stock: 3</span>"));
  EXPECT_TRUE(page.contains("class=\"btn-cart is-disabled\" aria-label=\"Agregar al carrito\" title=\"Sin stock\" disabled"));
  EXPECT_TRUE(page.contains("action=\"/carrito/agregar/" + std::to_string(samsung_) + "\""));
  EXPECT_TRUE(page.contains("<div class=\"product-price\">$ 15.000</div>"));
}

TEST_F(StoreCatalog, ProductPageShowsDetailsAndHidesInactiveOnes) {
  auto page = get("/producto/bateria-samsung-a52");
  ASSERT_EQ(page.status, 200);
  EXPECT_TRUE(page.contains("<title>Batería Samsung A52 - Tienda</title>"));
  EXPECT_TRUE(page.contains("<div class=\"page-title\">Batería Samsung A52</div>"));
  std::string text = visible_text(page.body);
  EXPECT_NE(text.find("Disponible: 3"), std::string::npos);
  EXPECT_NE(text.find("Marca: Genérica"), std::string::npos);
  EXPECT_NE(text.find("Calidad: Premium"), std::string::npos);
  EXPECT_NE(text.find("$ 15.000"), std::string::npos);
  EXPECT_TRUE(page.contains("href=\"/tienda/categoria/baterias\">Baterías</a>"));
  EXPECT_TRUE(page.contains("<button class=\"btn-primary h-11 w-full\">Agregar al carrito</button>"));

  auto out = get("/producto/bateria-motorola-g20");
  ASSERT_EQ(out.status, 200);
  EXPECT_TRUE(out.contains("Sin stock por ahora. Podés consultar disponibilidad por WhatsApp."));
  EXPECT_TRUE(out.contains("<button class=\"btn-primary h-11 w-full\" disabled>Agregar al carrito</button>"));
  EXPECT_FALSE(out.contains("Disponible:"));

  EXPECT_EQ(get("/producto/cable-inactivo").status, 404);
  EXPECT_EQ(get("/producto/cargador-oculto").status, 404);
  EXPECT_EQ(get("/producto/no-existe").status, 404);
}

TEST_F(StoreCatalog, ManifestDescribesTheInstallableApp) {
  auto manifest = get("/manifest.webmanifest");
  ASSERT_EQ(manifest.status, 200);
  EXPECT_EQ(manifest.header("content-type"), "application/manifest+json");
  EXPECT_TRUE(manifest.contains("\"theme_color\":\"#0ea5e9\""));
  EXPECT_TRUE(manifest.contains("\"background_color\":\"#ffffff\""));
  EXPECT_TRUE(manifest.contains("\"display\":\"standalone\""));
  EXPECT_TRUE(manifest.contains("\"sizes\":\"192x192\""));
  EXPECT_TRUE(manifest.contains("\"sizes\":\"512x512\""));
  EXPECT_TRUE(manifest.header("set-cookie").empty());
}

TEST_F(StoreCatalog, AFloodOfRandomSearchesDoesNotPushTheStoreOutOfThePageCache) {
  get("/tienda");  // rendered and cached (or already cached by an earlier test)
  auto again = get("/tienda");
  EXPECT_EQ(again.header("x-page-cache"), "hit");
  // More one-off searches than the whole cache holds (512 pages), each a new key that anyone could send.
  for (int i = 0; i < 600; ++i) {
    auto search = get("/tienda?q=zz" + std::to_string(i * 7919 % 100003));
    ASSERT_EQ(search.status, 200);
  }
  EXPECT_EQ(get("/tienda?q=zz0").header("x-page-cache"), "miss");  // the flood itself was evicted meanwhile
  EXPECT_EQ(get("/tienda").header("x-page-cache"), "hit");
}

TEST_F(StoreCatalog, BrowsingTheStoreStoresNoSession) {
  long long before = testing_support::scalar(*server_, "SELECT COUNT(*) FROM sessions");
  for (const char* path : {"/", "/tienda?q=cable", "/tienda/categoria/cables", "/producto/cable-usb-c", "/carrito"})
    EXPECT_EQ(get(path).status, 200) << path;
  EXPECT_EQ(testing_support::scalar(*server_, "SELECT COUNT(*) FROM sessions"), before);
}
