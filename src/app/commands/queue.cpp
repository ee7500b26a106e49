// queue commands (being written; registered in src/app/commands.cpp).
#include "app/command.hpp"

namespace app {

std::vector<CommandSpec> queue_commands() { return {}; }

}  // namespace app
