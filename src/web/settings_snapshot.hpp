// The shop's business settings and brand assets as route handlers read them: the process's cached snapshot
// (settings::SettingsCache, refreshed on this process's own writes and after its TTL), so a page that prints the
// shop's phone or address costs no query. Without a cache (unit tests, a Services built by hand) it reads the
// table once; brand assets are then left unresolved (`assets` empty).
#pragma once

#include <memory>

#include "domain/settings/brand_assets.hpp"

namespace web {

struct Services;

std::shared_ptr<const settings::SettingsSnapshot> settings_snapshot(const Services& services);

}  // namespace web
