// Argument parsing for `nico` (the only translation unit that includes CLI11). CLI11 cannot name
// subcommands with ':', so the first argument picks the command here and CLI11 parses only its options.
// The global options (-q, -n, --ansi/--no-ansi, -V, -h) are artisan's: accepted before or after the command name and
// taken out of the arguments before CLI11 sees them, so no command has to declare them.
#include <CLI/CLI.hpp>

#include <cstdio>
#include <iostream>
#include <typeinfo>
#include <unistd.h>

#include "app/command.hpp"
#include "infra/alert_dispatch.hpp"
#include "infra/exception_monitor.hpp"
#include "core/config.hpp"
#include "core/log.hpp"
#include "core/version.hpp"

namespace app {

namespace {

std::filesystem::path env_path(const char* name, const std::filesystem::path& fallback) {
  const char* value = std::getenv(name);
  return value && *value ? std::filesystem::path(value) : fallback;
}

constexpr const char* kGlobalOptionsHelp =
    "Global options (before or after the command name):\n"
    "  -h, --help            Show the help of the command (also: nico help <command>)\n"
    "  -q, --quiet           No progress bars and no non-essential lines: results, errors and one summary\n"
    "  -n, --no-interaction  Never ask a question (no command asks one today)\n"
    "      --ansi            Progress bars even when stdout is not a terminal (e.g. piped into `tee`)\n"
    "      --no-ansi         No escape sequences: no progress bars, no colours\n"
    "  -V, --version         Show the application version\n";

void print_version() { std::cout << "NicoReparaciones " << core::kAppVersion << "\n"; }

void print_command_list() {
  std::cout << "NicoReparaciones " << core::kAppVersion << " — sistema del taller y la tienda\n\n"
            << "Usage:\n  nico <command> [options]\n  nico help <command>\n\n" << kGlobalOptionsHelp
            << "\nAvailable commands:\n";
  std::cout << "  " << std::string("help").append(18, ' ') << "Show the help of a command\n"
            << "  " << std::string("list").append(18, ' ') << "List the commands\n";
  for (const auto& spec : command_registry()) {
    std::string padded = spec.name;
    padded.resize(std::max<std::size_t>(padded.size() + 2, 22), ' ');
    std::cout << "  " << padded << spec.summary << "\n";
  }
}

const CommandSpec* find_command(const std::string& name) {
  for (const auto& spec : command_registry()) {
    if (spec.name == name) return &spec;
  }
  return nullptr;
}

struct GlobalOptions {
  bool quiet = false;
  bool no_interaction = false;
  bool no_ansi = false;
  bool ansi = false;
  bool version = false;
  bool help = false;
};

// Takes the global options out of argv[1..] (up to a "--", after which everything is a positional argument).
// Returns the remaining arguments; the first of them, if any, names the command.
std::vector<std::string> take_global_options(int argc, char** argv, GlobalOptions& global) {
  std::vector<std::string> rest;
  bool options_end = false;
  for (int i = 1; i < argc; ++i) {
    std::string arg = argv[i];
    if (!options_end) {
      if (arg == "--") options_end = true;
      else if (arg == "-q" || arg == "--quiet") { global.quiet = true; continue; }
      else if (arg == "-n" || arg == "--no-interaction") { global.no_interaction = true; continue; }
      else if (arg == "--no-ansi") { global.no_ansi = true; continue; }
      else if (arg == "--ansi") { global.ansi = true; continue; }
      else if (arg == "-V" || arg == "--version") { global.version = true; continue; }
      else if (arg == "-h" || arg == "--help") { global.help = true; continue; }
    }
    rest.push_back(std::move(arg));
  }
  return rest;
}

}  // namespace

int run_cli(int argc, char** argv) {
  GlobalOptions global;
  std::vector<std::string> args = take_global_options(argc, argv, global);
  if (global.version) {
    print_version();
    return 0;
  }
  // `nico help <command>` is `nico <command> --help`; plain `nico help` and `nico list` list the commands.
  if (!args.empty() && args[0] == "help") {
    args.erase(args.begin());
    global.help = !args.empty();
  }
  if (args.empty() || args[0] == "list" || args[0] == "help") {
    print_command_list();
    return 0;
  }
  std::string name = args[0];
  const CommandSpec* spec = find_command(name);
  if (!spec) {
    std::cerr << "Command \"" << name << "\" is not defined. Run `nico list` to list commands.\n";
    return 2;
  }

  CLI::App parser(spec->summary, "nico " + spec->name);
  parser.set_help_flag();  // -h/--help is global (listed in the footer)
  parser.footer(kGlobalOptionsHelp);
  CommandInput input;
  std::map<std::string, std::string> values;
  std::map<std::string, bool> flags;
  std::vector<std::string> positionals(spec->positionals.size());
  for (const auto& option : spec->options) {
    if (option.takes_value) parser.add_option("--" + option.name, values[option.name], option.help);
    else parser.add_flag("--" + option.name, flags[option.name], option.help);
  }
  for (std::size_t i = 0; i < spec->positionals.size(); ++i) {
    auto* added = parser.add_option(spec->positionals[i].name, positionals[i], spec->positionals[i].help);
    if (spec->positionals[i].required) added->required();
  }
  if (global.help) {
    std::cout << parser.help();
    return 0;
  }
  // CLI11 reads its argv[0] as the program name: the command name plays that part.
  std::vector<char*> command_argv;
  for (auto& arg : args) command_argv.push_back(arg.data());
  try {
    parser.parse(static_cast<int>(command_argv.size()), command_argv.data());
  } catch (const CLI::ParseError& e) {
    std::cerr << "nico " << spec->name << ": " << e.what() << " (see `nico " << spec->name << " --help`)\n";
    return 2;
  }
  for (const auto& option : spec->options) {
    if (option.takes_value && parser.get_option("--" + option.name)->count() > 0)
      input.values[option.name] = values[option.name];
    if (!option.takes_value && flags[option.name]) input.flags.insert(option.name);
  }
  for (std::size_t i = 0; i < spec->positionals.size(); ++i) {
    if (parser.get_option(spec->positionals[i].name)->count() > 0) input.positionals.push_back(positionals[i]);
  }

  CommandEnvironment environment;
  environment.base_path = env_path("NICO_BASE_PATH", std::filesystem::current_path());
  environment.resource_path = env_path("NICO_RESOURCE_PATH", environment.base_path);
  environment.quiet = global.quiet;
  environment.ansi = !global.no_ansi;
  environment.terminal = (isatty(STDOUT_FILENO) != 0 || global.ansi) && !global.quiet && !global.no_ansi;
  environment.interactive = !global.no_interaction && isatty(STDIN_FILENO) != 0;
  try {
    return spec->run(environment, input);
  } catch (const core::ConfigError& e) {
    std::cerr << "Configuration error: " << e.what() << "\n";
    return 1;
  } catch (const std::exception& e) {
    std::cerr << "nico " << spec->name << " failed: " << e.what() << "\n";
    core::log::error("command failed: " + spec->name, {{"error", e.what()}});
    // Best effort: configuration trouble here must not hide the error already printed and logged.
    try {
      auto config = core::Config::load({environment.base_path, true, true});
      infra::report_failure(config, infra::demangle(typeid(e).name()), e.what(), "nico " + spec->name);
    } catch (const std::exception&) {
    }
    return 1;
  }
}

}  // namespace app
