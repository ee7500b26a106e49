// Where route handlers get the business settings from (see settings_snapshot.hpp).
#include "web/settings_snapshot.hpp"

#include "web/services.hpp"

namespace web {

std::shared_ptr<const settings::SettingsSnapshot> settings_snapshot(const Services& services) {
  if (services.settings_cache) return services.settings_cache->current();
  auto snapshot = std::make_shared<settings::SettingsSnapshot>();
  snapshot->values = settings::BusinessSettings::load(services.database);
  return snapshot;
}

}  // namespace web
