// Decoding of request parameters: query strings and application/x-www-form-urlencoded bodies, multipart
// bodies (fields + uploaded files), and PHP-style array names (`ids[]`, `templates[received]`) kept verbatim
// as keys so handlers can ask for them by name.
#pragma once

#include <map>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace http {

struct UploadedFile {
  std::string field;         // form field name
  std::string filename;      // as sent by the browser (untrusted)
  std::string content_type;  // as sent by the browser (untrusted)
  std::string content;       // the bytes
};

class FormData final {
 public:
  // First value for `name`, or nullopt.
  std::optional<std::string> get(std::string_view name) const;
  // First value or "" (for text inputs where absent and empty mean the same).
  std::string value(std::string_view name) const;
  // Every value for `name` in order (`ids[]` repeated, or `ids[0]`, `ids[1]` … when asked for "ids").
  std::vector<std::string> all(std::string_view name) const;
  bool has(std::string_view name) const;
  void add(std::string name, std::string value);
  const std::vector<std::pair<std::string, std::string>>& fields() const { return fields_; }

  std::vector<UploadedFile> files;

 private:
  std::vector<std::pair<std::string, std::string>> fields_;
};

std::string url_decode(std::string_view text, bool plus_as_space = true);
std::string url_encode(std::string_view text);

// Parses "a=1&b=x%20y". Malformed pieces are kept as best-effort values, never an error.
void parse_urlencoded(std::string_view text, FormData& out);

// Parses a multipart/form-data body. Returns false when the body is malformed (missing boundary, truncated).
bool parse_multipart(std::string_view content_type, std::string_view body, FormData& out);

// Builds "a=1&b=x%20y" from pairs (used for the session payload and redirects that keep a query string).
std::string build_urlencoded(const std::vector<std::pair<std::string, std::string>>& pairs);

}  // namespace http
