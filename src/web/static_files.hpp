// Static files under public/: safe path resolution, MIME types and caching headers.
#pragma once

#include <filesystem>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "http/message.hpp"

namespace web {

// The file for a URL path, or nullopt (missing, a directory, or a path that tries to leave the root).
std::optional<std::filesystem::path> resolve_static(const std::filesystem::path& root, std::string_view url_path);
std::string_view mime_type_for(const std::filesystem::path& file);
// A response streaming the file. Fingerprinted URLs (?v=…) are cached for a year, others for an hour; every answer
// carries an ETag and Last-Modified, and a request whose If-None-Match / If-Modified-Since already names this file
// gets a 304 without the body (http/validators.hpp).
http::Response static_file_response(const std::filesystem::path& file, bool fingerprinted,
                                    const http::Request& request);
// "/css/app.css?v=<first 10 hex of sha256>": changes whenever the file does.
std::string fingerprinted_url(const std::filesystem::path& root, std::string_view url_path);
// Fingerprinted URLs of every `extension` file in root/folder: "app<extension>" first, the rest by name.
std::vector<std::string> fingerprinted_urls(const std::filesystem::path& root, std::string_view folder,
                                            std::string_view extension);

}  // namespace web
