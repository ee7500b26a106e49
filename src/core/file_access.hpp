// Permission errors an operator can act on. "manifest.json: missing" or "No snapshots found" for a folder the
// service user may not read sends them looking for a lost backup; this says which path, which permission and for
// which user ("Permission denied reading /srv/backups/backup_x/manifest.json (need read permission as user nico)").
#pragma once

#include <filesystem>
#include <optional>
#include <string>
#include <string_view>
#include <system_error>

namespace core {

enum class Access { kRead, kWrite, kList };  // a file's bytes, creating/replacing inside a folder, a folder's entries

// Why this process cannot `access` `path`, or nullopt when it can (or when the reason is not permissions: a missing
// file stays the caller's "not found"). Checked with the effective user, as the open will be: the first folder on
// the way that cannot be searched is named, else the path itself.
std::optional<std::string> permission_problem(const std::filesystem::path& path, Access access);

// EACCES / EPERM.
bool is_permission_error(const std::error_code& error);
bool is_permission_error(int error_number);

// The name of the effective user ("nico", or "uid 998" when it has no name).
std::string effective_user_name();

}  // namespace core
