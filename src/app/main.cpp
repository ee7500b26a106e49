// Entry point of the single `nico` executable: every capability is a command (see src/app/commands.cpp).
#include "app/command.hpp"

int main(int argc, char** argv) { return app::run_cli(argc, argv); }
