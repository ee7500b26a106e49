// Audit commands: audit:verify walks the audit hash chain (src/domain/audit/audit_chain.hpp).
#include <iostream>

#include "app/application.hpp"
#include "app/command.hpp"
#include "db/database.hpp"
#include "domain/audit/audit_chain.hpp"

namespace app {

namespace {

// Exit 0 when the chain is intact, 1 naming the first broken entry (or when the chain is not installed yet).
int audit_verify(const CommandEnvironment& environment, const CommandInput&) {
  auto config = bootstrap(environment);
  auto database = open_database(config, 1);
  if (!audit::chain_installed(*database)) {
    std::cerr << "Audit chain not installed: run `nico migrate` first.\n";
    return 1;
  }
  auto result = audit::verify_chain(*database);
  if (!result.intact) {
    std::cout << "Audit chain BROKEN";
    if (result.broken_id) std::cout << " at entry #" << *result.broken_id;
    std::cout << ".\n" << result.problem << "\n"
              << "Checked " << result.sealed << " sealed entr" << (result.sealed == 1 ? "y" : "ies")
              << " before the break.\n";
    return 1;
  }
  std::cout << "Audit chain intact: " << result.sealed << " sealed entr" << (result.sealed == 1 ? "y" : "ies");
  if (result.legacy > 0) std::cout << " (" << result.legacy << " older entries predate the chain and are not sealed)";
  std::cout << ".\n";
  return 0;
}

}  // namespace

std::vector<CommandSpec> audit_commands() {
  return {
      {"audit:verify", "Check the audit log hash chain; exits 1 naming the first edited, deleted or inserted entry",
       {}, {}, audit_verify},
  };
}

}  // namespace app
