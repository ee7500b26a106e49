// Seed data (see seeder.hpp). Every insert is "insert unless a row with this natural key exists".
#include "app/seeder.hpp"

#include "core/clock.hpp"
#include "core/config.hpp"
#include "core/crypto.hpp"
#include "core/strings.hpp"
#include "db/database.hpp"
#include "domain/accounts/account_service.hpp"
#include "domain/accounts/password_policy.hpp"
#include "domain/accounts/user_repository.hpp"
#include "domain/inventory/catalog_version.hpp"
#include "domain/notify/template_store.hpp"

namespace app {

namespace {

struct BrandSeed {
  const char* name;
  std::vector<const char*> models;
};
struct TypeSeed {
  const char* name;
  const char* slug;
  std::vector<BrandSeed> brands;
  std::vector<const char*> issues;
};

const std::vector<TypeSeed>& device_catalog() {
  static const std::vector<TypeSeed> kCatalog = {
      {"Celular", "celular",
       {{"Samsung", {"A10", "A20", "A30", "A50", "A51", "A52", "S20 FE", "S21", "S22", "S23"}},
        {"Apple", {"iPhone 11", "iPhone 12", "iPhone 13", "iPhone 14", "iPhone 15"}},
        {"Xiaomi", {"Redmi Note 10", "Redmi Note 11", "Redmi Note 12"}},
        {"Motorola", {"G20", "G30", "G60", "E13"}}},
       {"Pantalla", "Batería", "Pin de carga", "Software", "Cámara", "Otro"}},
      {"Tablet", "tablet",
       {{"Samsung", {"Tab A", "Tab S6", "Tab S7", "Tab S8"}}, {"Apple", {"iPad 9", "iPad 10", "iPad Air", "iPad Pro"}}},
       {"Pantalla", "Batería", "Pin de carga", "Software", "Otro"}},
      {"Consola", "consola",
       {{"PlayStation", {"PS4", "PS4 Pro", "PS5"}},
        {"Xbox", {"Xbox One S", "Xbox One X", "Series S", "Series X"}},
        {"Nintendo", {"Switch", "Switch Lite", "Switch OLED"}}},
       {"No enciende", "HDMI / Video", "Sobrecalentamiento", "Software", "Limpieza", "Otro"}},
      {"Joystick", "joystick",
       {{"PlayStation", {"DualShock 4", "DualSense"}},
        {"Xbox", {"Xbox One Controller", "Xbox Series Controller"}},
        {"Nintendo", {"Joy-Con"}}},
       {"Drift", "Botones", "Gatillos", "Batería / Carga", "Otro"}},
      {"Otro", "otro", {{"Genérico", {"Otro"}}}, {"Diagnóstico", "Otro"}},
  };
  return kCatalog;
}

struct ProductSeed {
  const char* slug;
  const char* name;
  const char* brand;
  const char* quality;
  long long price_pesos;
  int stock;
  bool featured;
  const char* short_description;
};
struct CategorySeed {
  const char* slug;
  const char* name;
  const char* icon;
  const char* description;
  std::vector<ProductSeed> products;
};

const std::vector<CategorySeed>& demo_catalog() {
  static const std::vector<CategorySeed> kDemo = {
      {"fundas-vidrios", "Fundas y vidrios", "📱", "Fundas de silicona, rígidas y vidrios templados.",
       {{"funda-silicona-transparente-a52", "Funda silicona transparente Samsung A52", "Genérica", "premium", 4500, 5, true,
         "Protección flexible que no amarillea."},
        {"vidrio-templado-a52", "Vidrio templado Samsung A52", "Genérica", "generico", 2500, 10, true,
         "Dureza 9H, bordes redondeados."}}},
      {"cables-cargadores", "Cables y cargadores", "🔌", "Cables USB, cargadores originales y genéricos.",
       {{"cable-usb-c-reforzado-1m", "Cable USB-C reforzado 1m", "Genérica", "premium", 3000, 15, false,
         "Mallado, carga rápida hasta 3 A."},
        {"cargador-usb-c-20w", "Cargador USB-C 20W", "Genérica", "premium", 6500, 8, true,
         "Carga rápida Power Delivery."}}},
      {"auriculares-audio", "Auriculares y audio", "🎧", "Auriculares con cable, Bluetooth y parlantes.",
       {{"auriculares-bluetooth-basic", "Auriculares Bluetooth básicos", "Genérica", "generico", 9000, 8, true,
         "Hasta 5 horas de música."},
        {"parlante-bluetooth-portatil", "Parlante Bluetooth portátil", "Genérica", "generico", 12000, 4, false,
         "Resistente a salpicaduras."}}},
  };
  return kDemo;
}

// Id of the row matching `where` (with one text parameter), or 0.
long long find_id(soci::session& sql, const std::string& query, const std::string& parameter) {
  long long id = 0;
  sql << query, soci::use(parameter), soci::into(id);
  return sql.got_data() ? id : 0;
}

long long find_id2(soci::session& sql, const std::string& query, long long parent, const std::string& parameter) {
  long long id = 0;
  sql << query, soci::use(parent), soci::use(parameter), soci::into(id);
  return sql.got_data() ? id : 0;
}

}  // namespace

SeedReport Seeder::run(bool demo) {
  SeedReport report;
  auto& database = database_;
  std::string now = core::utc_now_sql();

  // 1. The first admin. An existing admin is never touched (its password may have been changed since).
  {
    int admins = 0;
    database.lease()->once << "SELECT COUNT(*) FROM users WHERE role = 'admin'", soci::into(admins);
    if (admins == 0) {
      accounts::UserRepository users(database);
      core::PasswordHashCost cost{static_cast<std::uint64_t>(config_.integer("PASSWORD_HASH_OPSLIMIT")),
                                  static_cast<std::uint64_t>(config_.integer("PASSWORD_HASH_MEMLIMIT_KIB"))};
      accounts::AccountService accounts(users, cost);
      std::string password = config_.str("ADMIN_PASSWORD");
      bool generated = password.empty();
      // The same rules as sign-up (libpwquality): the first admin is the account most worth guessing. Refused
      // before anything is written, as a configuration error naming the key (exit 1, no incident alert).
      std::string email = accounts::normalise_email(config_.str("ADMIN_EMAIL"));
      if (auto problem = generated ? std::nullopt : accounts::password_problem(password, email))
        throw core::ConfigError("ADMIN_PASSWORD", *problem + " Set a stronger one in .env (8 to 128 characters, "
                                                             "not a common word), or leave it empty and db:seed "
                                                             "generates one.");
      if (generated) password = core::random_token(16);
      auto admin = accounts.create_or_update_admin("Admin", config_.str("ADMIN_EMAIL"), password);
      report.lines.push_back("Admin creado: " + admin.email);
      if (generated) report.lines.push_back("Contraseña generada (guardala ahora, no se vuelve a mostrar): " + password);
    } else {
      report.lines.push_back("Ya existe un admin: sin cambios.");
    }
  }

  auto sql = database.lease();
  db::Transaction transaction(*sql, database.dialect());

  // 2. Business settings.
  const std::pair<std::string, std::string> settings[] = {
      {"shop_phone", ""}, {"shop_address", ""}, {"shop_hours", ""}, {"company_name", config_.str("APP_NAME")}};
  for (const auto& [key, value] : settings) {
    if (find_id(*sql, "SELECT id FROM business_settings WHERE \"key\" = :key", key)) continue;
    *sql << "INSERT INTO business_settings (\"key\", value, created_at, updated_at) VALUES (:key, :value, :c, :u)",
        soci::use(key), soci::use(value), soci::use(now), soci::use(now);
  }

  // 3. Device catalog.
  int models_added = 0;
  for (const auto& type : device_catalog()) {
    std::string type_slug = type.slug, type_name = type.name;
    long long type_id = find_id(*sql, "SELECT id FROM device_types WHERE slug = :slug", type_slug);
    if (!type_id) {
      *sql << "INSERT INTO device_types (name, slug, active, created_at, updated_at) VALUES (:n, :s, 1, :c, :u)",
          soci::use(type_name), soci::use(type_slug), soci::use(now), soci::use(now);
      type_id = database.last_insert_id(*sql, "device_types");
    }
    for (const auto& brand : type.brands) {
      std::string brand_name = brand.name, brand_slug = core::slugify(brand.name);
      long long brand_id =
          find_id2(*sql, "SELECT id FROM device_brands WHERE device_type_id = :t AND slug = :s", type_id, brand_slug);
      if (!brand_id) {
        *sql << "INSERT INTO device_brands (device_type_id, name, slug, active, created_at, updated_at) "
                "VALUES (:t, :n, :s, 1, :c, :u)",
            soci::use(type_id), soci::use(brand_name), soci::use(brand_slug), soci::use(now), soci::use(now);
        brand_id = database.last_insert_id(*sql, "device_brands");
      }
      for (const char* model : brand.models) {
        std::string model_name = model, model_slug = core::slugify(model);
        if (find_id2(*sql, "SELECT id FROM device_models WHERE device_brand_id = :b AND slug = :s", brand_id, model_slug))
          continue;
        *sql << "INSERT INTO device_models (device_brand_id, name, slug, active, created_at, updated_at) "
                "VALUES (:b, :n, :s, 1, :c, :u)",
            soci::use(brand_id), soci::use(model_name), soci::use(model_slug), soci::use(now), soci::use(now);
        ++models_added;
      }
    }
    for (const char* issue : type.issues) {
      std::string issue_name = issue, issue_slug = core::slugify(issue);
      if (find_id2(*sql, "SELECT id FROM device_issue_types WHERE device_type_id = :t AND slug = :s", type_id, issue_slug))
        continue;
      *sql << "INSERT INTO device_issue_types (device_type_id, name, slug, active, created_at, updated_at) "
              "VALUES (:t, :n, :s, 1, :c, :u)",
          soci::use(type_id), soci::use(issue_name), soci::use(issue_slug), soci::use(now), soci::use(now);
    }
  }
  report.lines.push_back("Catálogo de dispositivos: " + std::to_string(models_added) + " modelo(s) nuevo(s).");

  // 4. Repair types and the two Apple phone pricing rules (money in centavos).
  const std::pair<std::string, std::string> repair_types[] = {
      {"Módulo", "modulo"}, {"Batería", "bateria"}, {"Pin de carga", "pin-de-carga"}, {"Mantenimiento", "mantenimiento"}};
  for (const auto& [name, slug] : repair_types) {
    if (find_id(*sql, "SELECT id FROM repair_types WHERE slug = :slug", slug)) continue;
    *sql << "INSERT INTO repair_types (name, slug, active, created_at, updated_at) VALUES (:n, :s, 1, :c, :u)",
        soci::use(name), soci::use(slug), soci::use(now), soci::use(now);
  }
  long long phone_type = find_id(*sql, "SELECT id FROM device_types WHERE slug = :slug", "celular");
  long long apple = find_id2(*sql, "SELECT id FROM device_brands WHERE device_type_id = :t AND slug = :s", phone_type, "apple");
  struct RuleSeed {
    const char* repair_slug;
    double multiplier;
    long long min_profit_cents;
  };
  for (const RuleSeed& rule : {RuleSeed{"modulo", 0.25, 2400000}, RuleSeed{"bateria", 1.00, 2000000}}) {
    long long repair_type = find_id(*sql, "SELECT id FROM repair_types WHERE slug = :slug", rule.repair_slug);
    int existing = 0;
    *sql << "SELECT COUNT(*) FROM pricing_rules WHERE device_type_id = :t AND repair_type_id = :r AND device_brand_id = :b "
            "AND device_model_group_id IS NULL AND device_model_id IS NULL",
        soci::use(phone_type), soci::use(repair_type), soci::use(apple), soci::into(existing);
    if (existing) continue;
    double multiplier = rule.multiplier;
    long long min_profit = rule.min_profit_cents, shipping = 1000000;
    *sql << "INSERT INTO pricing_rules (device_type_id, repair_type_id, device_brand_id, mode, multiplier, min_profit, "
            "shipping_default, priority, active, created_at, updated_at) "
            "VALUES (:t, :r, :b, 'margin', :m, :p, :s, 0, 1, :c, :u)",
        soci::use(phone_type), soci::use(repair_type), soci::use(apple), soci::use(multiplier), soci::use(min_profit),
        soci::use(shipping), soci::use(now), soci::use(now);
  }
  report.lines.push_back("Tipos de reparación y reglas de precio listos.");

  // 4b. Default WhatsApp templates (repairs and orders), only for statuses without one.
  report.lines.push_back("Plantillas WhatsApp: " + std::to_string(notify::seed_default_templates(*sql, now)) +
                         " nueva(s).");

  // 5. Demo store catalog.
  if (demo) {
    int products_added = 0;
    for (const auto& category : demo_catalog()) {
      std::string slug = category.slug, name = category.name, icon = category.icon, description = category.description;
      long long category_id = find_id(*sql, "SELECT id FROM categories WHERE slug = :slug", slug);
      if (!category_id) {
        *sql << "INSERT INTO categories (name, slug, active, description, icon, created_at, updated_at) "
                "VALUES (:n, :s, 1, :d, :i, :c, :u)",
            soci::use(name), soci::use(slug), soci::use(description), soci::use(icon), soci::use(now), soci::use(now);
        category_id = database.last_insert_id(*sql, "categories");
      }
      for (const auto& product : category.products) {
        std::string product_slug = product.slug;
        if (find_id(*sql, "SELECT id FROM products WHERE slug = :slug", product_slug)) continue;
        std::string product_name = product.name, brand = product.brand, quality = product.quality,
                    short_description = product.short_description;
        long long price = product.price_pesos * 100;
        int stock = product.stock, featured = product.featured ? 1 : 0;
        *sql << "INSERT INTO products (category_id, name, slug, brand, quality, price, stock, short_description, "
                "description, featured, active, created_at, updated_at) "
                "VALUES (:cat, :n, :s, :b, :q, :p, :st, :sd, :d, :f, 1, :c, :u)",
            soci::use(category_id), soci::use(product_name), soci::use(product_slug), soci::use(brand),
            soci::use(quality), soci::use(price), soci::use(stock), soci::use(short_description),
            soci::use(short_description), soci::use(featured), soci::use(now), soci::use(now);
        ++products_added;
      }
    }
    inventory::bump_catalog_version_after_commit(*sql);  // MariaDB/PostgreSQL: after the commit below
    report.lines.push_back("Catálogo demo: " + std::to_string(products_added) + " producto(s) nuevo(s).");
  }
  transaction.commit();
  return report;
}

}  // namespace app
