// Which public/js files a page loads: app.js everywhere, each area's script only on that area's pages.
#pragma once

#include <string>
#include <string_view>
#include <vector>

namespace web {

// The subset of `script_urls` (fingerprinted "/js/<name>.js?v=…", app.js first) that the page at `path` loads,
// in the same order. An empty path (an error page before a request exists, or a print view that skips the
// layout) gets only the scripts every page loads. A file missing from the area table is loaded everywhere, so a
// new script is never silently dropped.
std::vector<std::string> scripts_for_path(const std::vector<std::string>& script_urls, std::string_view path);

}  // namespace web
