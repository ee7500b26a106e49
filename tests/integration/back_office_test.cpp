// Back office pages as a whole (docs/domain/ui-contract.md "Back-office pages"): every page answers with its one
// title, business settings are saved and shown, brand assets are uploaded, used by the layout, and reset.
#include <gtest/gtest.h>

#include <filesystem>

#include "domain/settings/brand_assets.hpp"
#include "support/accounts.hpp"
#include "support/app_server.hpp"
#include "support/browser.hpp"
#include "support/multipart.hpp"
#include "support/test_files.hpp"

using namespace testing_support;
namespace fs = std::filesystem;

namespace {

class BackOffice : public ::testing::Test {
 protected:
  static void SetUpTestSuite() {
    server_ = new AppServer(std::map<std::string, std::string>{{"RATE_LIMIT_ADMIN_REQUESTS_PER_MINUTE", "100000"}});
    server_->start();
    admin_ = new Browser(signed_in_admin(*server_));
    token_ = csrf_token_in(admin_->get("/admin/configuracion").body);
  }
  static void TearDownTestSuite() {
    delete admin_;
    delete server_;
  }
  static std::string setting(const std::string& key) {
    std::string value;
    soci::indicator found = soci::i_null;
    server_->database().lease()->once << "SELECT value FROM business_settings WHERE \"key\" = :k", soci::use(key),
        soci::into(value, found);
    return found == soci::i_ok ? value : "";
  }
  static fs::path uploads() { return server_->base_path() / "storage/app/public"; }
  static HttpResponse upload(const std::string& key, const std::string& filename, const std::string& bytes) {
    admin_->referer = server_->base_url() + "/admin/configuracion/identidad-visual";
    auto response = submit_multipart(*admin_, "/admin/configuracion/identidad-visual",
                                     "/admin/configuracion/identidad-visual/" + key, {}, {{"file", filename, "image/png", bytes}});
    admin_->referer.clear();
    return response;
  }

  static AppServer* server_;
  static Browser* admin_;
  static std::string token_;
};
AppServer* BackOffice::server_ = nullptr;
Browser* BackOffice::admin_ = nullptr;
std::string BackOffice::token_;

}  // namespace

TEST_F(BackOffice, EveryPageAnswersWithItsTitle) {
  const std::pair<const char*, const char*> pages[] = {
      {"/admin/categorias", "Categorías"},         {"/admin/categorias/crear", "Nueva categoría"},
      {"/admin/productos", "Productos"},           {"/admin/productos/crear", "Nuevo producto"},
      {"/admin/configuracion", "Configuración"},   {"/admin/configuracion/identidad-visual", "Identidad visual"},
  };
  for (const auto& [path, title] : pages) {
    auto page = admin_->get(path);
    ASSERT_EQ(page.status, 200) << path;
    EXPECT_EQ(count_of(page.body, "class=\"page-title\""), 1u) << path;
    EXPECT_TRUE(page.contains(std::string("class=\"page-title\">") + title + "</h1>")) << path;
  }
  EXPECT_EQ(admin_->get("/admin/categorias/999999/editar").status, 404);
  EXPECT_EQ(admin_->get("/admin/productos/abc/editar").status, 404);
}

TEST_F(BackOffice, GuestsAreSentToLoginAndCustomersAreRefused) {
  Browser guest(server_->base_url());
  auto response = guest.get("/admin/configuracion");
  EXPECT_EQ(response.status, 302);
  EXPECT_NE(response.header("location").find("/login"), std::string::npos);
  auto customer = registered_customer(*server_, "curioso@example.com");
  EXPECT_EQ(customer.get("/admin/configuracion/identidad-visual").status, 403);
  auto token = csrf_token_in(customer.get("/mi-cuenta").body);
  EXPECT_EQ(customer.post("/admin/configuracion", {{"_token", token}, {"shop_phone", "1"}}).status, 403);
  EXPECT_EQ(setting("shop_phone"), "");
}

TEST_F(BackOffice, SettingsAreSavedAndShown) {
  admin_->referer = server_->base_url() + "/admin/configuracion";
  auto response = admin_->post("/admin/configuracion", {{"_token", token_}, {"shop_phone", " +54 341 5550000 "},
                                                        {"shop_address", "Av. San Martín 123 <b>"},
                                                        {"shop_hours", "Lun a Vie 9-13 / 16-20"},
                                                        {"company_name", "Nico Reparaciones SRL"}});
  admin_->referer.clear();
  ASSERT_EQ(response.status, 302);
  EXPECT_EQ(response.header("location"), "/admin/configuracion");
  auto page = admin_->follow(response);
  EXPECT_TRUE(page.contains("Configuración guardada."));
  EXPECT_TRUE(page.contains("value=\"0341 15-555-0000\""));  // one national format
  EXPECT_TRUE(page.contains("Av. San Martín 123 &lt;b&gt;</textarea>"));
  EXPECT_TRUE(page.contains("Lun a Vie 9-13 / 16-20</textarea>"));
  EXPECT_TRUE(page.contains("value=\"Nico Reparaciones SRL\""));
  EXPECT_EQ(setting("shop_phone"), "+5493415550000");  // stored as E.164
  EXPECT_EQ(setting("shop_address"), "Av. San Martín 123 <b>");
  EXPECT_EQ(scalar(*server_, "SELECT COUNT(*) FROM business_settings WHERE \"key\" = 'shop_hours' AND updated_by = " +
                                 std::to_string(user_id_of(*server_, kTestAdminEmail))),
            1);
}

TEST_F(BackOffice, TooLongSettingsAreRefusedAndNothingIsSaved) {
  std::string before = setting("shop_address");
  admin_->referer = server_->base_url() + "/admin/configuracion";
  auto response = admin_->post("/admin/configuracion", {{"_token", token_}, {"shop_phone", std::string(51, '1')},
                                                        {"shop_address", "Otra dirección"}});
  admin_->referer.clear();
  ASSERT_EQ(response.status, 302);
  EXPECT_TRUE(admin_->follow(response).contains("El WhatsApp del local no puede superar 50 caracteres."));
  EXPECT_EQ(setting("shop_address"), before);
}

TEST_F(BackOffice, BrandAssetUploadIsUsedByTheLayoutAndResetRestoresTheDefault) {
  auto page = admin_->get("/admin/configuracion/identidad-visual");
  EXPECT_TRUE(page.contains("Logo principal"));
  EXPECT_TRUE(page.contains("Favicons e íconos de app"));
  EXPECT_TRUE(page.contains("Formatos: PNG, ICO, WEBP | Max: 1024 KB"));
  Browser guest(server_->base_url());
  for (int i = 0; i < 2; ++i) ASSERT_EQ(guest.get("/tienda").status, 200);  // the guest layout is now cached

  auto uploaded = upload("logo_main", "logo.png", png_bytes(512));
  ASSERT_EQ(uploaded.status, 302);
  EXPECT_TRUE(admin_->follow(uploaded).contains("Recurso visual actualizado: Logo principal"));
  std::string path = setting("brand_asset_logo_main");
  ASSERT_EQ(path.rfind("brand-assets/logo_main-", 0), 0u) << path;
  EXPECT_EQ(path.substr(path.size() - 4), ".png");
  EXPECT_TRUE(fs::exists(uploads() / path));

  // The layout shows the new logo on every page at once (this process invalidated its cache).
  auto home = admin_->get("/tienda");
  EXPECT_TRUE(home.contains("class=\"brand-logo shrink-0\" src=\"/storage/" + path + "\"")) << path;
  EXPECT_TRUE(guest.get("/tienda").contains("class=\"brand-logo shrink-0\" src=\"/storage/" + path + "\"")) << path;
  EXPECT_TRUE(admin_->get("/admin/configuracion/identidad-visual").contains("Personalizado"));

  // A second upload replaces the first file.
  auto again = upload("logo_main", "logo2.png", png_bytes(600));
  ASSERT_EQ(again.status, 302);
  std::string second = setting("brand_asset_logo_main");
  EXPECT_NE(second, path);
  EXPECT_FALSE(fs::exists(uploads() / path));

  admin_->referer = server_->base_url() + "/admin/configuracion/identidad-visual";
  auto reset = admin_->post("/admin/configuracion/identidad-visual/logo_main", {{"_token", token_}, {"_method", "DELETE"}});
  admin_->referer.clear();
  ASSERT_EQ(reset.status, 302);
  EXPECT_TRUE(admin_->follow(reset).contains("Recurso visual restaurado al valor por defecto: Logo principal"));
  EXPECT_EQ(scalar(*server_, "SELECT COUNT(*) FROM business_settings WHERE \"key\" = 'brand_asset_logo_main'"), 0);
  EXPECT_FALSE(fs::exists(uploads() / second));
  EXPECT_TRUE(admin_->get("/tienda").contains("class=\"brand-logo shrink-0\" src=\"/img/logo.svg\""));
}

TEST_F(BackOffice, FaviconUploadChangesTheLayoutLinksAndManifestIcons) {
  auto uploaded = upload("android_chrome_192", "icon.png", png_bytes(300));
  ASSERT_EQ(uploaded.status, 302);
  std::string path = setting("brand_asset_android_chrome_192");
  ASSERT_EQ(path.rfind("brand-assets/android_chrome_192-", 0), 0u);
  settings::SettingsCache cache(server_->database(), uploads(), fs::path(NICO_SOURCE_DIR) / "public");
  auto icons = cache.manifest_icons();
  ASSERT_EQ(icons.size(), 2u);
  EXPECT_EQ(icons[0].src, "/storage/" + path);
  EXPECT_EQ(icons[0].sizes, "192x192");
  EXPECT_EQ(icons[0].type, "image/png");
  EXPECT_EQ(icons[1].sizes, "512x512");
  EXPECT_EQ(icons[1].src, "/img/android-chrome-512x512.png");  // the shipped default
  // The web manifest served by the store lists the custom icon.
  auto manifest = admin_->get("/manifest.webmanifest");
  ASSERT_EQ(manifest.status, 200);
  EXPECT_TRUE(manifest.contains("\"/storage/" + path + "\"")) << manifest.body;

  auto favicon = upload("favicon_32", "fav.png", png_bytes(200));
  ASSERT_EQ(favicon.status, 302);
  std::string favicon_path = setting("brand_asset_favicon_32");
  EXPECT_TRUE(admin_->get("/tienda").contains("<link rel=\"icon\" href=\"/storage/" + favicon_path +
                                              "\" type=\"image/png\" sizes=\"32x32\">"));
}

TEST_F(BackOffice, TheManifestNamesTheRealTypeOfAnUploadedIcon) {
  std::string webp = std::string("RIFF") + std::string("\x1a\0\0\0", 4) + "WEBPVP8L" + std::string(14, '\0');
  auto uploaded = upload("android_chrome_512", "icon.webp", webp);
  ASSERT_EQ(uploaded.status, 302);
  std::string path = setting("brand_asset_android_chrome_512");
  ASSERT_EQ(path.substr(path.size() - 5), ".webp") << path;
  auto manifest = admin_->get("/manifest.webmanifest");
  ASSERT_EQ(manifest.status, 200);
  EXPECT_TRUE(manifest.contains("{\"src\":\"/storage/" + path + "\",\"sizes\":\"512x512\",\"type\":\"image/webp\"}"))
      << manifest.body;
}

TEST_F(BackOffice, DisguisedOrWrongBrandAssetsAreRefused) {
  const std::string svg = "<svg xmlns=\"http://www.w3.org/2000/svg\" onload=\"alert(1)\"/>";
  const std::string php = "<?php echo 'hola'; ?>";
  for (const auto& [key, filename, bytes] :
       {std::tuple{"logo_main", "logo.svg", svg}, std::tuple{"icon_store", "icon.png", php},
        std::tuple{"favicon_ico", "favicon.ico", png_bytes()}}) {  // a PNG is not an .ico
    auto response = upload(key, filename, bytes);
    ASSERT_EQ(response.status, 302) << key;
    EXPECT_TRUE(admin_->follow(response).contains("Formato de archivo no permitido para este recurso visual.")) << key;
    EXPECT_EQ(setting(std::string("brand_asset_") + key), "") << key;
  }
  auto big = upload("favicon_16", "big.png", png_bytes(1024 * 1024 + 10));
  EXPECT_TRUE(admin_->follow(big).contains("El archivo no puede superar 1024 KB."));
  EXPECT_EQ(upload("no_such_slot", "x.png", png_bytes()).status, 404);
}
