// Migration data steps: "-- @data <step>" lines are read from the up part, and phones_to_e164 rewrites every
// phone column of a migrated database once (unparsable text kept, a second run changes nothing).
#include "db/data_migrations.hpp"

#include <gtest/gtest.h>

#include <filesystem>

#include "core/crypto.hpp"
#include "db/migrator.hpp"

namespace {

TEST(MigrationDataSteps, AreReadFromTheUpPartOnly) {
  auto script = db::parse_migration("-- about\n-- @data phones_to_e164\nUPDATE a SET b = 1;\n-- @down\n-- @data nope\n");
  ASSERT_EQ(script.data.size(), 1u);
  EXPECT_EQ(script.data[0], "phones_to_e164");
  EXPECT_EQ(script.up.size(), 1u);
  EXPECT_TRUE(script.down.empty());
}

TEST(MigrationDataSteps, PhonesToE164RewritesEveryPhoneColumnAndIsIdempotent) {
  db::DatabaseSettings settings;
  settings.sqlite_path =
      (std::filesystem::temp_directory_path() / ("nico-datastep-" + core::random_token(8) + ".sqlite")).string();
  settings.pool_size = 1;
  {
    db::Database database(settings);
    db::Migrator(database).migrate();
    auto sql = database.lease();
    *sql << "INSERT INTO users (name, phone, email, password, role) VALUES ('Ana', '341 15-555-7788', 'a@x.test', 'x', "
            "'user')";
    *sql << "INSERT INTO repairs (code, customer_name, customer_phone, issue_reported, status) VALUES ('R-1', 'Ana', "
            "'341155557788', 'No carga', 'received')";
    *sql << "INSERT INTO repairs (code, customer_name, customer_phone, issue_reported, status) VALUES ('R-2', 'Beto', "
            "'llamar al fijo', 'No carga', 'received')";
    *sql << "INSERT INTO orders (user_id, status, payment_method, total, pickup_phone, pickup_delegate_phone) "
            "VALUES ((SELECT id FROM users), 'pendiente', 'local', 1, '+54341155557788', '011 15 3333-2222')";
    *sql << "INSERT INTO business_settings (\"key\", value) VALUES ('shop_phone', '0341 15 444-5555')";
    *sql << "INSERT INTO business_settings (\"key\", value) VALUES ('shop_address', '341 15-555-7788')";

    auto read = [&](const std::string& query) {
      std::string value;
      *sql << query, soci::into(value);
      return value;
    };
    for (int run = 0; run < 2; ++run) {
      db::run_data_step("phones_to_e164", *sql);
      EXPECT_EQ(read("SELECT phone FROM users"), "+5493415557788");
      EXPECT_EQ(read("SELECT customer_phone FROM repairs WHERE code = 'R-1'"), "+5493415557788");
      EXPECT_EQ(read("SELECT customer_phone FROM repairs WHERE code = 'R-2'"), "llamar al fijo");
      EXPECT_EQ(read("SELECT pickup_phone FROM orders"), "+5493415557788");
      EXPECT_EQ(read("SELECT pickup_delegate_phone FROM orders"), "+5491133332222");
      EXPECT_EQ(read("SELECT value FROM business_settings WHERE \"key\" = 'shop_phone'"), "+5493414445555");
      EXPECT_EQ(read("SELECT value FROM business_settings WHERE \"key\" = 'shop_address'"), "341 15-555-7788");
    }
    EXPECT_THROW(db::run_data_step("no_such_step", *sql), std::runtime_error);
  }
  std::filesystem::remove(settings.sqlite_path);
}

}  // namespace
