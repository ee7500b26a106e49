#include "db/portability/import_lines.hpp"

#include <gtest/gtest.h>

#include <string>

#include "db/portability/importer.hpp"

namespace port = db::portability;

namespace {

std::string refusal_of_header(const std::string& line) {
  try {
    port::parse_header(line, "export.jsonl");
  } catch (const port::ImportError& e) {
    return e.what();
  }
  return "(accepted)";
}

port::Schema users_schema() {
  port::Schema schema;
  port::Table users;
  users.name = "users";
  users.columns = {{"id", "INTEGER", false, false}, {"created_at", "TEXT", true, true}};
  schema.tables.push_back(users);
  return schema;
}

}  // namespace

TEST(ImportLines, AHeaderWhoseFormatIsNotAStringIsNotANicoExport) {
  EXPECT_EQ(refusal_of_header(R"({"format":{"x":1},"format_version":1})"),
            "export.jsonl is not a nico export: the header's \"format\" must be \"nico-export\"");
}

TEST(ImportLines, AHeaderWhoseEngineIsNotAStringIsRefusedByName) {
  EXPECT_EQ(refusal_of_header(R"({"format":"nico-export","format_version":1,"schema_version":"1","engine":7,)"
                              R"("tables":{}})"),
            "export.jsonl is not a nico export: the header's \"engine\" must be a string");
}

TEST(ImportLines, ARowLineGivesItsTableAndNormalisedValues) {
  auto schema = users_schema();
  const port::Table* table = nullptr;
  auto row = port::parse_row(R"({"table":"users","row":{"id":7,"created_at":"2026-01-02T03:04:05-03:00"}})", 4,
                             schema, table);
  ASSERT_NE(table, nullptr);
  EXPECT_EQ(table->name, "users");
  // Columns come in name order (nlohmann keeps object members sorted).
  ASSERT_EQ(row.columns, (std::vector<std::string>{"created_at", "id"}));
  EXPECT_EQ(row.values[0], port::Value(std::string("2026-01-02 06:04:05")));
  EXPECT_EQ(row.values[1], port::Value(std::int64_t{7}));
}

TEST(ImportLines, AnUnknownColumnIsRefusedNamingTheLine) {
  auto schema = users_schema();
  const port::Table* table = nullptr;
  try {
    port::parse_row(R"({"table":"users","row":{"password":"x"}})", 9, schema, table);
    FAIL() << "accepted";
  } catch (const port::ImportError& e) {
    EXPECT_EQ(std::string(e.what()), "line 9: table users has no column password in this database");
  }
}
