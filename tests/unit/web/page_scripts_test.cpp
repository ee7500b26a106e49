#include "web/page_scripts.hpp"

#include <gtest/gtest.h>

#include <string>
#include <vector>

namespace {

const std::vector<std::string> kAll{"/js/app.js?v=1", "/js/back_office.js?v=2", "/js/device_catalog.js?v=3",
                                    "/js/orders.js?v=4", "/js/repairs.js?v=5", "/js/store.js?v=6"};

TEST(PageScripts, AdminOrdersLoadOnlyTheSharedScriptAndTheOrdersScript) {
  EXPECT_EQ(web::scripts_for_path(kAll, "/admin/pedidos"),
            (std::vector<std::string>{"/js/app.js?v=1", "/js/orders.js?v=4"}));
  EXPECT_EQ(web::scripts_for_path(kAll, "/admin/pedidos/7"),
            (std::vector<std::string>{"/js/app.js?v=1", "/js/orders.js?v=4"}));
}

TEST(PageScripts, EachAdminAreaLoadsItsOwnScript) {
  EXPECT_EQ(web::scripts_for_path(kAll, "/admin/reparaciones/3"),
            (std::vector<std::string>{"/js/app.js?v=1", "/js/repairs.js?v=5"}));
  EXPECT_EQ(web::scripts_for_path(kAll, "/admin/categorias/3/editar"),
            (std::vector<std::string>{"/js/app.js?v=1", "/js/back_office.js?v=2"}));
  EXPECT_EQ(web::scripts_for_path(kAll, "/admin/precios"),
            (std::vector<std::string>{"/js/app.js?v=1", "/js/device_catalog.js?v=3"}));
  EXPECT_EQ(web::scripts_for_path(kAll, "/admin/dashboard"), (std::vector<std::string>{"/js/app.js?v=1"}));
}

TEST(PageScripts, StorePagesLoadTheStoreScriptButNoAdminScript) {
  EXPECT_EQ(web::scripts_for_path(kAll, "/tienda"), (std::vector<std::string>{"/js/app.js?v=1", "/js/store.js?v=6"}));
  EXPECT_EQ(web::scripts_for_path(kAll, "/carrito"), (std::vector<std::string>{"/js/app.js?v=1", "/js/store.js?v=6"}));
}

TEST(PageScripts, PrefixesMatchWholePathSegmentsOnly) {
  EXPECT_EQ(web::scripts_for_path(kAll, "/admin/pedidosx"), (std::vector<std::string>{"/js/app.js?v=1"}));
}

TEST(PageScripts, PagesWithoutAPathGetOnlyTheSharedScriptAndUnknownFilesLoadEverywhere) {
  EXPECT_EQ(web::scripts_for_path(kAll, ""), (std::vector<std::string>{"/js/app.js?v=1"}));
  std::vector<std::string> with_new{"/js/app.js?v=1", "/js/zzz_new.js?v=9"};
  EXPECT_EQ(web::scripts_for_path(with_new, "/admin/pedidos"), with_new);
}

}  // namespace
