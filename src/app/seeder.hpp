// Default data for a fresh install (docs/domain/store.md "Seed data"), idempotent: running it twice changes nothing.
//   - the first admin (ADMIN_EMAIL; ADMIN_PASSWORD or a generated one, printed once). A weak ADMIN_PASSWORD (the
//     sign-up rules, accounts::password_problem) throws core::ConfigError before anything is written.
//   - business settings, device catalog (types, brands, models, issues), repair types, pricing rules
//   - with --demo: the demo store catalog (3 categories, 6 products)
#pragma once

#include <string>
#include <vector>

namespace core {
class Config;
}
namespace db {
class Database;
}

namespace app {

struct SeedReport {
  std::vector<std::string> lines;  // human-readable summary, printed by `nico db:seed`
};

class Seeder final {
 public:
  Seeder(db::Database& database, const core::Config& config) : database_(database), config_(config) {}
  SeedReport run(bool demo);

 private:
  db::Database& database_;
  const core::Config& config_;
};

}  // namespace app
