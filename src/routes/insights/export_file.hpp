// CSV downloads as files: every export (orders, repairs, products, warranty incidents) writes its rows to a file
// under storage/app/exports as it fetches them, and the response hands that file to the HTTP layer, which streams
// it from disk like a static file — neither the query result nor the CSV is held in memory. The server opens the
// file after the handler returns, so it cannot be deleted here: each new export first removes the exports older
// than 15 minutes (Linux keeps a file that is being sent readable after unlinking, so a download in flight is not
// cut). Blocking (file I/O): worker threads only.
#pragma once

#include <cstdint>
#include <filesystem>
#include <string>
#include <string_view>

#include "http/message.hpp"

namespace web {
class Context;
}

namespace routes {

// A fresh, not yet created path "<prefix>-<random>.csv" in the exports folder (created when missing), after
// removing old exports.
std::filesystem::path new_export_file(const web::Context& context, std::string_view prefix);

// 200 with `file` as the body, downloaded as "<download_name>.csv"; X-Export-Rows tells scripts the row count.
http::Response csv_download(const std::filesystem::path& file, const std::string& download_name, std::int64_t rows);

}  // namespace routes
