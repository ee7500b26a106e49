// `nico db:export` / `nico db:import` as an operator moving a shop's data (docs/data-format.md): a round trip gives
// the same row lines, refusals change nothing, a rejected row leaves nothing half-imported, and (on the MariaDB and
// PostgreSQL runs) SQLite → server → SQLite gives the same row lines, only the header's engine differs.
#include <gtest/gtest.h>

#include <nlohmann/json.hpp>

#include <filesystem>
#include <fstream>
#include <map>
#include <set>

#include "core/crypto.hpp"
#include "db/database.hpp"
#include "support/app_server.hpp"
#include "support/test_files.hpp"

using testing_support::AppServer;
using testing_support::scalar;
namespace fs = std::filesystem;
using nlohmann::json;

namespace {

// Text that breaks naive exporters: accents, emoji, both quotes, a backslash, newlines, a tab.
const std::string kTrickyNote = "Línea 1: “pantalla” rota 📱🎉\nLínea 2: dijo \"urgente\" y 'ya'\r\nRuta C:\\temp\tfin";
const std::string kTrickyName = "José 'Pepe' Pérez-Ñandú";
const std::string kSubjectType = "App\\Models\\Order";  // a named string: soci binds by reference
const std::string kMetadata = R"({"nota":"año ñandú 🎉","lista":[1,2,3],"cita":"\"x\""})";

// Rows the demo seed does not write: an order with items and history, a repair with history, audit rows; NULLs
// in nullable columns, a zero boolean, a decimal multiplier.
void insert_sample_rows(db::Database& database) {
  auto sql = database.lease();
  long long user = 0, product = 0, type = 0, repair_type = 0;
  *sql << "SELECT MIN(id) FROM users", soci::into(user);
  *sql << "SELECT MIN(id) FROM products", soci::into(product);
  *sql << "SELECT MIN(id) FROM device_types", soci::into(type);
  *sql << "SELECT MIN(id) FROM repair_types", soci::into(repair_type);
  const std::string when = "2026-01-02 03:04:05";
  *sql << "INSERT INTO orders (user_id, status, payment_method, total, pickup_name, pickup_phone, pickup_delegate_name, "
          "notes, stock_deducted_at, stock_restored_at, created_at, updated_at) VALUES (:u, 'pendiente', 'local', "
          "1234500, :name, '1155556666', NULL, :notes, :w, NULL, :w2, :w3)",
      soci::use(user), soci::use(kTrickyName), soci::use(kTrickyNote), soci::use(when), soci::use(when), soci::use(when);
  long long order = 0;
  *sql << "SELECT MAX(id) FROM orders", soci::into(order);
  *sql << "INSERT INTO order_items (order_id, product_id, product_name, price, quantity, subtotal, created_at, "
          "updated_at) VALUES (:o, :p, :name, 617250, 2, 1234500, :w, :w2)",
      soci::use(order), soci::use(product), soci::use(kTrickyName), soci::use(when), soci::use(when);
  *sql << "INSERT INTO order_status_histories (order_id, from_status, to_status, changed_by, changed_at, comment) "
          "VALUES (:o, NULL, 'pendiente', NULL, :w, :c)",
      soci::use(order), soci::use(when), soci::use(kTrickyNote);
  *sql << "INSERT INTO repairs (code, user_id, customer_name, customer_phone, device_type_id, issue_reported, "
          "parts_cost, labor_cost, final_price, paid_amount, status, warranty_days, received_at, delivered_at, notes, "
          "created_at, updated_at) VALUES ('R-20260102-00001', NULL, :name, '3515551234', :t, :issue, 0, 150000, NULL, "
          "0, 'received', 30, :w, NULL, :notes, :w2, :w3)",
      soci::use(kTrickyName), soci::use(type), soci::use(kTrickyNote), soci::use(when), soci::use(kTrickyNote),
      soci::use(when), soci::use(when);
  long long repair = 0;
  *sql << "SELECT MAX(id) FROM repairs", soci::into(repair);
  *sql << "INSERT INTO repair_status_histories (repair_id, from_status, to_status, changed_by, changed_at, comment) "
          "VALUES (:r, NULL, 'received', :u, :w, NULL)",
      soci::use(repair), soci::use(user), soci::use(when);
  // Issue 21's inventory tables: a counter sale with its item, its ledger movement, and a repair part.
  *sql << "INSERT INTO counter_sales (user_id, customer_name, customer_phone, payment_method, subtotal, discount, "
          "discount_reason, total, cost_total, status, sale_token_hash, created_at, updated_at) VALUES (:u, :name, NULL, "
          "'debito', 617250, 17250, :reason, 600000, 0, 'completed', NULL, :w, NULL)",
      soci::use(user), soci::use(kTrickyName), soci::use(kTrickyNote), soci::use(when);
  long long sale = 0;
  *sql << "SELECT MAX(id) FROM counter_sales", soci::into(sale);
  *sql << "INSERT INTO counter_sale_items (counter_sale_id, product_id, product_name, unit_price, unit_cost, quantity, "
          "subtotal) VALUES (:s, :p, :name, 617250, 0, 1, 617250)",
      soci::use(sale), soci::use(product), soci::use(kTrickyName);
  *sql << "INSERT INTO stock_movements (product_id, delta, stock_after, reason, reference_type, reference_id, user_id, "
          "note, created_at) VALUES (:p, -1, 0, 'counter_sale', 'counter_sale', :s, :u, NULL, :w)",
      soci::use(product), soci::use(sale), soci::use(user), soci::use(when);
  *sql << "INSERT INTO repair_parts (repair_id, product_id, product_name, unit_cost, quantity, user_id, created_at) "
          "VALUES (:r, :p, :name, 250000, 1, NULL, :w)",
      soci::use(repair), soci::use(product), soci::use(kTrickyName), soci::use(when);
  *sql << "INSERT INTO audit_logs (event, actor_id, actor_role, subject_type, subject_id, ip_address, user_agent, "
          "route_name, http_method, metadata, created_at) VALUES ('order.created', :u, 'admin', :subject, :o, "
          "'127.0.0.1', :agent, NULL, 'POST', :meta, :w)",
      soci::use(user), soci::use(kSubjectType), soci::use(order), soci::use(kTrickyName),
      soci::use(kMetadata), soci::use(when);
  *sql << "INSERT INTO audit_logs (event, created_at) VALUES ('login.failed', '2026-01-02 03:04:06')";
  *sql << "INSERT INTO pricing_rules (device_type_id, repair_type_id, mode, multiplier, min_profit, fixed_total, "
          "shipping_default, priority, active, created_at, updated_at) VALUES (:t, :r, 'margin', 0.25, NULL, NULL, 0, "
          "7, 0, :w, :w2)",
      soci::use(type), soci::use(repair_type), soci::use(when), soci::use(when);
  *sql << "INSERT INTO pricing_rules (device_type_id, repair_type_id, mode, multiplier, fixed_total, shipping_default, "
          "priority, active, created_at, updated_at) VALUES (:t, :r, 'fixed', 2, 990000, 1500, 8, 1, :w, :w2)",
      soci::use(type), soci::use(repair_type), soci::use(when), soci::use(when);
}

std::vector<std::string> lines_of(const fs::path& file) {
  std::ifstream in(file, std::ios::binary);
  std::vector<std::string> lines;
  std::string line;
  while (std::getline(in, line)) lines.push_back(line);
  return lines;
}

void write_lines(const fs::path& file, const std::vector<std::string>& lines) {
  std::ofstream out(file, std::ios::binary | std::ios::trunc);
  for (const auto& line : lines) out << line << '\n';
}

std::vector<std::string> row_lines(const fs::path& file) {
  auto lines = lines_of(file);
  if (!lines.empty()) lines.erase(lines.begin());
  return lines;
}

json header_of(const fs::path& file) {
  auto lines = lines_of(file);
  return lines.empty() ? json() : json::parse(lines.front());
}

// The header without the fields that legitimately differ between two exports of the same data.
json comparable(json header, bool ignore_engine = false) {
  header.erase("exported_at");
  if (ignore_engine) header.erase("engine");
  return header;
}

fs::path export_to(const AppServer& server, const std::string& name) {
  fs::path file = server.base_path() / name;
  auto result = server.run({"db:export", "--out=" + file.string()});
  EXPECT_EQ(result.exit_code, 0) << result.output;
  EXPECT_NE(result.output.find("Exported "), std::string::npos) << result.output;
  return file;
}

// The "engine" an export header names for the server under test.
std::string engine_name(const AppServer& server) {
  return server.using_mariadb() ? "mariadb" : server.using_postgres() ? "postgresql" : "sqlite";
}

// Counts of every business table named in an export header.
std::map<std::string, long long> counts(AppServer& server, const json& header) {
  std::map<std::string, long long> rows;
  for (auto& [table, expected] : header["tables"].items()) rows[table] = scalar(server, "SELECT COUNT(*) FROM " + table);
  return rows;
}

class Portability : public ::testing::Test {
 protected:
  static void SetUpTestSuite() {
    server_ = new AppServer();
    auto seeded = server_->run({"db:seed", "--demo"});
    ASSERT_EQ(seeded.exit_code, 0) << seeded.output;
    insert_sample_rows(server_->database());
    reference_ = new fs::path(export_to(*server_, "reference.jsonl"));
  }
  static void TearDownTestSuite() {
    delete reference_;
    delete server_;
    server_ = nullptr;
  }
  // Puts the reference data back after a test that emptied or replaced it.
  static void restore_reference() {
    auto result = server_->run({"db:import", reference_->string(), "--fresh"});
    ASSERT_EQ(result.exit_code, 0) << result.output;
  }
  static AppServer* server_;
  static fs::path* reference_;
};
AppServer* Portability::server_ = nullptr;
fs::path* Portability::reference_ = nullptr;

}  // namespace

TEST_F(Portability, ExportHasAHeaderAndEveryBusinessTableButNoFrameworkTable) {
  json header = header_of(*reference_);
  EXPECT_EQ(header["format"], "nico-export");
  EXPECT_EQ(header["format_version"], 1);
  EXPECT_EQ(header["engine"], engine_name(*server_));
  std::string newest;
  *server_->database().lease() << "SELECT MAX(migration) FROM migrations", soci::into(newest);
  EXPECT_EQ(header["schema_version"], newest);
  for (const char* table : {"users", "categories", "products", "orders", "order_items", "order_status_histories",
                            "repairs", "repair_status_histories", "device_types", "pricing_rules", "business_settings",
                            "audit_logs", "stock_movements", "counter_sales", "counter_sale_items", "repair_parts"})
    EXPECT_TRUE(header["tables"].contains(table)) << table;
  for (const char* table : {"sessions", "cache", "cache_locks", "jobs", "job_batches", "failed_jobs", "migrations"})
    EXPECT_FALSE(header["tables"].contains(table)) << table;
  for (auto& [table, count] : header["tables"].items())  // nor SQLite's FTS5 search index and its shadow tables
    EXPECT_EQ(table.find("_fts"), std::string::npos) << table;
  for (auto& [table, expected] : header["tables"].items())
    EXPECT_EQ(expected.get<long long>(), scalar(*server_, "SELECT COUNT(*) FROM " + table)) << table;
  long long total = 0;
  for (auto& [table, expected] : header["tables"].items()) total += expected.get<long long>();
  EXPECT_EQ(static_cast<long long>(row_lines(*reference_).size()), total);
}

TEST_F(Portability, RowsAreTypedAndParentsComeFirst) {
  std::vector<std::string> order;
  json audit, rule_fixed, rule_margin, repair, history;
  for (const auto& line : row_lines(*reference_)) {
    json entry = json::parse(line);
    std::string table = entry["table"];
    if (order.empty() || order.back() != table) order.push_back(table);
    const json& row = entry["row"];
    if (table == "audit_logs" && row["event"] == "order.created") audit = row;
    if (table == "pricing_rules" && row["priority"] == 7) rule_margin = row;
    if (table == "pricing_rules" && row["priority"] == 8) rule_fixed = row;
    if (table == "repairs" && row["code"] == "R-20260102-00001") repair = row;
    if (table == "order_status_histories" && row["comment"] == kTrickyNote) history = row;
  }
  // Each table is one block, and every parent block comes before its children.
  auto position = [&](const std::string& table) { return std::find(order.begin(), order.end(), table) - order.begin(); };
  std::set<std::string> distinct(order.begin(), order.end());
  EXPECT_EQ(distinct.size(), order.size());
  EXPECT_LT(position("users"), position("orders"));
  EXPECT_LT(position("orders"), position("order_items"));
  EXPECT_LT(position("products"), position("order_items"));
  EXPECT_LT(position("categories"), position("products"));
  EXPECT_LT(position("repairs"), position("repair_status_histories"));
  EXPECT_LT(position("device_types"), position("pricing_rules"));

  ASSERT_TRUE(audit.is_object());
  EXPECT_TRUE(audit["id"].is_number_integer());
  EXPECT_TRUE(audit["subject_id"].is_number_integer());
  EXPECT_TRUE(audit["route_name"].is_null());
  EXPECT_EQ(audit["subject_type"], "App\\Models\\Order");
  EXPECT_EQ(audit["user_agent"], kTrickyName);
  EXPECT_EQ(audit["metadata"], kMetadata);  // JSON columns travel as their text
  EXPECT_EQ(audit["created_at"], "2026-01-02 03:04:05");
  ASSERT_TRUE(repair.is_object());
  EXPECT_EQ(repair["notes"], kTrickyNote);
  EXPECT_TRUE(repair["final_price"].is_null());
  EXPECT_EQ(repair["labor_cost"], 150000);
  EXPECT_TRUE(history.is_object());
  ASSERT_TRUE(rule_margin.is_object());
  EXPECT_EQ(rule_margin["multiplier"], 0.25);
  EXPECT_EQ(rule_margin["active"], 0);  // booleans are 0/1
  EXPECT_TRUE(rule_margin["min_profit"].is_null());
  ASSERT_TRUE(rule_fixed.is_object());
  EXPECT_TRUE(rule_fixed["multiplier"].is_number_integer());  // 2.00 is written 2 on every engine
  EXPECT_EQ(rule_fixed["multiplier"], 2);
  EXPECT_EQ(rule_fixed["active"], 1);
}

TEST_F(Portability, ExportImportExportGivesIdenticalRowLinesAndFreshIds) {
  auto wiped = server_->run({"migrate:fresh", "--force"});
  ASSERT_EQ(wiped.exit_code, 0) << wiped.output;
  auto imported = server_->run({"db:import", reference_->string()});
  ASSERT_EQ(imported.exit_code, 0) << imported.output;
  EXPECT_NE(imported.output.find("Row counts match the header"), std::string::npos) << imported.output;

  fs::path again = export_to(*server_, "again.jsonl");
  EXPECT_EQ(comparable(header_of(again)), comparable(header_of(*reference_)));
  auto expected = row_lines(*reference_), actual = row_lines(again);
  ASSERT_EQ(actual.size(), expected.size());
  for (std::size_t i = 0; i < expected.size(); ++i) ASSERT_EQ(actual[i], expected[i]) << "row line " << i + 2;

  // The store's search index (SQLite FTS5, filled by triggers) covers the imported products again.
  if (!server_->using_mariadb() && !server_->using_postgres()) {
    EXPECT_EQ(scalar(*server_, "SELECT COUNT(*) FROM products_fts_docsize"), scalar(*server_, "SELECT COUNT(*) FROM products"));
  }

  // The id sequences follow the imported ids: a new row gets the next id, not one already used.
  long long newest = scalar(*server_, "SELECT MAX(id) FROM audit_logs");
  *server_->database().lease() << "INSERT INTO audit_logs (event, created_at) VALUES ('after.import', '2026-02-01 00:00:00')";
  EXPECT_EQ(scalar(*server_, "SELECT MAX(id) FROM audit_logs"), newest + 1);
  *server_->database().lease() << "DELETE FROM audit_logs WHERE event = 'after.import'";
}

TEST_F(Portability, ANonEmptyDatabaseIsRefusedWithoutFresh) {
  auto before = counts(*server_, header_of(*reference_));
  auto refused = server_->run({"db:import", reference_->string()});
  EXPECT_EQ(refused.exit_code, 1);
  EXPECT_NE(refused.output.find("already has business data"), std::string::npos) << refused.output;
  EXPECT_NE(refused.output.find("--fresh"), std::string::npos) << refused.output;
  EXPECT_EQ(counts(*server_, header_of(*reference_)), before);

  auto fresh = server_->run({"db:import", reference_->string(), "--fresh"});
  EXPECT_EQ(fresh.exit_code, 0) << fresh.output;
  EXPECT_EQ(counts(*server_, header_of(*reference_)), before);
}

TEST_F(Portability, FreshInProductionNeedsForce) {
  auto refused = server_->run({"db:import", reference_->string(), "--fresh"}, {{"APP_ENV", "production"}});
  EXPECT_EQ(refused.exit_code, 1);
  EXPECT_NE(refused.output.find("--force"), std::string::npos) << refused.output;
}

TEST_F(Portability, AnotherSchemaVersionIsRefusedAndChangesNothing) {
  auto before = counts(*server_, header_of(*reference_));
  auto lines = lines_of(*reference_);
  json header = json::parse(lines.front());
  header["schema_version"] = "0001_create_users_table";
  lines.front() = header.dump();
  fs::path older = server_->base_path() / "older.jsonl";
  write_lines(older, lines);
  auto refused = server_->run({"db:import", older.string(), "--fresh"});
  EXPECT_EQ(refused.exit_code, 1);
  EXPECT_NE(refused.output.find("Schema version mismatch"), std::string::npos) << refused.output;
  EXPECT_EQ(counts(*server_, header_of(*reference_)), before);
}

TEST_F(Portability, TruncatedOrMiscountedFilesAreRefusedBeforeAnythingChanges) {
  auto before = counts(*server_, header_of(*reference_));
  auto lines = lines_of(*reference_);
  ASSERT_GT(lines.size(), 10u);

  fs::path short_file = server_->base_path() / "short.jsonl";
  write_lines(short_file, std::vector<std::string>(lines.begin(), lines.end() - 3));
  auto missing_rows = server_->run({"db:import", short_file.string(), "--fresh"});
  EXPECT_EQ(missing_rows.exit_code, 1);
  EXPECT_NE(missing_rows.output.find("Row count mismatch"), std::string::npos) << missing_rows.output;

  // Cut in the middle of a line, as an interrupted copy leaves it.
  fs::path cut_file = server_->base_path() / "cut.jsonl";
  std::string text = testing_support::read_text(*reference_);
  std::ofstream(cut_file, std::ios::binary) << text.substr(0, text.size() - 25);
  auto cut = server_->run({"db:import", cut_file.string(), "--fresh"});
  EXPECT_EQ(cut.exit_code, 1);
  EXPECT_NE(cut.output.find("not valid JSON"), std::string::npos) << cut.output;

  fs::path not_export = server_->base_path() / "other.jsonl";
  write_lines(not_export, {R"({"hello":"world"})"});
  auto other = server_->run({"db:import", not_export.string(), "--fresh"});
  EXPECT_EQ(other.exit_code, 1);
  EXPECT_NE(other.output.find("not a nico export"), std::string::npos) << other.output;

  EXPECT_EQ(counts(*server_, header_of(*reference_)), before);
}

TEST_F(Portability, ARowTheDatabaseRejectsLeavesNothingHalfImported) {
  // A second users row with an e-mail already used: the file checks out, the unique index rejects it mid-import.
  auto lines = lines_of(*reference_);
  json header = json::parse(lines.front());
  std::size_t first_user = 0;
  for (std::size_t i = 1; i < lines.size(); ++i)
    if (json::parse(lines[i])["table"] == "users") first_user = i;
  ASSERT_GT(first_user, 0u);
  json duplicate = json::parse(lines[first_user]);
  duplicate["row"]["id"] = 999999;
  lines.insert(lines.begin() + static_cast<std::ptrdiff_t>(first_user) + 1, duplicate.dump());
  header["tables"]["users"] = header["tables"]["users"].get<long long>() + 1;
  lines.front() = header.dump();
  fs::path clash = server_->base_path() / "clash.jsonl";
  write_lines(clash, lines);

  auto failed = server_->run({"db:import", clash.string(), "--fresh"});
  EXPECT_EQ(failed.exit_code, 1);
  EXPECT_NE(failed.output.find("rejected a row of table users"), std::string::npos) << failed.output;
  EXPECT_NE(failed.output.find("emptied again"), std::string::npos) << failed.output;
  for (const auto& [table, rows] : counts(*server_, header)) EXPECT_EQ(rows, 0) << table;

  restore_reference();
}

TEST_F(Portability, WithoutOutTheExportLandsInStorageReadableByItsOwnerOnly) {
  auto result = server_->run({"db:export"});
  ASSERT_EQ(result.exit_code, 0) << result.output;
  auto files = testing_support::entries_with_prefix(server_->base_path() / "storage/app/exports", "nico-export-");
  ASSERT_EQ(files.size(), 1u);
  EXPECT_EQ(files.front().extension(), ".jsonl");
  EXPECT_EQ(fs::status(files.front()).permissions() & fs::perms::all, fs::perms::owner_read | fs::perms::owner_write);
  EXPECT_EQ(row_lines(files.front()), row_lines(*reference_));
}

// The fixture style of docs/data-format.md §6: columns left out take their defaults, booleans may be true/false,
// datetimes may carry a "T" and "Z", and a child table may come before its parent in the file.
TEST_F(Portability, AHandWrittenFixtureLoads) {
  std::string schema_version = header_of(*reference_)["schema_version"];
  fs::path fixture = server_->base_path() / "fixture.jsonl";
  write_lines(fixture,
              {R"({"format":"nico-export","format_version":1,"schema_version":")" + schema_version +
                   R"(","tables":{"users":1,"products":1,"categories":1}})",
               R"({"table":"products","row":{"id":7,"category_id":3,"name":"Funda iPhone 13","slug":"funda-iphone-13","price":1250000,"stock":3,"created_at":"2026-01-02T03:04:05Z"}})",
               R"({"table":"users","row":{"id":1,"name":"Ana","email":"ana@example.com","password":"x","role":"admin"}})",
               R"({"table":"categories","row":{"id":3,"name":"Fundas","slug":"fundas","active":true}})"});
  auto imported = server_->run({"db:import", fixture.string(), "--fresh"});
  ASSERT_EQ(imported.exit_code, 0) << imported.output;
  EXPECT_EQ(scalar(*server_, "SELECT featured FROM products WHERE id = 7"), 0);  // column default
  EXPECT_EQ(scalar(*server_, "SELECT active FROM categories WHERE id = 3"), 1);
  EXPECT_EQ(scalar(*server_, "SELECT COUNT(*) FROM products WHERE created_at = '2026-01-02 03:04:05'"), 1);
  EXPECT_EQ(scalar(*server_, "SELECT COUNT(*) FROM orders"), 0);
  restore_reference();
}

TEST_F(Portability, ExportCanGoToStandardOutput) {
  auto result = server_->run({"db:export", "--out=-"});
  EXPECT_EQ(result.exit_code, 0);
  EXPECT_EQ(result.output.rfind("{\"format\":\"nico-export\"", 0), 0u) << result.output.substr(0, 200);
  EXPECT_NE(result.output.find("\"table\":\"users\""), std::string::npos);
}

// MariaDB and PostgreSQL runs only: the move this feature exists for, SQLite → the server engine, and back.
TEST_F(Portability, SqliteToServerEngineAndBackGivesIdenticalRowLines) {
  if (!server_->using_mariadb() && !server_->using_postgres())
    GTEST_SKIP() << "needs DB_CONNECTION=mariadb or pgsql (scripts/with-mariadb.sh, scripts/with-postgres.sh)";
  fs::path folder = fs::temp_directory_path() / ("nico-portability-" + core::random_token(8));
  fs::create_directories(folder);
  fs::path sqlite_file = folder / "shop.sqlite";
  {
    AppServer sqlite({{"DB_CONNECTION", "sqlite"}, {"DB_DATABASE", sqlite_file.string()}});
    auto seeded = sqlite.run({"db:seed", "--demo"});
    ASSERT_EQ(seeded.exit_code, 0) << seeded.output;
    {
      db::DatabaseSettings settings;
      settings.pool_size = 1;
      settings.sqlite_path = sqlite_file.string();
      db::Database database(settings);
      insert_sample_rows(database);
    }
    fs::path from_sqlite = export_to(sqlite, "from-sqlite.jsonl");

    auto imported = server_->run({"db:import", from_sqlite.string(), "--fresh"});
    ASSERT_EQ(imported.exit_code, 0) << imported.output;
    fs::path from_server = export_to(*server_, "from-server.jsonl");
    EXPECT_EQ(header_of(from_sqlite)["engine"], "sqlite");
    EXPECT_EQ(header_of(from_server)["engine"], engine_name(*server_));
    EXPECT_EQ(comparable(header_of(from_server), true), comparable(header_of(from_sqlite), true));
    auto expected = row_lines(from_sqlite), actual = row_lines(from_server);
    ASSERT_EQ(actual.size(), expected.size());
    for (std::size_t i = 0; i < expected.size(); ++i) ASSERT_EQ(actual[i], expected[i]) << "row line " << i + 2;

    // And back: the server → a fresh SQLite database.
    auto wiped = sqlite.run({"migrate:fresh", "--force"});
    ASSERT_EQ(wiped.exit_code, 0) << wiped.output;
    auto back = sqlite.run({"db:import", from_server.string()});
    ASSERT_EQ(back.exit_code, 0) << back.output;
    fs::path round_trip = export_to(sqlite, "round-trip.jsonl");
    EXPECT_EQ(row_lines(round_trip), expected);
  }
  std::error_code ignored;
  fs::remove_all(folder, ignored);
  restore_reference();
}
