// Argument parsing for `nico` (the only translation unit that includes CLI11). CLI11 cannot name
// subcommands with ':', so the first argument picks the command here and CLI11 parses only its options.
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

namespace app {

namespace {

std::filesystem::path env_path(const char* name, const std::filesystem::path& fallback) {
  const char* value = std::getenv(name);
  return value && *value ? std::filesystem::path(value) : fallback;
}

void print_command_list() {
  std::cout << "NicoReparaciones — sistema del taller y la tienda\n\n"
            << "Usage:\n  nico <command> [options]\n  nico <command> --help\n\nAvailable commands:\n";
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

}  // namespace

int run_cli(int argc, char** argv) {
  if (argc < 2 || std::string(argv[1]) == "list" || std::string(argv[1]) == "--help" || std::string(argv[1]) == "-h") {
    print_command_list();
    return 0;
  }
  std::string name = argv[1];
  const CommandSpec* spec = find_command(name);
  if (!spec) {
    std::cerr << "Command \"" << name << "\" is not defined. Run `nico` to list commands.\n";
    return 2;
  }

  CLI::App parser(spec->summary, "nico " + spec->name);
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
  try {
    parser.parse(argc - 1, argv + 1);
  } catch (const CLI::CallForHelp&) {
    std::cout << parser.help();
    return 0;
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
  environment.terminal = isatty(STDOUT_FILENO) != 0;
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
