// backup commands (being written; registered in src/app/commands.cpp).
#include "app/command.hpp"

namespace app {

std::vector<CommandSpec> backup_commands() { return {}; }

}  // namespace app
