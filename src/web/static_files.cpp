// Static file serving helpers (see static_files.hpp).
#include "web/static_files.hpp"

#include <sys/stat.h>

#include <algorithm>
#include <ctime>
#include <fstream>
#include <sstream>

#include "core/crypto.hpp"
#include "http/validators.hpp"

namespace web {

std::optional<std::filesystem::path> resolve_static(const std::filesystem::path& root, std::string_view url_path) {
  if (url_path.empty() || url_path.front() != '/' || url_path.size() > 512) return std::nullopt;
  // Reject traversal and hidden files outright instead of trusting normalisation.
  if (url_path.find("..") != std::string_view::npos || url_path.find("/.") != std::string_view::npos ||
      url_path.find('\\') != std::string_view::npos || url_path.find('\0') != std::string_view::npos)
    return std::nullopt;
  std::filesystem::path file = root / std::filesystem::path(url_path.substr(1));
  std::error_code ec;
  if (!std::filesystem::is_regular_file(file, ec)) return std::nullopt;
  return file;
}

std::string_view mime_type_for(const std::filesystem::path& file) {
  std::string ext = file.extension().string();
  if (ext == ".css") return "text/css; charset=UTF-8";
  if (ext == ".js" || ext == ".mjs") return "text/javascript; charset=UTF-8";
  if (ext == ".svg") return "image/svg+xml";
  if (ext == ".png") return "image/png";
  if (ext == ".jpg" || ext == ".jpeg") return "image/jpeg";
  if (ext == ".webp") return "image/webp";
  if (ext == ".gif") return "image/gif";
  if (ext == ".ico") return "image/x-icon";
  if (ext == ".json" || ext == ".webmanifest") return "application/json";
  if (ext == ".txt") return "text/plain; charset=UTF-8";
  if (ext == ".woff2") return "font/woff2";
  return "application/octet-stream";
}

http::Response static_file_response(const std::filesystem::path& file, bool fingerprinted,
                                    const http::Request& request) {
  http::Response response;
  response.set_header("Cache-Control", fingerprinted ? "public, max-age=31536000, immutable" : "public, max-age=3600");
  if (struct stat info {}; ::stat(file.c_str(), &info) == 0) {
    auto validators = http::file_validators(static_cast<std::uintmax_t>(info.st_size),
                                            std::int64_t{info.st_mtim.tv_sec} * 1'000'000'000 + info.st_mtim.tv_nsec);
    // A file stamped in the future (copied from a machine whose clock ran ahead) must not claim so (RFC 9110
    // §8.8.2.1: then the date is now's). Its real time stays in modified_seconds, so that date never earns a 304.
    if (const std::int64_t now = std::time(nullptr); validators.modified_seconds > now)
      validators.last_modified = http::http_date(now);
    response.set_header("ETag", validators.etag);
    response.set_header("Last-Modified", validators.last_modified);
    if (http::is_not_modified(request, validators)) {
      response.status = 304;  // the client's copy is this file: headers only
      return response;
    }
  }
  response.file_path = file.string();
  response.set_header("Content-Type", std::string(mime_type_for(file)));
  return response;
}

std::string fingerprinted_url(const std::filesystem::path& root, std::string_view url_path) {
  std::ifstream in(root / std::filesystem::path(url_path.substr(1)), std::ios::binary);
  std::ostringstream content;
  content << in.rdbuf();
  return std::string(url_path) + "?v=" + core::sha256_hex(content.str()).substr(0, 10);
}

std::vector<std::string> fingerprinted_urls(const std::filesystem::path& root, std::string_view folder,
                                            std::string_view extension) {
  std::vector<std::string> names;
  std::error_code error;
  for (const auto& entry : std::filesystem::directory_iterator(root / folder, error)) {
    if (entry.is_regular_file() && entry.path().extension() == extension) names.push_back(entry.path().filename());
  }
  const std::string first = "app" + std::string(extension);
  std::sort(names.begin(), names.end(), [&](const std::string& a, const std::string& b) {
    if ((a == first) != (b == first)) return a == first;
    return a < b;
  });
  std::vector<std::string> urls;
  for (const auto& name : names) urls.push_back(fingerprinted_url(root, "/" + std::string(folder) + "/" + name));
  return urls;
}

}  // namespace web
