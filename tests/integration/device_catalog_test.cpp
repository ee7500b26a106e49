// Device catalog admin (types, brands, models, issues, model groups, repair types) and the JSON endpoints of the
// repair intake form, as an admin at the counter would notice them: pages, flashes, refusals, rows.
#include <gtest/gtest.h>

#include <algorithm>
#include <thread>

#include "support/accounts.hpp"
#include "support/app_server.hpp"
#include "support/browser.hpp"
#include "support/test_files.hpp"

using testing_support::AppServer;
using testing_support::Browser;
using testing_support::HttpResponse;
using testing_support::scalar;
using testing_support::visible_text;

namespace {

class DeviceCatalog : public ::testing::Test {
 protected:
  static void SetUpTestSuite() {
    server_ = new AppServer(std::map<std::string, std::string>{{"RATE_LIMIT_ADMIN_REQUESTS_PER_MINUTE", "100000"}});
    auto seeded = server_->run({"db:seed"});
    ASSERT_EQ(seeded.exit_code, 0) << seeded.output;
    server_->start();
    admin_ = new Browser(testing_support::signed_in_admin(*server_));
    token_ = testing_support::csrf_token_in(admin_->get("/admin/dashboard").body);
    ASSERT_FALSE(token_.empty());
  }
  static void TearDownTestSuite() {
    delete admin_;
    admin_ = nullptr;
    delete server_;
    server_ = nullptr;
  }

  // A form post as the admin, coming from `page` (the Referer the "back" redirects use).
  static HttpResponse post(const std::string& page, const std::string& action,
                           std::vector<std::pair<std::string, std::string>> fields,
                           const std::map<std::string, std::string>& headers = {}) {
    fields.insert(fields.begin(), {"_token", token_});
    admin_->referer = server_->base_url() + page;
    auto response = admin_->post(action, fields, headers);
    admin_->referer.clear();
    return response;
  }
  static HttpResponse post_json(const std::string& action, std::vector<std::pair<std::string, std::string>> fields) {
    fields.insert(fields.begin(), {"_token", token_});
    return admin_->post(action, fields, {{"Accept", "application/json"}});
  }
  static HttpResponse get_json(const std::string& path) { return admin_->get(path, {{"Accept", "application/json"}}); }
  // The page a redirect leads to, as text.
  static std::string after(const HttpResponse& redirect) { return visible_text(admin_->follow(redirect).body); }

  static long long id_of(const std::string& query) { return scalar(*server_, query); }
  static long long type_id(const std::string& slug) {
    return id_of("SELECT id FROM device_types WHERE slug = '" + slug + "'");
  }
  static long long brand_id(const std::string& type_slug, const std::string& slug) {
    return id_of("SELECT b.id FROM device_brands b JOIN device_types t ON t.id = b.device_type_id WHERE t.slug = '" +
                 type_slug + "' AND b.slug = '" + slug + "'");
  }
  static long long model_id(long long brand, const std::string& slug) {
    return id_of("SELECT id FROM device_models WHERE device_brand_id = " + std::to_string(brand) + " AND slug = '" +
                 slug + "'");
  }

  static AppServer* server_;
  static Browser* admin_;
  static std::string token_;
};
AppServer* DeviceCatalog::server_ = nullptr;
Browser* DeviceCatalog::admin_ = nullptr;
std::string DeviceCatalog::token_;

}  // namespace

TEST_F(DeviceCatalog, AdminPagesShowTheSpecTitlesAndGuestsAndCustomersAreKeptOut) {
  const std::vector<std::pair<std::string, std::string>> pages = {
      {"/admin/tipos-dispositivo", "Tipos de dispositivo"},
      {"/admin/catalogo-dispositivos", "Catálogo de dispositivos"},
      {"/admin/grupos-modelos", "Grupos de modelos"},
      {"/admin/tipos-reparacion", "Tipos de reparación"},
      {"/admin/precios", "Reglas de precios (auto)"},
      {"/admin/precios/crear", "Crear regla"}};
  for (const auto& [path, title] : pages) {
    auto page = admin_->get(path);
    ASSERT_EQ(page.status, 200) << path;
    EXPECT_TRUE(page.contains("class=\"page-title\">" + title + "</h1>")) << path;
  }
  Browser guest(server_->base_url());
  EXPECT_EQ(guest.get("/admin/catalogo-dispositivos").status, 302);
  EXPECT_EQ(guest.get("/admin/device-catalog/brands?type_id=1").status, 302);
  auto customer = testing_support::registered_customer(*server_, "cliente.catalogo@example.com");
  EXPECT_EQ(customer.get("/admin/tipos-dispositivo").status, 403);
  EXPECT_EQ(customer.get("/admin/device-catalog/brands?type_id=1").status, 403);
}

TEST_F(DeviceCatalog, DeviceTypesAreCreatedRenamedDeactivatedAndNeverDuplicated) {
  auto created = post("/admin/tipos-dispositivo", "/admin/tipos-dispositivo", {{"name", "Notebook"}, {"active", "1"}});
  ASSERT_EQ(created.status, 302);
  EXPECT_EQ(created.header("location"), "/admin/tipos-dispositivo");
  EXPECT_NE(after(created).find("Tipo de dispositivo creado."), std::string::npos);
  long long id = type_id("notebook");
  ASSERT_GT(id, 0);
  EXPECT_EQ(id_of("SELECT active FROM device_types WHERE id = " + std::to_string(id)), 1);

  // Same name in other case / with accents or spaces: refused with a message, not a 500 from the unique index.
  for (const char* duplicate : {"notebook", " NOTEBOOK ", "Notébook"}) {
    auto refused = post("/admin/tipos-dispositivo", "/admin/tipos-dispositivo", {{"name", duplicate}, {"active", "1"}});
    ASSERT_EQ(refused.status, 302) << duplicate;
    EXPECT_NE(after(refused).find("Ya existe un tipo de dispositivo con ese nombre."), std::string::npos) << duplicate;
  }
  EXPECT_EQ(id_of("SELECT COUNT(*) FROM device_types WHERE slug LIKE 'notebook%'"), 1);

  auto empty = post("/admin/tipos-dispositivo", "/admin/tipos-dispositivo", {{"name", "   "}});
  EXPECT_NE(after(empty).find("Ingresá un nombre."), std::string::npos);
  auto too_long = post("/admin/tipos-dispositivo", "/admin/tipos-dispositivo", {{"name", std::string(101, 'x')}});
  EXPECT_NE(after(too_long).find("El nombre no puede superar los 100 caracteres."), std::string::npos);

  // Rename and deactivate (unchecked box); the slug stays.
  auto updated = post("/admin/tipos-dispositivo", "/admin/tipos-dispositivo/" + std::to_string(id),
                      {{"_method", "PUT"}, {"name", "Notebook / Laptop"}});
  ASSERT_EQ(updated.status, 302);
  EXPECT_NE(after(updated).find("Tipo de dispositivo actualizado."), std::string::npos);
  EXPECT_EQ(id_of("SELECT active FROM device_types WHERE id = " + std::to_string(id)), 0);
  EXPECT_EQ(type_id("notebook"), id);
  auto page = admin_->get("/admin/tipos-dispositivo");
  EXPECT_TRUE(page.contains("value=\"Notebook / Laptop\""));

  // Renaming onto another type's name is refused too.
  auto clash = post("/admin/tipos-dispositivo", "/admin/tipos-dispositivo/" + std::to_string(id),
                    {{"_method", "PUT"}, {"name", "Celular"}, {"active", "1"}});
  EXPECT_NE(after(clash).find("Ya existe un tipo de dispositivo con ese nombre."), std::string::npos);

  EXPECT_EQ(post("/admin/tipos-dispositivo", "/admin/tipos-dispositivo/999999", {{"_method", "PUT"}, {"name", "X"}}).status,
            404);
  EXPECT_EQ(post("/admin/tipos-dispositivo", "/admin/tipos-dispositivo/abc", {{"_method", "PUT"}, {"name", "X"}}).status,
            404);
}

TEST_F(DeviceCatalog, CatalogPageManagesBrandsModelsAndIssuesWithoutDeleting) {
  long long phone = type_id("celular");
  std::string page = "/admin/catalogo-dispositivos?type_id=" + std::to_string(phone);
  auto listing = admin_->get(page);
  ASSERT_EQ(listing.status, 200);
  std::string text = visible_text(listing.body);
  for (const char* expected : {"Marcas", "Modelos", "Fallas", "Samsung", "Apple", "Pin de carga", "Activa"})
    EXPECT_NE(text.find(expected), std::string::npos) << expected;

  auto created = post(page, "/admin/catalogo-dispositivos/marcas", {{"device_type_id", std::to_string(phone)}, {"name", "Nokia"}});
  ASSERT_EQ(created.status, 302);
  EXPECT_EQ(created.header("location"), page);
  EXPECT_NE(after(created).find("Marca creada."), std::string::npos);
  long long nokia = brand_id("celular", "nokia");
  ASSERT_GT(nokia, 0);

  auto duplicate = post(page, "/admin/catalogo-dispositivos/marcas", {{"device_type_id", std::to_string(phone)}, {"name", "NOKIA"}});
  EXPECT_NE(after(duplicate).find("Ya existe una marca con ese nombre para este tipo."), std::string::npos);
  // The same brand under another type is fine.
  auto tablet = post(page, "/admin/catalogo-dispositivos/marcas",
                     {{"device_type_id", std::to_string(type_id("tablet"))}, {"name", "Nokia"}});
  EXPECT_NE(after(tablet).find("Marca creada."), std::string::npos);
  auto no_type = post(page, "/admin/catalogo-dispositivos/marcas", {{"device_type_id", "999999"}, {"name", "Otra"}});
  EXPECT_NE(after(no_type).find("Elegí un tipo de dispositivo válido."), std::string::npos);

  auto renamed = post(page, "/admin/catalogo-dispositivos/marcas/" + std::to_string(nokia), {{"_method", "PUT"}, {"name", "Nokia HMD"}});
  EXPECT_NE(after(renamed).find("Marca actualizada."), std::string::npos);
  auto off = post(page, "/admin/catalogo-dispositivos/marcas/" + std::to_string(nokia) + "/toggle", {});
  EXPECT_NE(after(off).find("Marca desactivada."), std::string::npos);
  EXPECT_EQ(id_of("SELECT active FROM device_brands WHERE id = " + std::to_string(nokia)), 0);
  // Deactivated, not gone: it re-activates, and re-creating it is refused with a hint.
  auto again = post(page, "/admin/catalogo-dispositivos/marcas", {{"device_type_id", std::to_string(phone)}, {"name", "Nokia HMD"}});
  EXPECT_NE(after(again).find("activalo en lugar de crear otro"), std::string::npos);
  auto on = post(page, "/admin/catalogo-dispositivos/marcas/" + std::to_string(nokia) + "/toggle", {});
  EXPECT_NE(after(on).find("Marca activada."), std::string::npos);

  auto model = post(page, "/admin/catalogo-dispositivos/modelos", {{"device_brand_id", std::to_string(nokia)}, {"name", "G21"}});
  EXPECT_NE(after(model).find("Modelo creado."), std::string::npos);
  long long g21 = model_id(nokia, "g21");
  ASSERT_GT(g21, 0);
  auto model_dup = post(page, "/admin/catalogo-dispositivos/modelos", {{"device_brand_id", std::to_string(nokia)}, {"name", "g21 "}});
  EXPECT_NE(after(model_dup).find("Ya existe un modelo con ese nombre para esta marca."), std::string::npos);
  auto model_long = post(page, "/admin/catalogo-dispositivos/modelos", {{"device_brand_id", std::to_string(nokia)}, {"name", std::string(71, 'm')}});
  EXPECT_NE(after(model_long).find("El nombre no puede superar los 70 caracteres."), std::string::npos);
  EXPECT_NE(after(post(page, "/admin/catalogo-dispositivos/modelos/" + std::to_string(g21), {{"_method", "PUT"}, {"name", "G21 Pro"}}))
                .find("Modelo actualizado."),
            std::string::npos);
  EXPECT_NE(after(post(page, "/admin/catalogo-dispositivos/modelos/" + std::to_string(g21) + "/toggle", {})).find("Modelo desactivado."),
            std::string::npos);

  auto issue = post(page, "/admin/catalogo-dispositivos/fallas", {{"device_type_id", std::to_string(phone)}, {"name", "Mojado"}});
  EXPECT_NE(after(issue).find("Falla creada."), std::string::npos);
  long long mojado = id_of("SELECT id FROM device_issue_types WHERE slug = 'mojado'");
  auto issue_dup = post(page, "/admin/catalogo-dispositivos/fallas", {{"device_type_id", std::to_string(phone)}, {"name", "Batería"}});
  EXPECT_NE(after(issue_dup).find("Ya existe una falla con ese nombre para este tipo."), std::string::npos);
  EXPECT_NE(after(post(page, "/admin/catalogo-dispositivos/fallas/" + std::to_string(mojado), {{"_method", "PUT"}, {"name", "Mojado / humedad"}}))
                .find("Falla actualizada."),
            std::string::npos);
  EXPECT_NE(after(post(page, "/admin/catalogo-dispositivos/fallas/" + std::to_string(mojado) + "/toggle", {})).find("Falla desactivada."),
            std::string::npos);

  // Unknown ids are 404; there is no way to delete.
  EXPECT_EQ(post(page, "/admin/catalogo-dispositivos/marcas/999999/toggle", {}).status, 404);
  EXPECT_EQ(post(page, "/admin/catalogo-dispositivos/modelos/999999", {{"_method", "PUT"}, {"name", "X"}}).status, 404);
  EXPECT_EQ(post(page, "/admin/catalogo-dispositivos/fallas/0/toggle", {}).status, 404);
  EXPECT_EQ(post(page, "/admin/catalogo-dispositivos/marcas/" + std::to_string(nokia), {{"_method", "DELETE"}}).status, 405);
  EXPECT_GT(id_of("SELECT COUNT(*) FROM device_brands WHERE id = " + std::to_string(nokia)), 0);
}

TEST_F(DeviceCatalog, BrandListForTheIntakeFormShowsActiveBrandsByName) {
  long long phone = type_id("celular");
  auto response = get_json("/admin/device-catalog/brands?type_id=" + std::to_string(phone) + "&mode=create");
  ASSERT_EQ(response.status, 200);
  EXPECT_EQ(response.header("content-type").rfind("application/json", 0), 0u);
  auto apple = response.body.find("\"name\":\"Apple\"");
  auto motorola = response.body.find("\"name\":\"Motorola\"");
  auto samsung = response.body.find("\"name\":\"Samsung\"");
  ASSERT_NE(apple, std::string::npos);
  EXPECT_LT(apple, motorola);
  EXPECT_LT(motorola, samsung);
  EXPECT_EQ(response.body.rfind("{\"ok\":true,\"brands\":[{\"id\":", 0), 0u);

  // An inactive brand disappears from create mode but edit mode keeps the repair's current one.
  auto created = post_json("/admin/device-catalog/brands", {{"device_type_id", std::to_string(phone)}, {"name", "Vieja Marca"}});
  ASSERT_EQ(created.status, 200) << created.body;
  long long old_brand = brand_id("celular", "vieja-marca");
  post("/admin/catalogo-dispositivos", "/admin/catalogo-dispositivos/marcas/" + std::to_string(old_brand) + "/toggle", {});
  EXPECT_EQ(get_json("/admin/device-catalog/brands?type_id=" + std::to_string(phone)).body.find("Vieja Marca"),
            std::string::npos);
  EXPECT_NE(get_json("/admin/device-catalog/brands?type_id=" + std::to_string(phone) +
                     "&mode=edit&selected_brand_id=" + std::to_string(old_brand))
                .body.find("Vieja Marca"),
            std::string::npos);

  for (const char* bad : {"", "?type_id=", "?type_id=abc", "?type_id=999999", "?type_id=-1"}) {
    auto refused = get_json(std::string("/admin/device-catalog/brands") + bad);
    EXPECT_EQ(refused.status, 422) << bad;
    EXPECT_EQ(refused.body, "{\"ok\":false,\"message\":\"Tipo inválido\"}") << bad;
  }
}

TEST_F(DeviceCatalog, InactiveTypeListsNothingInCreateModeButItsItemsInEditMode) {
  auto created = post("/admin/tipos-dispositivo", "/admin/tipos-dispositivo", {{"name", "Reloj"}, {"active", "1"}});
  ASSERT_EQ(created.status, 302);
  long long watch = type_id("reloj");
  ASSERT_EQ(post_json("/admin/device-catalog/brands", {{"device_type_id", std::to_string(watch)}, {"name", "Garmin"}}).status, 200);
  ASSERT_EQ(post_json("/admin/device-catalog/issues", {{"type_id", std::to_string(watch)}, {"name", "Malla rota"}}).status, 200);
  post("/admin/tipos-dispositivo", "/admin/tipos-dispositivo/" + std::to_string(watch), {{"_method", "PUT"}, {"name", "Reloj"}});
  std::string type = std::to_string(watch);
  EXPECT_EQ(get_json("/admin/device-catalog/brands?type_id=" + type).body, "{\"ok\":true,\"brands\":[]}");
  EXPECT_NE(get_json("/admin/device-catalog/brands?type_id=" + type + "&mode=edit").body.find("Garmin"), std::string::npos);
  EXPECT_EQ(get_json("/admin/device-catalog/issues?type_id=" + type).body, "{\"ok\":true,\"issues\":[]}");
  EXPECT_NE(get_json("/admin/device-catalog/issues?type_id=" + type + "&mode=edit").body.find("\"slug\":\"malla-rota\""),
            std::string::npos);
  // Quick-add under an inactive type is refused.
  auto refused = post_json("/admin/device-catalog/brands", {{"device_type_id", type}, {"name", "Casio"}});
  EXPECT_EQ(refused.status, 422);
  EXPECT_NE(refused.body.find("El tipo de dispositivo está inactivo."), std::string::npos);
  EXPECT_EQ(id_of("SELECT COUNT(*) FROM device_brands WHERE slug = 'casio'"), 0);
}

TEST_F(DeviceCatalog, ModelAndIssueListsForTheIntakeForm) {
  long long apple = brand_id("celular", "apple");
  auto models = get_json("/admin/device-catalog/models?brand_id=" + std::to_string(apple) + "&mode=create");
  ASSERT_EQ(models.status, 200);
  EXPECT_NE(models.body.find("\"name\":\"iPhone 11\""), std::string::npos);
  EXPECT_LT(models.body.find("iPhone 11"), models.body.find("iPhone 15"));
  EXPECT_EQ(models.body.find("A52"), std::string::npos);
  for (const char* bad : {"", "?brand_id=0", "?brand_id=x", "?brand_id=999999"}) {
    auto refused = get_json(std::string("/admin/device-catalog/models") + bad);
    EXPECT_EQ(refused.status, 422) << bad;
    EXPECT_EQ(refused.body, "{\"ok\":false,\"message\":\"Marca inválida\"}") << bad;
  }

  auto issues = get_json("/admin/device-catalog/issues?type_id=" + std::to_string(type_id("consola")));
  ASSERT_EQ(issues.status, 200);
  EXPECT_NE(issues.body.find("{\"id\":"), std::string::npos);
  EXPECT_NE(issues.body.find("\"name\":\"HDMI / Video\",\"slug\":\"hdmi-video\""), std::string::npos);
  EXPECT_EQ(get_json("/admin/device-catalog/issues").body, "{\"ok\":true,\"issues\":[]}");
  EXPECT_EQ(get_json("/admin/device-catalog/issues?type_id=0").body, "{\"ok\":true,\"issues\":[]}");
  auto unknown = get_json("/admin/device-catalog/issues?type_id=999999");
  EXPECT_EQ(unknown.status, 422);
  EXPECT_EQ(unknown.body, "{\"ok\":false,\"message\":\"Tipo inválido\"}");
}

TEST_F(DeviceCatalog, QuickAddCreatesWithUniqueSlugsAndRefusesDuplicatesAndBadInput) {
  std::string phone = std::to_string(type_id("celular"));
  auto brand = post_json("/admin/device-catalog/brands", {{"device_type_id", phone}, {"name", "  Realme  "}});
  ASSERT_EQ(brand.status, 200) << brand.body;
  long long realme = brand_id("celular", "realme");
  EXPECT_EQ(brand.body, "{\"ok\":true,\"brand\":{\"id\":" + std::to_string(realme) + ",\"name\":\"Realme\"}}");

  // A duplicate name answers 422 with the existing row (the form can select it instead).
  auto duplicate = post_json("/admin/device-catalog/brands", {{"device_type_id", phone}, {"name", "REALME"}});
  EXPECT_EQ(duplicate.status, 422);
  EXPECT_NE(duplicate.body.find("\"message\":\"Ya existe una marca con ese nombre para este tipo.\""), std::string::npos);
  EXPECT_NE(duplicate.body.find("\"existing\":{\"id\":" + std::to_string(realme) + ",\"name\":\"Realme\"}"), std::string::npos);

  // Names without letters or digits get the fallback slug, uniquified per type.
  ASSERT_EQ(post_json("/admin/device-catalog/brands", {{"device_type_id", phone}, {"name", "¿?"}}).status, 200);
  ASSERT_EQ(post_json("/admin/device-catalog/brands", {{"device_type_id", phone}, {"name", "¡!"}}).status, 200);
  EXPECT_EQ(id_of("SELECT COUNT(*) FROM device_brands WHERE slug IN ('marca', 'marca-2') AND device_type_id = " + phone), 2);

  auto model = post_json("/admin/device-catalog/models", {{"device_brand_id", std::to_string(realme)}, {"name", "GT Neo"}});
  ASSERT_EQ(model.status, 200) << model.body;
  EXPECT_NE(model.body.find("\"model\":{\"id\":"), std::string::npos);
  EXPECT_NE(model.body.find("\"name\":\"GT Neo\"}"), std::string::npos);
  EXPECT_GT(model_id(realme, "gt-neo"), 0);

  auto issue = post_json("/admin/device-catalog/issues", {{"type_id", phone}, {"name", "Parlante"}});
  ASSERT_EQ(issue.status, 200) << issue.body;
  EXPECT_NE(issue.body.find("\"name\":\"Parlante\",\"slug\":\"parlante\"}"), std::string::npos);

  // Bad input: missing/unknown parents, empty or too long names.
  auto missing_type = post_json("/admin/device-catalog/brands", {{"name", "Sin tipo"}});
  EXPECT_EQ(missing_type.status, 422);
  EXPECT_NE(missing_type.body.find("\"errors\":{\"device_type_id\":[\"Tipo inválido\"]}"), std::string::npos);
  EXPECT_EQ(post_json("/admin/device-catalog/brands", {{"device_type_id", "999999"}, {"name", "X"}}).status, 422);
  EXPECT_EQ(post_json("/admin/device-catalog/models", {{"device_brand_id", "abc"}, {"name", "X"}}).status, 422);
  EXPECT_EQ(post_json("/admin/device-catalog/issues", {{"type_id", "0"}, {"name", "X"}}).status, 422);
  auto empty = post_json("/admin/device-catalog/models", {{"device_brand_id", std::to_string(realme)}, {"name", ""}});
  EXPECT_EQ(empty.status, 422);
  EXPECT_NE(empty.body.find("\"errors\":{\"name\":[\"Ingresá un nombre.\"]}"), std::string::npos);
  auto long_issue = post_json("/admin/device-catalog/issues", {{"type_id", phone}, {"name", std::string(81, 'f')}});
  EXPECT_EQ(long_issue.status, 422);
  EXPECT_NE(long_issue.body.find("80 caracteres"), std::string::npos);
  EXPECT_EQ(post_json("/admin/device-catalog/issues", {{"type_id", phone}, {"name", std::string(80, 'f')}}).status, 200);
}

TEST_F(DeviceCatalog, QuickAddNeedsTheCsrfTokenInTheFieldOrTheHeader) {
  std::string phone = std::to_string(type_id("celular"));
  auto without = admin_->post("/admin/device-catalog/brands", {{"device_type_id", phone}, {"name", "Sin token"}},
                              {{"Accept", "application/json"}});
  EXPECT_EQ(without.status, 419);
  auto with_header = admin_->post("/admin/device-catalog/brands", {{"device_type_id", phone}, {"name", "Con header"}},
                                  {{"Accept", "application/json"}, {"X-CSRF-TOKEN", token_}});
  EXPECT_EQ(with_header.status, 200) << with_header.body;
  EXPECT_EQ(id_of("SELECT COUNT(*) FROM device_brands WHERE slug = 'sin-token'"), 0);
  EXPECT_EQ(id_of("SELECT COUNT(*) FROM device_brands WHERE slug = 'con-header'"), 1);
}

TEST_F(DeviceCatalog, ModelGroupsAreCreatedAndModelsAssignedWithinTheirBrand) {
  long long phone = type_id("celular");
  long long samsung = brand_id("celular", "samsung");
  long long apple = brand_id("celular", "apple");
  std::string page = "/admin/grupos-modelos?device_type_id=" + std::to_string(phone) + "&device_brand_id=" + std::to_string(samsung);
  auto listing = admin_->get(page);
  ASSERT_EQ(listing.status, 200);
  EXPECT_TRUE(listing.contains("Asignar modelos a grupos"));
  EXPECT_TRUE(listing.contains("data-model-id=\"" + std::to_string(model_id(samsung, "a52")) + "\""));
  EXPECT_TRUE(listing.contains("No hay grupos cargados para esta marca."));

  auto created = post(page, "/admin/grupos-modelos", {{"device_brand_id", std::to_string(samsung)}, {"name", "Serie A"}, {"active", "1"}});
  ASSERT_EQ(created.status, 302);
  EXPECT_NE(after(created).find("Grupo creado."), std::string::npos);
  long long serie_a = id_of("SELECT id FROM device_model_groups WHERE slug = 'serie-a' AND device_brand_id = " + std::to_string(samsung));
  ASSERT_GT(serie_a, 0);
  auto duplicate = post(page, "/admin/grupos-modelos", {{"device_brand_id", std::to_string(samsung)}, {"name", "serie a"}});
  EXPECT_NE(after(duplicate).find("Ya existe un grupo con ese nombre para esta marca."), std::string::npos);
  auto updated = post(page, "/admin/grupos-modelos/" + std::to_string(serie_a), {{"_method", "PUT"}, {"name", "Serie A (Galaxy)"}});
  EXPECT_NE(after(updated).find("Grupo actualizado."), std::string::npos);
  EXPECT_EQ(id_of("SELECT active FROM device_model_groups WHERE id = " + std::to_string(serie_a)), 0);
  post(page, "/admin/grupos-modelos/" + std::to_string(serie_a), {{"_method", "PUT"}, {"name", "Serie A"}, {"active", "1"}});

  long long a52 = model_id(samsung, "a52");
  std::string assign = "/admin/grupos-modelos/modelo/" + std::to_string(a52) + "/asignar";
  auto ok = post_json(assign, {{"device_model_group_id", std::to_string(serie_a)}});
  EXPECT_EQ(ok.status, 200);
  EXPECT_EQ(ok.body, "{\"ok\":true}");
  EXPECT_EQ(id_of("SELECT device_model_group_id FROM device_models WHERE id = " + std::to_string(a52)), serie_a);
  EXPECT_NE(visible_text(admin_->get("/admin/catalogo-dispositivos?type_id=" + std::to_string(phone) + "&brand_id=" +
                                     std::to_string(samsung)).body)
                .find("Grupo: Serie A"),
            std::string::npos);

  // A group of another brand, an unknown group, an unknown model.
  post(page, "/admin/grupos-modelos", {{"device_brand_id", std::to_string(apple)}, {"name", "iPhone Pro"}, {"active", "1"}});
  long long apple_group = id_of("SELECT id FROM device_model_groups WHERE device_brand_id = " + std::to_string(apple));
  auto other_brand = post_json(assign, {{"device_model_group_id", std::to_string(apple_group)}});
  EXPECT_EQ(other_brand.status, 422);
  EXPECT_EQ(other_brand.body, "{\"ok\":false,\"message\":\"Grupo inválido para esta marca\"}");
  EXPECT_EQ(post_json(assign, {{"device_model_group_id", "999999"}}).status, 422);
  EXPECT_EQ(post_json("/admin/grupos-modelos/modelo/999999/asignar", {{"device_model_group_id", ""}}).status, 404);
  EXPECT_EQ(id_of("SELECT device_model_group_id FROM device_models WHERE id = " + std::to_string(a52)), serie_a);

  // Empty value takes the model out of its group.
  EXPECT_EQ(post_json(assign, {{"device_model_group_id", ""}}).status, 200);
  EXPECT_EQ(id_of("SELECT COUNT(*) FROM device_models WHERE device_model_group_id IS NULL AND id = " + std::to_string(a52)), 1);
}

TEST_F(DeviceCatalog, RepairTypesAreCreatedRenamedAndDeactivated) {
  auto listing = admin_->get("/admin/tipos-reparacion");
  for (const char* seeded : {"Módulo", "Batería", "Pin de carga", "Mantenimiento"})
    EXPECT_TRUE(listing.contains(seeded)) << seeded;
  auto created = post("/admin/tipos-reparacion", "/admin/tipos-reparacion", {{"name", "Cámara trasera"}, {"active", "1"}});
  ASSERT_EQ(created.status, 302);
  EXPECT_NE(after(created).find("Tipo de reparación creado."), std::string::npos);
  long long id = id_of("SELECT id FROM repair_types WHERE slug = 'camara-trasera'");
  ASSERT_GT(id, 0);
  auto duplicate = post("/admin/tipos-reparacion", "/admin/tipos-reparacion", {{"name", "camara  TRASERA"}, {"active", "1"}});
  EXPECT_NE(after(duplicate).find("Ya existe un tipo de reparación con ese nombre."), std::string::npos);
  EXPECT_EQ(id_of("SELECT COUNT(*) FROM repair_types WHERE slug LIKE 'camara-trasera%'"), 1);
  auto updated = post("/admin/tipos-reparacion", "/admin/tipos-reparacion/" + std::to_string(id), {{"_method", "PUT"}, {"name", "Cámara"}});
  EXPECT_NE(after(updated).find("Tipo de reparación actualizado."), std::string::npos);
  EXPECT_EQ(id_of("SELECT active FROM repair_types WHERE id = " + std::to_string(id)), 0);
  EXPECT_EQ(post("/admin/tipos-reparacion", "/admin/tipos-reparacion/999999", {{"_method", "PUT"}, {"name", "X"}}).status, 404);
}

TEST_F(DeviceCatalog, SeedingTwiceAddsNothing) {
  long long before = id_of("SELECT COUNT(*) FROM device_models") + id_of("SELECT COUNT(*) FROM pricing_rules") +
                     id_of("SELECT COUNT(*) FROM repair_types") + id_of("SELECT COUNT(*) FROM device_issue_types");
  auto seeded = server_->run({"db:seed"});
  ASSERT_EQ(seeded.exit_code, 0) << seeded.output;
  long long after_seed = id_of("SELECT COUNT(*) FROM device_models") + id_of("SELECT COUNT(*) FROM pricing_rules") +
                         id_of("SELECT COUNT(*) FROM repair_types") + id_of("SELECT COUNT(*) FROM device_issue_types");
  EXPECT_EQ(before, after_seed);
}

TEST_F(DeviceCatalog, ParallelQuickAddsOfOneNameCreateOneRowAndNeverFail) {
  ASSERT_EQ(post("/admin/tipos-dispositivo", "/admin/tipos-dispositivo", {{"name", "Drone"}, {"active", "1"}}).status, 302);
  std::string drone = std::to_string(type_id("drone"));
  auto race = [&](const std::vector<std::string>& names) {
    std::vector<int> statuses(names.size());
    std::vector<std::thread> threads;
    for (std::size_t i = 0; i < names.size(); ++i) {
      threads.emplace_back([&, i] {
        Browser copy = *admin_;  // same session, its own connection
        statuses[i] = copy.post("/admin/device-catalog/brands", {{"_token", token_}, {"device_type_id", drone}, {"name", names[i]}},
                                {{"Accept", "application/json"}})
                          .status;
      });
    }
    for (auto& thread : threads) thread.join();
    return statuses;
  };
  // The same name twelve times at once: one 200, the rest the duplicate answer (422), no 500.
  auto same = race(std::vector<std::string>(12, "DJI"));
  EXPECT_EQ(std::count(same.begin(), same.end(), 200), 1) << ::testing::PrintToString(same);
  EXPECT_EQ(std::count(same.begin(), same.end(), 422), 11);
  EXPECT_EQ(id_of("SELECT COUNT(*) FROM device_brands WHERE device_type_id = " + drone), 1);
  // Different names racing for the same fallback slug all succeed with distinct slugs.
  auto fallback = race({"¿?", "¡!", "?!", "!?", "¿¡", "¡¿"});
  EXPECT_EQ(std::count(fallback.begin(), fallback.end(), 200), 6) << ::testing::PrintToString(fallback);
  EXPECT_EQ(id_of("SELECT COUNT(DISTINCT slug) FROM device_brands WHERE slug LIKE 'marca%' AND device_type_id = " + drone), 6);
}
