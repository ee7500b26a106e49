// `nico serve`: the HTTP server.
#include <iostream>

#include "app/application.hpp"
#include "app/command.hpp"
#include "app/worker_threads.hpp"

namespace app {

namespace {
int parse_port(const std::string& text) {
  std::size_t used = 0;
  int port = std::stoi(text, &used);
  if (used != text.size() || port < 0 || port > 65535) throw std::invalid_argument("bad port");
  return port;
}

int serve(const CommandEnvironment& environment, const CommandInput& input) {
  core::Config config = bootstrap(environment, /*log_to_stderr_too=*/environment.terminal);
  std::string host = input.option("host").value_or(config.str("SERVER_HOST"));
  int port = static_cast<int>(config.integer("SERVER_PORT"));
  int workers = static_cast<int>(config.integer("SERVER_WORKERS"));
  try {
    if (auto value = input.option("port")) port = parse_port(*value);
    if (auto value = input.option("workers")) workers = std::stoi(*value);
  } catch (const std::exception&) {
    std::cerr << "nico serve: --port must be 0-65535 and --workers a number (0 picks it)\n";
    return 2;
  }
  if (workers < 0 || workers > 256) {
    std::cerr << "nico serve: --workers must be between 0 (picked from the database and the cores) and 256\n";
    return 2;
  }
  if (workers == 0) workers = default_worker_threads(config.str("DB_CONNECTION"), usable_cores());
  WebApplication application(config, environment.resource_path);
  application.serve(host, port, workers);
  return 0;
}
}  // namespace

std::vector<CommandSpec> server_commands() {
  return {{"serve",
           "Serve the application over HTTP",
           {{"host", "Address to listen on (default SERVER_HOST)", true},
            {"port", "Port to listen on; 0 picks a free one (default SERVER_PORT)", true},
            {"workers", "Worker threads for requests; 0 picks them (default SERVER_WORKERS)", true}},
           {},
           serve}};
}

}  // namespace app
