// URL-encoded and multipart/form-data decoding, each bounded by FormLimits (see form.hpp).
#include "http/form.hpp"

#include "core/strings.hpp"
#include "core/url.hpp"

namespace http {

namespace {
// Value of a `name="value"` parameter inside a header such as Content-Disposition.
std::string header_parameter(std::string_view header, std::string_view name) {
  std::string lowered = core::to_lower(header);
  std::string needle = std::string(name) + "=";
  std::size_t pos = 0;
  while ((pos = lowered.find(needle, pos)) != std::string::npos) {
    // Must start a parameter: preceded by ';' or whitespace.
    if (pos > 0 && lowered[pos - 1] != ';' && lowered[pos - 1] != ' ' && lowered[pos - 1] != '\t') {
      pos += needle.size();
      continue;
    }
    std::size_t start = pos + needle.size();
    if (start < header.size() && header[start] == '"') {
      std::size_t end = header.find('"', start + 1);
      if (end == std::string_view::npos) return {};
      return std::string(header.substr(start + 1, end - start - 1));
    }
    std::size_t end = header.find(';', start);
    return core::trim(header.substr(start, end == std::string_view::npos ? std::string_view::npos : end - start));
  }
  return {};
}
}  // namespace

std::optional<std::string> FormData::get(std::string_view name) const {
  for (const auto& [key, value] : fields_) {
    if (key == name) return value;
  }
  return std::nullopt;
}

std::string FormData::value(std::string_view name) const { return get(name).value_or(std::string()); }

std::vector<std::string> FormData::all(std::string_view name) const {
  std::vector<std::string> values;
  std::string prefix = std::string(name) + "[";
  for (const auto& [key, value] : fields_) {
    if (key == name || (key.rfind(prefix, 0) == 0 && key.back() == ']')) values.push_back(value);
  }
  return values;
}

bool FormData::has(std::string_view name) const { return get(name).has_value(); }

void FormData::add(std::string name, std::string value) { fields_.emplace_back(std::move(name), std::move(value)); }

FormStatus parse_urlencoded(std::string_view text, FormData& out, const FormLimits& limits) {
  std::size_t pos = 0;
  std::size_t pieces = 0;
  while (pos < text.size()) {
    std::size_t end = text.find('&', pos);
    if (end == std::string_view::npos) end = text.size();
    std::string_view pair = text.substr(pos, end - pos);
    pos = end + 1;
    if (pair.empty()) continue;
    // Counted before anything is decoded or stored: "a=&a=&…" must not grow a vector of millions.
    if (++pieces > limits.max_fields) return FormStatus::kTooManyFields;
    // A percent escape shrinks three bytes to one, so a raw piece over three times the limit is too large
    // without decoding it.
    if (pair.size() / 3 > limits.max_field_bytes) return FormStatus::kFieldTooLarge;
    std::size_t eq = pair.find('=');
    std::string key = core::url_decode(pair.substr(0, eq));
    std::string value = eq == std::string_view::npos ? std::string() : core::url_decode(pair.substr(eq + 1));
    if (key.size() + value.size() > limits.max_field_bytes) return FormStatus::kFieldTooLarge;
    if (!key.empty()) out.add(std::move(key), std::move(value));
  }
  return FormStatus::kOk;
}

std::string build_urlencoded(const std::vector<std::pair<std::string, std::string>>& pairs) {
  std::string out;
  for (const auto& [key, value] : pairs) {
    if (!out.empty()) out.push_back('&');
    out += core::url_encode(key);
    out.push_back('=');
    out += core::url_encode(value);
  }
  return out;
}

FormStatus parse_multipart(std::string_view content_type, std::string_view body, FormData& out,
                           const FormLimits& limits) {
  // Part headers are a Content-Disposition and a Content-Type: anything longer is not a browser's.
  constexpr std::size_t kMaxPartHeaderBytes = 8 * 1024;
  std::string boundary = header_parameter(content_type, "boundary");
  if (boundary.empty() || boundary.size() > 200) return FormStatus::kMalformed;
  const std::string delimiter = "--" + boundary;
  const std::string separator = "\r\n" + delimiter;

  std::size_t pos = body.find(delimiter);
  if (pos == std::string_view::npos) return FormStatus::kMalformed;
  pos += delimiter.size();
  std::size_t parts = 0;
  for (;;) {
    if (body.substr(pos, 2) == "--") return FormStatus::kOk;  // closing delimiter
    if (body.substr(pos, 2) != "\r\n") return FormStatus::kMalformed;
    pos += 2;
    if (++parts > limits.max_fields) return FormStatus::kTooManyFields;
    std::size_t headers_end = body.find("\r\n\r\n", pos);
    if (headers_end == std::string_view::npos) return FormStatus::kMalformed;
    if (headers_end - pos > kMaxPartHeaderBytes) return FormStatus::kMalformed;
    std::string_view headers = body.substr(pos, headers_end - pos);
    std::size_t content_start = headers_end + 4;
    std::size_t next = body.find(separator, content_start);
    if (next == std::string_view::npos) return FormStatus::kMalformed;
    std::string_view content = body.substr(content_start, next - content_start);

    std::string disposition, part_type;
    std::size_t line_start = 0;
    while (line_start <= headers.size()) {
      std::size_t line_end = headers.find("\r\n", line_start);
      if (line_end == std::string_view::npos) line_end = headers.size();
      std::string_view line = headers.substr(line_start, line_end - line_start);
      std::size_t colon = line.find(':');
      if (colon != std::string_view::npos) {
        std::string name = core::to_lower(core::trim(line.substr(0, colon)));
        std::string value = core::trim(line.substr(colon + 1));
        if (name == "content-disposition") disposition = value;
        else if (name == "content-type") part_type = value;
      }
      line_start = line_end + 2;
    }
    std::string field = header_parameter(disposition, "name");
    if (!field.empty()) {
      if (disposition.find("filename=") != std::string::npos) {
        std::string filename = header_parameter(disposition, "filename");
        if (!filename.empty()) {
          if (out.files.size() >= limits.max_files) return FormStatus::kTooManyFields;
          if (content.size() > limits.max_file_bytes) return FormStatus::kFieldTooLarge;
          out.files.push_back({field, filename, part_type, std::string(content)});
        }
      } else {
        if (field.size() + content.size() > limits.max_field_bytes) return FormStatus::kFieldTooLarge;
        out.add(field, std::string(content));
      }
    }
    pos = next + separator.size();
  }
}

}  // namespace http
