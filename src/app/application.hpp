// Wiring: the one place that builds the object graph, in order
//   config → log → database pool → repositories → services → router → kernel → server.
// Nothing else constructs its own dependencies; tests build the same graph on a temporary SQLite file.
#pragma once

#include <filesystem>
#include <memory>

#include "core/config.hpp"

namespace db {
class Database;
}

namespace app {

struct CommandEnvironment;

// Loads the configuration for a command (frozen file when present) and sets up logging and the time zone.
core::Config bootstrap(const CommandEnvironment& environment, bool log_to_stderr_too = false);

// Opens the database pool described by the configuration.
// The configured database. A missing SQLite file is refused (naming the path) unless `create_if_missing`: only the
// commands that build the schema (migrate, migrate:fresh, db:wipe) create it.
std::unique_ptr<db::Database> open_database(const core::Config& config, std::size_t pool_size,
                                            bool create_if_missing = false);

class WebApplication final {
 public:
  WebApplication(const core::Config& config, const std::filesystem::path& resource_path);
  ~WebApplication();
  // Serves until SIGTERM/SIGINT. `on_listening` receives the bound port (tests ask for port 0).
  void serve(const std::string& host, int port, int workers);

 private:
  struct Parts;
  std::unique_ptr<Parts> parts_;
};

}  // namespace app
