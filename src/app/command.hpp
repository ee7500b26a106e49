// The `nico` command model: each command is a record (name, summary, options, positional arguments, run)
// collected in one registry (commands.cpp), parsed by CLI11 in cli.cpp. Exit codes: 0 ok, 1 failure, 2 usage.
#pragma once

#include <filesystem>
#include <functional>
#include <map>
#include <optional>
#include <set>
#include <string>
#include <vector>

namespace app {

struct OptionSpec {
  std::string name;          // without dashes: "force", "only"
  std::string help;
  bool takes_value = false;  // --only=db vs --force
};

struct PositionalSpec {
  std::string name;
  std::string help;
  bool required = false;
};

struct CommandInput {
  std::map<std::string, std::string> values;  // options with a value
  std::set<std::string> flags;                // options without a value that were given
  std::vector<std::string> positionals;

  bool flag(const std::string& name) const { return flags.count(name) > 0; }
  std::optional<std::string> option(const std::string& name) const;
};

// What the command line and the process around it allow (global options parsed in cli.cpp).
struct CommandEnvironment {
  std::filesystem::path base_path;      // .env, storage/
  std::filesystem::path resource_path;  // templates/, public/
  bool terminal = false;                // redrawn progress bars allowed: stdout is a TTY and neither -q nor --no-ansi
  bool quiet = false;                   // -q/--quiet: skip non-essential lines (keep results, errors, one summary)
  // False with -n/--no-interaction or when stdin is not a TTY. No command prompts today; one that ever does must
  // ask only when this is true and otherwise take its default (or refuse and name the flag to pass).
  bool interactive = false;
  bool ansi = true;                     // --no-ansi: no escape sequences (colours, cursor movement)
};

struct CommandSpec {
  std::string name;
  std::string summary;
  std::vector<OptionSpec> options;
  std::vector<PositionalSpec> positionals;
  std::function<int(const CommandEnvironment&, const CommandInput&)> run;
};

// Every command, in the order `nico` lists them.
const std::vector<CommandSpec>& command_registry();

// Contributions per area (each defined next to its commands).
std::vector<CommandSpec> server_commands();
std::vector<CommandSpec> database_commands();
std::vector<CommandSpec> portability_commands();   // db:export, db:import
std::vector<CommandSpec> utility_commands();
std::vector<CommandSpec> cache_commands();         // cache:clear
std::vector<CommandSpec> ops_commands();          // ops:health-check, ops:alert-test, down, up
std::vector<CommandSpec> mail_commands();         // ops:mail-test
std::vector<CommandSpec> backup_commands();       // ops:backup, ops:backup:verify, ops:restore
std::vector<CommandSpec> queue_commands();        // queue:work, queue:failed, queue:retry, queue:flush
std::vector<CommandSpec> schedule_commands();     // schedule:run, schedule:work, schedule:list
std::vector<CommandSpec> bench_commands();        // bench:seed
std::vector<CommandSpec> audit_commands();        // audit:verify

// Runs `nico` with argv; returns the process exit code.
int run_cli(int argc, char** argv);

}  // namespace app
