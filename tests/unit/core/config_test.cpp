#include "core/config.hpp"

#include <gtest/gtest.h>

#include <fstream>

#include "core/crypto.hpp"
#include "core/env_file.hpp"

namespace {
std::filesystem::path temp_dir(const std::string& name) {
  auto dir = std::filesystem::temp_directory_path() / ("nico-config-" + name + "-" + core::random_token(8));
  std::filesystem::create_directories(dir);
  return dir;
}
}  // namespace

TEST(Config, DefaultsMatchTheSeed) {
  auto config = core::Config::from_values({}, "/tmp");
  EXPECT_EQ(config.str("DB_CONNECTION"), "sqlite");
  EXPECT_EQ(config.integer("SESSION_LIFETIME"), 120);
  EXPECT_TRUE(config.boolean("SESSION_HTTP_ONLY"));
  EXPECT_EQ(config.str("SESSION_SAME_SITE"), "lax");
  EXPECT_EQ(config.integer("RATE_LIMIT_AUTH_LOGIN_PER_MINUTE"), 12);
  EXPECT_EQ(config.integer("OPS_BACKUP_RETENTION_DAYS"), 14);
  EXPECT_EQ(config.str("SESSION_COOKIE"), "nicoreparaciones-session");
  EXPECT_FALSE(config.is_production());
}

TEST(Config, InvalidValuesNameTheKey) {
  auto error_key = [](std::map<std::string, std::string> values) {
    try {
      core::Config::from_values(values, "/tmp");
    } catch (const core::ConfigError& e) {
      return e.key();
    }
    return std::string("(no error)");
  };
  EXPECT_EQ(error_key({{"SESSION_LIFETIME", "dos horas"}}), "SESSION_LIFETIME");
  EXPECT_EQ(error_key({{"ADMIN_REQUIRE_REAUTH_MINUTES", "-5"}}), "ADMIN_REQUIRE_REAUTH_MINUTES");
  EXPECT_EQ(error_key({{"APP_URL", "tu-dominio.com"}}), "APP_URL");
  EXPECT_EQ(error_key({{"DB_CONNECTION", "oracle"}}), "DB_CONNECTION");
  EXPECT_EQ(error_key({{"APP_DEBUG", "maybe"}}), "APP_DEBUG");
  EXPECT_EQ(error_key({{"APP_KEY", "base64:short"}}), "APP_KEY");
  EXPECT_EQ(error_key({{"OPS_BACKUP_TIME", "25:00"}}), "OPS_BACKUP_TIME");
  EXPECT_EQ(error_key({{"SESSION_SAME_SITE", "none"}}), "SESSION_SAME_SITE");
}

TEST(Config, EnvironmentOverridesDotEnvAndUnknownKeysAreReported) {
  auto dir = temp_dir("env");
  std::ofstream(dir / ".env") << "APP_NAME=\"Taller Nico\"\nSESSION_LIFETIME=30\nSESION_LIFETIME=45\n# comment\n";
  setenv("SESSION_LIFETIME", "90", 1);
  auto config = core::Config::load({dir, true, true});
  unsetenv("SESSION_LIFETIME");
  EXPECT_EQ(config.str("APP_NAME"), "Taller Nico");
  EXPECT_EQ(config.integer("SESSION_LIFETIME"), 90);
  ASSERT_EQ(config.unknown_keys().size(), 1u);
  EXPECT_EQ(config.unknown_keys()[0], "SESION_LIFETIME");
  std::filesystem::remove_all(dir);
}

TEST(Config, FrozenFileRoundTripsAndWinsOverDotEnv) {
  auto dir = temp_dir("frozen");
  std::ofstream(dir / ".env") << "APP_NAME=Primero\nSECURITY_CSP=\"default-src 'self'\"\n";
  auto config = core::Config::load({dir, false, false});
  config.write_frozen(core::Config::frozen_path(dir));
  std::ofstream(dir / ".env") << "APP_NAME=Segundo\n";
  auto frozen = core::Config::load({dir, false, true});
  EXPECT_EQ(frozen.str("APP_NAME"), "Primero");
  EXPECT_EQ(frozen.str("SECURITY_CSP"), "default-src 'self'");
  EXPECT_NE(frozen.origin().find("frozen"), std::string::npos);
  std::filesystem::remove_all(dir);
}

TEST(EnvFile, ParsesQuotesCommentsAndReferences) {
  std::map<std::string, std::string> values;
  core::EnvParseError error;
  ASSERT_TRUE(core::parse_env_text("APP_NAME=Nico\nexport A='x # y'\nB=plain # comment\nC=\"${APP_NAME} Alerts\"\n",
                                   values, error));
  EXPECT_EQ(values["A"], "x # y");
  EXPECT_EQ(values["B"], "plain");
  EXPECT_EQ(values["C"], "Nico Alerts");
  EXPECT_FALSE(core::parse_env_text("JUSTTEXT\n", values, error));
  EXPECT_EQ(error.line, 1);
}

// Fuzzing found that each line doubling the previous one made a 654-byte file expand to gigabytes.
TEST(EnvFile, ReferencesThatKeepDoublingAValueStopAt64KiBWithAnErrorNamingTheLine) {
  std::string text = "A0=xxxxxxxxxxxxxxxx\n";
  for (int i = 1; i < 40; ++i)
    text += "A" + std::to_string(i) + "=${A" + std::to_string(i - 1) + "}${A" + std::to_string(i - 1) + "}\n";
  std::map<std::string, std::string> values;
  core::EnvParseError error;
  EXPECT_FALSE(core::parse_env_text(text, values, error));
  EXPECT_EQ(error.line, 14);  // A12 holds 64 KiB; A13 would be 128 KiB
  EXPECT_NE(error.message.find("A13"), std::string::npos);
  EXPECT_EQ(values["A12"].size(), 64u * 1024);
}

TEST(AppKey, DecodesBase64AndRejectsWrongLength) {
  std::string key = "base64:" + core::base64_encode(std::string(32, 'k'));
  EXPECT_EQ(core::decode_app_key(key).size(), 32u);
  EXPECT_TRUE(core::decode_app_key("base64:" + core::base64_encode("short")).empty());
  EXPECT_TRUE(core::decode_app_key("").empty());
}
