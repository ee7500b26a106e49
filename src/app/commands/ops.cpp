// Operations commands: ops:health-check, ops:alert-test, down, up.
#include <chrono>
#include <iostream>

#include "app/application.hpp"
#include "app/command.hpp"
#include "core/clock.hpp"
#include "core/config.hpp"
#include "core/strings.hpp"
#include "infra/alerts.hpp"
#include "ops/health_check.hpp"
#include "db/database.hpp"
#include "ops/maintenance.hpp"
#include "ops/maintenance_store.hpp"

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

std::int64_t unix_now_ms() {
  return std::chrono::duration_cast<std::chrono::milliseconds>(std::chrono::system_clock::now().time_since_epoch())
      .count();
}

// Writes the database half of maintenance mode; on failure prints why and returns false.
bool write_database_flag(const core::Config& config, const std::optional<ops::MaintenanceState>& state,
                         std::int64_t changed_ms) {
  try {
    auto database = open_database(config, 1);
    ops::write_database_maintenance(*database, state, changed_ms);
    return true;
  } catch (const std::exception& e) {
    std::cerr << "Could not write the maintenance flag to the database: " << e.what() << "\n";
    return false;
  }
}

// File first (this node is down at once, even without a database), then the database row every node reads.
// Exit 0 when this node is in maintenance; a database failure is reported on stderr (the other nodes are not).
int down(const CommandEnvironment& environment, const CommandInput& input) {
  auto config = bootstrap(environment);
  ops::MaintenanceState state;
  state.written_ms = unix_now_ms();
  state.created_at = state.written_ms / 1000;
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
  if (write_database_flag(config, state, state.written_ms)) {
    std::cout << "Application is now in maintenance mode (every node sharing the database follows within about a "
                 "second).\n";
  } else {
    std::cout << "Application is now in maintenance mode on this node only: the database part failed (see above), "
                 "so other nodes keep serving. Run `nico down` again once the database answers.\n";
  }
  if (!state.secret.empty())
    std::cout << "Bypass: open " << config.str("APP_URL") << "/" << state.secret << " once to browse normally.\n";
  return 0;
}

// Database row first (every node), then the local file. Exit 1 when the database part failed: the other nodes,
// and this one once it reads the row again, stay in maintenance.
int up(const CommandEnvironment& environment, const CommandInput&) {
  auto config = bootstrap(environment);
  bool was_down_in_database = false, database_written = false;
  try {
    auto database = open_database(config, 1);
    was_down_in_database = ops::read_database_maintenance(*database).down;
    ops::write_database_maintenance(*database, std::nullopt, unix_now_ms());
    database_written = true;
  } catch (const std::exception& e) {
    std::cerr << "Could not clear the maintenance flag in the database: " << e.what() << "\n";
  }
  bool removed_file = ops::leave_maintenance(config.base_path());
  if (!database_written) {
    std::cout << "The local flag file is " << (removed_file ? "removed" : "absent")
              << ", but the database part failed: the cluster stays in maintenance. Run `nico up` again once the "
                 "database answers.\n";
    return 1;
  }
  std::cout << (removed_file || was_down_in_database ? "Application is now live.\n" : "Application is already up.\n");
  return 0;
}

// Sends one synthetic critical alert straight to a channel (no queue, no de-duplication), so an operator sees
// at once whether the log file, the webhook or the stack works.
int alert_test(const CommandEnvironment& environment, const CommandInput& input) {
  auto config = bootstrap(environment);
  std::string channel = core::trim(input.option("channel").value_or(""));
  if (channel.empty()) channel = core::trim(config.str("OPS_ALERTS_CHANNEL"));
  if (channel.empty()) {
    std::cerr << "Alert channel is empty. Configure OPS_ALERTS_CHANNEL.\n";
    return 1;
  }
  if (!infra::AlertChannels::is_known(channel)) {
    std::cerr << "Unknown alert channel `" << channel << "`. Available: ops_alerts, ops_daily, ops_slack.\n";
    return 1;
  }
  std::string message = core::trim(input.option("message").value_or(""));
  if (message.empty()) message = "Synthetic ops alert test from NicoReparaciones.";
  infra::AlertRecord record;
  record.unix_time = core::unix_now();
  record.context = {{"source", "ops:alert-test"}, {"environment", config.str("APP_ENV")}, {"app_url", config.str("APP_URL")}};
  for (const auto& [key, value] : record.context) message = core::replace_all(message, "{" + key + "}", value);
  record.message = message;
  try {
    infra::AlertChannels(config, {}).write(channel, record);
  } catch (const std::exception& e) {
    std::cerr << "Failed to write alert on channel `" << channel << "`: " << e.what() << "\n";
    return 1;
  }
  std::cout << "Alert sent through channel `" << channel << "`.\n";
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
      {"ops:alert-test",
       "Emit a synthetic critical alert to validate monitoring channels",
       {{"message", "Text of the alert", true}, {"channel", "ops_alerts (the stack), ops_daily or ops_slack", true}},
       {},
       alert_test},
  };
}

}  // namespace app
