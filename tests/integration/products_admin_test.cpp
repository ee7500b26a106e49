// Admin categories and products (docs/domain/store.md) as the shop owner notices them: pages, messages, rows
// written or left alone, uploaded files, and the JSON of the quick and bulk actions.
#include <gtest/gtest.h>

#include <filesystem>

#include "support/accounts.hpp"
#include "support/app_server.hpp"
#include "support/browser.hpp"
#include "support/catalog_fixtures.hpp"
#include "support/multipart.hpp"
#include "support/test_files.hpp"

using namespace testing_support;
namespace fs = std::filesystem;

namespace {

using Fields = std::vector<std::pair<std::string, std::string>>;
const std::map<std::string, std::string> kJson = {{"Accept", "application/json"}};

class ProductsAdmin : public ::testing::Test {
 protected:
  static void SetUpTestSuite() {
    server_ = new AppServer(std::map<std::string, std::string>{{"RATE_LIMIT_ADMIN_REQUESTS_PER_MINUTE", "100000"}});
    server_->start();
    admin_ = new Browser(signed_in_admin(*server_));
    token_ = csrf_token_in(admin_->get("/admin/productos").body);
    customer_ = new Browser(registered_customer(*server_, "comprador@example.com"));
    customer_id_ = user_id_of(*server_, "comprador@example.com");
    category_ = insert_category(*server_, "Cables", "cables-base");
  }
  static void TearDownTestSuite() {
    delete customer_;
    delete admin_;
    delete server_;
  }

  static HttpResponse post(const std::string& path, Fields fields, const std::map<std::string, std::string>& headers = {}) {
    fields.insert(fields.begin(), {"_token", token_});
    return admin_->post(path, fields, headers);
  }
  static HttpResponse bulk(const std::string& action, const std::vector<std::string>& ids, Fields extra = {}) {
    Fields fields{{"action", action}};
    for (const auto& id : ids) fields.emplace_back("ids[]", id);
    for (auto& field : extra) fields.push_back(field);
    return post("/admin/productos/bulk", fields, kJson);
  }
  static long long count(const std::string& query) { return scalar(*server_, query); }
  static long long product(const std::string& name, const std::string& slug, long long stock = 5) {
    return insert_product(*server_, category_, name, slug, 100000, stock);
  }
  static std::string id(long long value) { return std::to_string(value); }
  static fs::path uploads() { return server_->base_path() / "storage/app/public"; }
  static std::size_t files_in(const std::string& folder) {
    std::error_code ec;
    std::size_t n = 0;
    for (auto it = fs::directory_iterator(uploads() / folder, ec); !ec && it != fs::directory_iterator(); ++it) ++n;
    return n;
  }

  static AppServer* server_;
  static Browser* admin_;
  static Browser* customer_;
  static std::string token_;
  static long long customer_id_;
  static long long category_;
};
AppServer* ProductsAdmin::server_ = nullptr;
Browser* ProductsAdmin::admin_ = nullptr;
Browser* ProductsAdmin::customer_ = nullptr;
std::string ProductsAdmin::token_;
long long ProductsAdmin::customer_id_ = 0;
long long ProductsAdmin::category_ = 0;

}  // namespace

// ---------- Categories ----------

TEST_F(ProductsAdmin, CategoryIsCreatedWithAGeneratedSlugAndListed) {
  auto created = post("/admin/categorias", {{"name", "Fundas y Vidrios Ñandú"}, {"slug", ""}, {"icon", "📱"}});
  ASSERT_EQ(created.status, 302);
  long long new_id = count("SELECT id FROM categories WHERE slug = 'fundas-y-vidrios-nandu'");
  ASSERT_GT(new_id, 0);
  EXPECT_EQ(created.header("location"), "/admin/categorias/" + id(new_id) + "/editar");
  auto edit = admin_->follow(created);
  EXPECT_TRUE(edit.contains("Categoría creada."));
  EXPECT_TRUE(edit.contains("class=\"page-title\">Editar categoría</h1>"));
  EXPECT_TRUE(edit.contains("ID #" + id(new_id)));

  auto index = admin_->get("/admin/categorias");
  ASSERT_EQ(index.status, 200);
  EXPECT_TRUE(index.contains("class=\"page-title\">Categorías</h1>"));
  EXPECT_TRUE(index.contains("Fundas y Vidrios Ñandú"));
  EXPECT_TRUE(index.contains("data-admin-category-toggle data-category-id=\"" + id(new_id) + "\""));
}

TEST_F(ProductsAdmin, CategoryWithoutNameIsRefusedWithAMessage) {
  long long before = count("SELECT COUNT(*) FROM categories");
  admin_->referer = server_->base_url() + "/admin/categorias/crear";
  auto response = post("/admin/categorias", {{"name", "   "}, {"slug", "algo"}});
  admin_->referer.clear();
  ASSERT_EQ(response.status, 302);
  EXPECT_EQ(response.header("location"), "/admin/categorias/crear");
  EXPECT_TRUE(admin_->follow(response).contains("El nombre es obligatorio."));
  EXPECT_EQ(count("SELECT COUNT(*) FROM categories"), before);
}

TEST_F(ProductsAdmin, DuplicateCategorySlugTypedByTheAdminIsAClearErrorAndANameGetsASuffix) {
  insert_category(*server_, "Audio", "audio");
  admin_->referer = server_->base_url() + "/admin/categorias/crear";
  auto typed = post("/admin/categorias", {{"name", "Otro audio"}, {"slug", "Audio"}});
  admin_->referer.clear();
  ASSERT_EQ(typed.status, 302);
  EXPECT_TRUE(visible_text(admin_->follow(typed).body).find("El slug \"audio\" ya lo usa otra categoría.") != std::string::npos);
  EXPECT_EQ(count("SELECT COUNT(*) FROM categories WHERE name = 'Otro audio'"), 0);

  auto generated = post("/admin/categorias", {{"name", "Audio"}, {"slug", ""}});
  ASSERT_EQ(generated.status, 302);
  EXPECT_EQ(count("SELECT COUNT(*) FROM categories WHERE slug = 'audio-2'"), 1);
}

TEST_F(ProductsAdmin, CategoryWithSoldProductsCannotBeDeleted) {
  long long category = insert_category(*server_, "Vendida", "vendida");
  long long sold = insert_product(*server_, category, "Cargador vendido", "cargador-vendido");
  insert_sold_item(*server_, customer_id_, sold);
  auto response = post("/admin/categorias/" + id(category), {{"_method", "DELETE"}});
  ASSERT_EQ(response.status, 302);
  EXPECT_EQ(response.header("location"), "/admin/categorias");
  EXPECT_TRUE(admin_->follow(response).contains(
      "No se puede eliminar la categoría porque tiene productos con pedidos asociados. Desactívala en lugar de borrarla."));
  EXPECT_EQ(count("SELECT COUNT(*) FROM categories WHERE id = " + id(category)), 1);
  EXPECT_EQ(count("SELECT COUNT(*) FROM products WHERE id = " + id(sold)), 1);
}

TEST_F(ProductsAdmin, CategoryWithUnsoldProductsIsDeletedWithThem) {
  long long category = insert_category(*server_, "Temporal", "temporal");
  insert_product(*server_, category, "Sin ventas", "sin-ventas");
  auto response = post("/admin/categorias/" + id(category), {{"_method", "DELETE"}});
  ASSERT_EQ(response.status, 302);
  EXPECT_TRUE(admin_->follow(response).contains("Categoría eliminada."));
  EXPECT_EQ(count("SELECT COUNT(*) FROM categories WHERE id = " + id(category)), 0);
  EXPECT_EQ(count("SELECT COUNT(*) FROM products WHERE category_id = " + id(category)), 0);
}

TEST_F(ProductsAdmin, CategoryToggleAnswersJsonOrRedirects) {
  long long category = insert_category(*server_, "Toggle", "toggle-cat");
  auto json = post("/admin/categorias/" + id(category) + "/toggle-active", {}, kJson);
  ASSERT_EQ(json.status, 200);
  EXPECT_EQ(json.body, "{\"ok\":true,\"active\":false,\"message\":\"Categoría desactivada ✅\"}");
  auto plain = post("/admin/categorias/" + id(category) + "/toggle-active", {});
  ASSERT_EQ(plain.status, 302);
  EXPECT_EQ(count("SELECT active FROM categories WHERE id = " + id(category)), 1);
  EXPECT_EQ(post("/admin/categorias/999999/toggle-active", {}, kJson).status, 404);
}

// ---------- Products: forms ----------

TEST_F(ProductsAdmin, ProductWithAPngImageIsCreatedAndListed) {
  std::size_t before = files_in("products");
  auto response = submit_multipart(*admin_, "/admin/productos/crear", "/admin/productos",
                                   {{"name", "Funda Galaxy A52"}, {"slug", ""}, {"category_id", id(category_)},
                                    {"price", "12.345,50"}, {"stock", "7"}, {"description", "Silicona"}},
                                   {{"image", "funda.png", "image/png", png_bytes()}});
  ASSERT_EQ(response.status, 302);
  EXPECT_EQ(response.header("location"), "/admin/productos");
  EXPECT_TRUE(admin_->follow(response).contains("Producto creado."));
  EXPECT_EQ(count("SELECT price FROM products WHERE slug = 'funda-galaxy-a52'"), 1234550);
  EXPECT_EQ(count("SELECT stock FROM products WHERE slug = 'funda-galaxy-a52'"), 7);
  EXPECT_EQ(files_in("products"), before + 1);

  auto list = admin_->get("/admin/productos?q=Galaxy");
  EXPECT_TRUE(list.contains("Funda Galaxy A52"));
  EXPECT_TRUE(list.contains("$ 12.345,50"));
  EXPECT_TRUE(list.contains("src=\"/storage/products/"));
}

TEST_F(ProductsAdmin, SvgAndPhpDisguisedAsPngAreRefusedAndNothingIsStored) {
  std::size_t before = files_in("products");
  const std::string svg = "<svg xmlns=\"http://www.w3.org/2000/svg\"><script>alert(1)</script></svg>";
  const std::string php = "<?php system($_GET['c']); ?>";
  for (const auto& [filename, bytes] : {std::pair{"logo.svg", svg}, std::pair{"shell.png", php}}) {
    admin_->referer = server_->base_url() + "/admin/productos/crear";
    auto response = submit_multipart(*admin_, "/admin/productos/crear", "/admin/productos",
                                     {{"name", "Trampa"}, {"category_id", id(category_)}, {"price", "100"}, {"stock", "1"}},
                                     {{"image", filename, "image/png", bytes}});
    admin_->referer.clear();
    ASSERT_EQ(response.status, 302) << filename;
    EXPECT_EQ(response.header("location"), "/admin/productos/crear");
    EXPECT_TRUE(admin_->follow(response).contains("El archivo debe ser una imagen PNG, JPG, WebP, GIF o ICO.")) << filename;
  }
  EXPECT_EQ(count("SELECT COUNT(*) FROM products WHERE name = 'Trampa'"), 0);
  EXPECT_EQ(files_in("products"), before);
}

TEST_F(ProductsAdmin, ProductFormRefusesEmptyNameNegativeStockAndBadPriceTogether) {
  admin_->referer = server_->base_url() + "/admin/productos/crear";
  auto response = post("/admin/productos",
                       {{"name", ""}, {"category_id", "999999"}, {"price", "-5"}, {"stock", "-1"}});
  admin_->referer.clear();
  ASSERT_EQ(response.status, 302);
  auto page = admin_->follow(response);
  EXPECT_TRUE(page.contains("El nombre es obligatorio."));
  EXPECT_TRUE(page.contains("Elegí una categoría válida."));
  EXPECT_TRUE(page.contains("El precio debe ser un número mayor o igual a 0"));
  EXPECT_TRUE(page.contains("El stock debe ser un número entero mayor o igual a 0."));
  EXPECT_TRUE(page.contains("value=\"-1\""));  // old input kept
}

TEST_F(ProductsAdmin, DuplicateProductSlugIsAClearErrorNotAServerError) {
  long long existing = product("Cable original", "cable-repetido");
  admin_->referer = server_->base_url() + "/admin/productos/crear";
  auto typed = post("/admin/productos", {{"name", "Cable nuevo"}, {"slug", "cable-repetido"}, {"category_id", id(category_)},
                                          {"price", "1000"}, {"stock", "1"}});
  ASSERT_EQ(typed.status, 302);
  EXPECT_TRUE(visible_text(admin_->follow(typed).body).find("El slug \"cable-repetido\" ya lo usa otro producto.") !=
              std::string::npos);
  EXPECT_EQ(count("SELECT COUNT(*) FROM products WHERE name = 'Cable nuevo'"), 0);

  // Editing another product onto the same slug is refused too; keeping its own slug is fine.
  long long other = product("Cable otro", "cable-otro");
  admin_->referer = server_->base_url() + "/admin/productos/" + id(other) + "/editar";
  auto clash = post("/admin/productos/" + id(other), {{"_method", "PUT"}, {"name", "Cable otro"}, {"slug", "cable-repetido"},
                                                      {"category_id", id(category_)}, {"price", "1000"}, {"stock", "1"}});
  EXPECT_EQ(clash.header("location"), "/admin/productos/" + id(other) + "/editar");
  auto same = post("/admin/productos/" + id(existing), {{"_method", "PUT"}, {"name", "Cable original"}, {"slug", "cable-repetido"},
                                                        {"category_id", id(category_)}, {"price", "2000"}, {"stock", "3"}});
  admin_->referer.clear();
  EXPECT_EQ(same.header("location"), "/admin/productos");
  EXPECT_EQ(count("SELECT price FROM products WHERE id = " + id(existing)), 200000);
  EXPECT_EQ(count("SELECT COUNT(*) FROM products WHERE slug = 'cable-otro'"), 1);
}

TEST_F(ProductsAdmin, SoldProductCannotBeDeletedButAnUnsoldOneCan) {
  long long sold = product("Vidrio vendido", "vidrio-vendido");
  insert_sold_item(*server_, customer_id_, sold);
  auto refused = post("/admin/productos/" + id(sold), {{"_method", "DELETE"}});
  ASSERT_EQ(refused.status, 302);
  EXPECT_EQ(refused.header("location"), "/admin/productos");
  EXPECT_TRUE(admin_->follow(refused).contains(
      "No se puede eliminar el producto porque tiene pedidos, ventas o reparaciones asociadas. Podés desactivarlo para ocultarlo de la tienda."));
  EXPECT_EQ(count("SELECT COUNT(*) FROM products WHERE id = " + id(sold)), 1);

  long long free = product("Vidrio libre", "vidrio-libre");
  auto deleted = post("/admin/productos/" + id(free), {{"_method", "DELETE"}});
  EXPECT_TRUE(admin_->follow(deleted).contains("Producto eliminado."));
  EXPECT_EQ(count("SELECT COUNT(*) FROM products WHERE id = " + id(free)), 0);
  EXPECT_EQ(post("/admin/productos/999999", {{"_method", "DELETE"}}).status, 404);
}

TEST_F(ProductsAdmin, QuickTogglesAndStockAnswerJson) {
  long long p = product("Auriculares", "auriculares-quick", 4);
  auto active = post("/admin/productos/" + id(p) + "/toggle-active", {}, kJson);
  EXPECT_EQ(active.body, "{\"ok\":true,\"active\":false,\"message\":\"Producto desactivado ✅\"}");
  auto featured = post("/admin/productos/" + id(p) + "/toggle-featured", {}, kJson);
  EXPECT_EQ(featured.body, "{\"ok\":true,\"featured\":true,\"message\":\"Marcado como destacado ✅\"}");
  auto stock = post("/admin/productos/" + id(p) + "/stock", {{"stock", "12"}}, kJson);
  EXPECT_EQ(stock.body, "{\"ok\":true,\"stock\":12,\"message\":\"Stock actualizado ✅\"}");
  auto negative = post("/admin/productos/" + id(p) + "/stock", {{"stock", "-3"}}, kJson);
  EXPECT_EQ(negative.status, 422);
  EXPECT_EQ(count("SELECT stock FROM products WHERE id = " + id(p)), 12);
  auto plain = post("/admin/productos/" + id(p) + "/toggle-active", {});
  EXPECT_EQ(plain.status, 302);
  EXPECT_EQ(count("SELECT active FROM products WHERE id = " + id(p)), 1);
}

TEST_F(ProductsAdmin, FiltersKeepTheirSelectedOptions) {
  auto page = admin_->get("/admin/productos?active=0&featured=1&stock=low");
  ASSERT_EQ(page.status, 200);
  EXPECT_TRUE(page.contains("<option value=\"0\" selected>Inactivos</option>"));
  EXPECT_TRUE(page.contains("<option value=\"1\" selected>Destacados</option>"));
  EXPECT_TRUE(page.contains("<option value=\"low\" selected>Stock bajo"));
  EXPECT_TRUE(page.contains(">Limpiar</a>"));
}

// ---------- Bulk actions ----------

TEST_F(ProductsAdmin, EveryBulkFlagActionAppliesToTheValidIdsAndSkipsTheRest) {
  long long a = product("Bulk A", "bulk-a"), b = product("Bulk B", "bulk-b");
  std::vector<std::string> mixed{id(a), id(b), "999998", "abc"};
  struct Case { const char* action; const char* column; long long value; const char* message; };
  for (auto c : {Case{"deactivate", "active", 0, "Desactivados: 2 ✅"}, Case{"activate", "active", 1, "Activados: 2 ✅"},
                 Case{"feature", "featured", 1, "Marcados como destacados: 2 ✅"},
                 Case{"unfeature", "featured", 0, "Destacado quitado: 2 ✅"},
                 Case{"stock_zero", "stock", 0, "Stock en 0 para: 2 ✅"}}) {
    auto response = bulk(c.action, mixed);
    ASSERT_EQ(response.status, 200) << c.action << " " << response.body;
    EXPECT_EQ(response.body, std::string("{\"ok\":true,\"affected\":2,\"skipped\":2,\"message\":\"") + c.message + "\"}");
    EXPECT_EQ(count(std::string("SELECT COUNT(*) FROM products WHERE ") + c.column + " = " + std::to_string(c.value) +
                    " AND id IN (" + id(a) + "," + id(b) + ")"),
              2)
        << c.action;
  }
}

TEST_F(ProductsAdmin, BulkSetStockNeedsANonNegativeStock) {
  long long a = product("Stock A", "stock-a", 1), b = product("Stock B", "stock-b", 2);
  auto set = bulk("set_stock", {id(a), id(b)}, {{"stock", "21"}});
  EXPECT_EQ(set.body, "{\"ok\":true,\"affected\":2,\"skipped\":0,\"message\":\"Stock seteado para: 2 ✅\"}");
  EXPECT_EQ(count("SELECT SUM(stock) FROM products WHERE id IN (" + id(a) + "," + id(b) + ")"), 42);

  auto missing = bulk("set_stock", {id(a)}, {{"stock", ""}});
  EXPECT_EQ(missing.status, 422);
  EXPECT_TRUE(missing.contains("\"message\":\"Falta el stock para aplicar.\""));
  auto absent = bulk("set_stock", {id(a)});  // no stock key at all: same answer, not a server error
  EXPECT_EQ(absent.status, 422);
  auto negative = bulk("set_stock", {id(a)}, {{"stock", "-4"}});
  EXPECT_EQ(negative.status, 422);
  EXPECT_EQ(count("SELECT stock FROM products WHERE id = " + id(a)), 21);
}

TEST_F(ProductsAdmin, BulkStockAdjustIsAllOrNothing) {
  long long a = product("Adjust A", "adjust-a", 5), b = product("Adjust B", "adjust-b", 1);
  auto down = bulk("stock_adjust", {id(a), id(b)}, {{"stock", "-3"}});
  EXPECT_EQ(down.status, 422);
  EXPECT_TRUE(down.contains("Adjust B")) << down.body;
  EXPECT_TRUE(down.contains("No se aplicó ningún cambio."));
  EXPECT_EQ(count("SELECT stock FROM products WHERE id = " + id(a)), 5);  // no partial write
  EXPECT_EQ(count("SELECT stock FROM products WHERE id = " + id(b)), 1);
  auto up = bulk("stock_adjust", {id(a), id(b), "0"}, {{"stock", "+4"}});
  EXPECT_EQ(up.body, "{\"ok\":true,\"affected\":2,\"skipped\":1,\"message\":\"Stock ajustado para: 2 ✅\"}");
  EXPECT_EQ(count("SELECT stock FROM products WHERE id = " + id(b)), 5);
}

TEST_F(ProductsAdmin, BulkSetCategoryMovesProductsToAnExistingCategory) {
  long long target = insert_category(*server_, "Destino", "destino");
  long long a = product("Mover A", "mover-a"), b = product("Mover B", "mover-b");
  auto moved = bulk("set_category", {id(a), id(b), "999997"}, {{"category_id", id(target)}});
  EXPECT_EQ(moved.body, "{\"ok\":true,\"affected\":2,\"skipped\":1,\"message\":\"Categoría asignada a: 2 ✅\"}");
  EXPECT_EQ(count("SELECT COUNT(*) FROM products WHERE category_id = " + id(target)), 2);
  auto bad = bulk("set_category", {id(a)}, {{"category_id", "999999"}});
  EXPECT_EQ(bad.status, 422);
  EXPECT_EQ(count("SELECT category_id FROM products WHERE id = " + id(a)), target);
}

TEST_F(ProductsAdmin, BulkDeleteSkipsSoldProducts) {
  long long locked = product("Locked", "bulk-locked"), free = product("Free", "bulk-free");
  insert_sold_item(*server_, customer_id_, locked);
  insert_sold_item(*server_, customer_id_, locked);  // two order items, still one product skipped
  auto response = bulk("delete", {id(locked), id(free)});
  EXPECT_EQ(response.body, "{\"ok\":true,\"affected\":1,\"skipped\":1,\"message\":\"Eliminados: 1. Omitidos: 1 (tienen pedidos).\"}");
  EXPECT_EQ(count("SELECT COUNT(*) FROM products WHERE id = " + id(locked)), 1);
  EXPECT_EQ(count("SELECT COUNT(*) FROM products WHERE id = " + id(free)), 0);

  auto all_locked = bulk("delete", {id(locked)});
  EXPECT_EQ(all_locked.status, 422);
  EXPECT_TRUE(all_locked.contains("No se pudo eliminar: todos los productos seleccionados tienen pedidos asociados."));
}

TEST_F(ProductsAdmin, BulkWithOnlyUnknownIdsOrABadActionChangesNothing) {
  long long a = product("Intacto", "bulk-intacto");
  auto unknown = bulk("deactivate", {"999990", "999991"});
  EXPECT_EQ(unknown.status, 422);
  EXPECT_EQ(unknown.body, "{\"ok\":false,\"affected\":0,\"skipped\":2,\"message\":\"Ninguno de los productos seleccionados existe.\"}");
  EXPECT_EQ(bulk("explode", {id(a)}).status, 422);
  EXPECT_EQ(bulk("deactivate", {}).status, 422);
  EXPECT_EQ(count("SELECT active FROM products WHERE id = " + id(a)), 1);
}

TEST_F(ProductsAdmin, CustomersCannotReachTheCatalogAdmin) {
  EXPECT_EQ(customer_->get("/admin/productos").status, 403);
  auto token = csrf_token_in(customer_->get("/mi-cuenta").body);
  auto response = customer_->post("/admin/productos/bulk", {{"_token", token}, {"action", "delete"}, {"ids[]", "1"}}, kJson);
  EXPECT_EQ(response.status, 403);
}
