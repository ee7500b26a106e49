// Utility commands: key:generate, user:create-admin, about, optimize, optimize:clear.
#include <cstdio>
#include <iostream>

#include "app/application.hpp"
#include "app/command.hpp"
#include "core/crypto.hpp"
#include "core/env_file.hpp"
#include "core/json.hpp"
#include "core/strings.hpp"
#include "core/version.hpp"
#include "db/database.hpp"
#include "db/migrator.hpp"
#include "domain/accounts/account_service.hpp"
#include "domain/accounts/password_policy.hpp"
#include "domain/accounts/user_repository.hpp"

namespace app {

namespace {

std::string new_app_key() { return "base64:" + core::base64_encode(core::random_bytes(32)); }

// "600" for the mode a secrets file got (printed so the operator sees it did not loosen).
std::string octal_mode(std::filesystem::perms mode) {
  char text[8];
  std::snprintf(text, sizeof text, "%03o", static_cast<unsigned>(mode) & 0777u);
  return text;
}

int key_generate(const CommandEnvironment& environment, const CommandInput& input) {
  std::string key = new_app_key();
  if (input.flag("show")) {
    std::cout << key << "\n";
    return 0;
  }
  auto env_file = environment.base_path / ".env";
  if (!std::filesystem::exists(env_file)) {
    std::cerr << "No .env file in " << environment.base_path << " (copy .env.example first, or use --show).\n";
    return 1;
  }
  auto config = core::Config::load({environment.base_path, false, false});
  if (!config.str("APP_KEY").empty() && !input.flag("force")) {
    std::cerr << "APP_KEY is already set. Changing it signs everyone out and makes encrypted 2FA secrets "
                 "unreadable; use --force if that is really intended.\n";
    return 1;
  }
  auto mode = core::write_env_value(env_file, "APP_KEY", key);
  std::cout << "Application key set in " << env_file.string() << " (mode " << octal_mode(mode) << ").\n";
  return 0;
}

int create_admin(const CommandEnvironment& environment, const CommandInput& input) {
  auto config = bootstrap(environment);
  std::string email = input.option("email").value_or(config.str("ADMIN_EMAIL"));
  if (!core::is_valid_email(accounts::normalise_email(email))) {
    std::cerr << "nico user:create-admin: '" << email << "' is not a valid email\n";
    return 2;
  }
  std::string password = input.option("password").value_or("");
  bool generated = password.empty();
  if (generated) password = core::random_token(16);
  if (auto problem = accounts::password_problem(password, accounts::normalise_email(email)); problem && !generated) {
    std::cerr << "nico user:create-admin: " << *problem << "\n";
    return 2;
  }
  auto database = open_database(config, 2);
  accounts::UserRepository users(*database);
  core::PasswordHashCost cost{static_cast<std::uint64_t>(config.integer("PASSWORD_HASH_OPSLIMIT")),
                              static_cast<std::uint64_t>(config.integer("PASSWORD_HASH_MEMLIMIT_KIB"))};
  accounts::AccountService accounts(users, cost);
  auto admin = accounts.create_or_update_admin(input.option("name").value_or("Admin"), email, password);
  std::cout << "Admin listo: " << admin.email << " (id " << admin.id << ")\n";
  if (generated) std::cout << "Contraseña generada: " << password << "\n";
  return 0;
}

// Text for people, or with --json one object for scripts and monitoring (same facts, stable keys).
int about(const CommandEnvironment& environment, const CommandInput& input) {
  auto config = bootstrap(environment);
  const std::string& connection = config.str("DB_CONNECTION");
  std::string database = connection == "sqlite" ? config.resolve_path(config.str("DB_DATABASE")).string()
                                                : config.str("DB_HOST") + "/" + config.str("DB_DATABASE");
  std::optional<std::size_t> pending;
  std::string database_error;
  try {
    auto connected = open_database(config, 1);
    pending = db::Migrator(*connected).pending().size();
  } catch (const std::exception& e) {
    database_error = e.what();
  }
  if (input.flag("json")) {
    std::string unknown = "[";
    for (const auto& key : config.unknown_keys()) unknown += (unknown.size() > 1 ? "," : "") + core::json_string(key);
    core::JsonObject migrations;
    if (pending) migrations.add("pending", static_cast<long long>(*pending)).add("up_to_date", *pending == 0);
    else migrations.add("error", database_error);
    core::JsonObject json;
    json.add("name", "NicoReparaciones").add("version", core::kAppVersion).add("environment", config.str("APP_ENV"))
        .add("debug", config.debug()).add("url", config.str("APP_URL")).add("base_path", environment.base_path.string())
        .add("configuration", config.origin())
        .add("database", core::JsonObject().add("connection", connection).add("target", database))
        .add("session_driver", config.str("SESSION_DRIVER")).add("cache_store", config.str("CACHE_STORE"))
        .add("queue", config.str("QUEUE_CONNECTION")).add("mail", config.str("MAIL_MAILER"))
        .add("migrations", migrations).add_raw("unknown_env_keys", unknown + "]");
    std::cout << json.str() << "\n";
    return 0;
  }
  std::cout << "NicoReparaciones " << core::kAppVersion << "\n"
            << "  Environment ........ " << config.str("APP_ENV") << "\n"
            << "  Debug .............. " << config.str("APP_DEBUG") << "\n"
            << "  URL ................ " << config.str("APP_URL") << "\n"
            << "  Base path .......... " << environment.base_path.string() << "\n"
            << "  Configuration ...... " << config.origin() << "\n"
            << "  Database ........... " << connection << " (" << database << ")\n"
            << "  Session / cache .... " << config.str("SESSION_DRIVER") << " / " << config.str("CACHE_STORE") << "\n"
            << "  Queue .............. " << config.str("QUEUE_CONNECTION") << "\n"
            << "  Mail ............... " << config.str("MAIL_MAILER") << "\n"
            << "  Migrations ......... "
            << (!pending ? "database unreachable: " + database_error
                         : *pending == 0 ? std::string("up to date") : std::to_string(*pending) + " pending")
            << "\n";
  for (const auto& key : config.unknown_keys()) std::cout << "  Warning: unknown key in .env: " << key << "\n";
  return 0;
}

int optimize(const CommandEnvironment& environment, const CommandInput&) {
  // Validate what .env + environment say now (not a previously frozen file), then freeze it.
  auto config = core::Config::load({environment.base_path, true, false});
  for (const auto& key : config.unknown_keys()) std::cout << "Warning: unknown key in .env: " << key << "\n";
  if (config.str("APP_KEY").empty()) {
    std::cerr << "Configuration error: APP_KEY: is not set (run: nico key:generate)\n";
    return 1;
  }
  auto file = core::Config::frozen_path(environment.base_path);
  config.write_frozen(file);
  std::cout << "Configuration validated and frozen in " << file.string() << " (mode "
            << octal_mode(std::filesystem::status(file).permissions()) << ").\n";
  return 0;
}

int optimize_clear(const CommandEnvironment& environment, const CommandInput&) {
  auto file = core::Config::frozen_path(environment.base_path);
  bool removed = std::filesystem::remove(file);
  std::cout << (removed ? "Frozen configuration removed: .env is read again.\n" : "No frozen configuration to remove.\n");
  return 0;
}

}  // namespace

std::vector<CommandSpec> utility_commands() {
  return {
      {"key:generate",
       "Generate APP_KEY and write it to .env",
       {{"show", "Print a key instead of writing it", false}, {"force", "Replace an existing key", false}},
       {},
       key_generate},
      {"user:create-admin",
       "Create an admin (or promote an existing account)",
       {{"email", "Email (default ADMIN_EMAIL)", true},
        {"name", "First name (default Admin)", true},
        {"password", "Password (generated and printed when omitted)", true}},
       {},
       create_admin},
      {"about", "Show the environment, configuration source and database state",
       {{"json", "Print one JSON object instead of the text", false}}, {}, about},
      {"optimize", "Validate the configuration and freeze it for `serve`", {}, {}, optimize},
      {"optimize:clear", "Remove the frozen configuration", {}, {}, optimize_clear},
  };
}

}  // namespace app
