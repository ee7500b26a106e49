// What happens when a backup, verify or restore fails, besides the exit code: the error-log line in the backup root
// and the ops alert.
#pragma once

#include <filesystem>
#include <string_view>

namespace core {
class Config;
}

namespace ops {

// The single hook through which every backup/verify/restore failure reaches operators: a CRITICAL line in the
// application log and a de-duplicated ops alert ("BackupFailed"). Never throws.
void report_backup_failure(const core::Config& config, std::string_view message);

// Appends "[<ISO-8601 local time>] <snapshot>: <message>" to <root>/backup-error.log (the reference wrote the bare
// message into the failed snapshot folder; ours removes that folder, so the log lives in the root and each line
// says when and which run). Creates the root if needed. Never throws: a failure to log must not hide the original
// error.
void append_backup_error_log(const std::filesystem::path& root, std::string_view snapshot, std::string_view message);

}  // namespace ops
