// The application's version: shown by `nico about`, recorded in backup manifests, sent as the Sentry release and
// in outbound User-Agent headers. Bump it with each release.
#pragma once

namespace core {

inline constexpr const char* kAppVersion = "1.0.0";

}  // namespace core
