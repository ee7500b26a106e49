// The command registry: the one list of everything `nico` can do. Ops, queue and scheduler commands join here.
#include "app/command.hpp"

namespace app {

// Declared here rather than in command.hpp, which every command file includes (src/app/commands/alerts.cpp).
std::vector<CommandSpec> alerts_commands();  // ops:digest, reports:kpi

std::optional<std::string> CommandInput::option(const std::string& name) const {
  auto it = values.find(name);
  if (it == values.end()) return std::nullopt;
  return it->second;
}

const std::vector<CommandSpec>& command_registry() {
  static const std::vector<CommandSpec> kCommands = [] {
    std::vector<CommandSpec> all;
    for (auto part : {server_commands(), database_commands(), portability_commands(), utility_commands(),
                      cache_commands(), ops_commands(), mail_commands(), backup_commands(), queue_commands(), schedule_commands(), bench_commands(),
                      audit_commands(), alerts_commands()})
      all.insert(all.end(), part.begin(), part.end());
    return all;
  }();
  return kCommands;
}

}  // namespace app
