// ops commands (being written; registered in src/app/commands.cpp).
#include "app/command.hpp"

namespace app {

std::vector<CommandSpec> ops_commands() { return {}; }

}  // namespace app
