// Decoding of request parameters: query strings and application/x-www-form-urlencoded bodies, multipart
// bodies (fields + uploaded files), and PHP-style array names (`ids[]`, `templates[received]`) kept verbatim
// as keys so handlers can ask for them by name. Both parsers take limits (field count, field size, file size)
// and stop at the first field past them, so hostile input is refused before memory grows with it.
#pragma once

#include <map>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "core/url.hpp"

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

// Bounds for one parse. The defaults suit anything a browser sends to this application: the largest real form
// (a WhatsApp template set, a product) has a few dozen fields of a few KiB. Sizes are decoded bytes.
struct FormLimits {
  std::size_t max_fields = 1000;             // name=value pairs plus files
  std::size_t max_field_bytes = 64 * 1024;   // name + value of one text field
  std::size_t max_files = 20;                // uploaded files in one multipart body
  std::size_t max_file_bytes = static_cast<std::size_t>(-1);  // one file (the route's body limit already caps it)
};

// What a parse found. Fields before the offending one stay in `out`; nothing after it is read.
// The kernel answers kTooManyFields / kFieldTooLarge with 413 and kMalformed with 400.
enum class FormStatus { kOk, kTooManyFields, kFieldTooLarge, kMalformed };

// Percent-encoding lives in core/url.hpp (lower layers need it too); re-exported so form code and handlers
// keep writing http::url_encode / http::url_decode.
using core::url_decode;
using core::url_encode;

// Parses "a=1&b=x%20y". Malformed percent escapes are kept as best-effort values, never an error; empty pieces
// ("&&") are skipped without counting.
FormStatus parse_urlencoded(std::string_view text, FormData& out, const FormLimits& limits = {});

// Parses a multipart/form-data body: kMalformed when the boundary is missing or the body is truncated.
FormStatus parse_multipart(std::string_view content_type, std::string_view body, FormData& out,
                           const FormLimits& limits = {});

// Builds "a=1&b=x%20y" from pairs (used for the session payload and redirects that keep a query string).
std::string build_urlencoded(const std::vector<std::pair<std::string, std::string>>& pairs);

}  // namespace http
