// Operations commands: ops:health-check, down, up (ops:alert-test joins with the alert pipeline).
#include <iostream>

#include "app/application.hpp"
#include "app/command.hpp"
#include "core/clock.hpp"
#include "ops/health_check.hpp"
#include "ops/maintenance.hpp"

namespace app {

namespace {

int health_check(const CommandEnvironment& environment, const CommandInput& input) {
  auto config = bootstrap(environment);
  ops::HealthCheckOptions options;
  options.assume_production = input.flag("assume-production");
  auto report = ops::run_health_check(config, options);
  std::cout << (input.flag("json") ? ops::render_json(report) : ops::render_table(report));
  return report.exit_code(input.flag("strict"));
}

int down(const CommandEnvironment& environment, const CommandInput& input) {
  auto config = bootstrap(environment);
  ops::MaintenanceState state;
  state.created_at = core::unix_now();
  state.render = input.option("render").value_or("errors::503");
  if (state.render != "errors::503") {
    std::cerr << "nico down: only --render=errors::503 is available\n";
    return 2;
  }
  state.secret = input.option("secret").value_or("");
  if (!state.secret.empty() && (state.secret.find('/') != std::string::npos || state.secret.size() < 8)) {
    std::cerr << "nico down: --secret must have at least 8 characters and no '/'\n";
    return 2;
  }
  if (auto retry = input.option("retry")) {
    try {
      std::size_t used = 0;
      state.retry_seconds = std::stoi(*retry, &used);
      if (used != retry->size() || state.retry_seconds < 0) throw std::invalid_argument("retry");
    } catch (const std::exception&) {
      std::cerr << "nico down: --retry must be a whole number of seconds\n";
      return 2;
    }
  }
  ops::enter_maintenance(config.base_path(), state);
  std::cout << "Application is now in maintenance mode.\n";
  if (!state.secret.empty())
    std::cout << "Bypass: open " << config.str("APP_URL") << "/" << state.secret << " once to browse normally.\n";
  return 0;
}

int up(const CommandEnvironment& environment, const CommandInput&) {
  auto config = bootstrap(environment);
  std::cout << (ops::leave_maintenance(config.base_path()) ? "Application is now live.\n"
                                                           : "Application is already up.\n");
  return 0;
}

}  // namespace

std::vector<CommandSpec> ops_commands() {
  return {
      {"ops:health-check",
       "Run operational checks for production readiness",
       {{"strict", "Fail on warnings too", false},
        {"json", "Print the rows as JSON", false},
        {"assume-production", "Judge the configuration as if APP_ENV=production", false}},
       {},
       health_check},
      {"down",
       "Put the application in maintenance mode",
       {{"render", "View to show (errors::503)", true},
        {"secret", "Bypass token: visiting /<secret> lets that browser in", true},
        {"retry", "Seconds announced in the Retry-After header", true}},
       {},
       down},
      {"up", "Bring the application out of maintenance mode", {}, {}, up},
  };
}

}  // namespace app
