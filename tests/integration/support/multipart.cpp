// Multipart form posts (see multipart.hpp).
#include "multipart.hpp"

namespace testing_support {

HttpResponse submit_multipart(Browser& browser, const std::string& page, const std::string& action,
                              std::vector<std::pair<std::string, std::string>> fields, const std::vector<FilePart>& files) {
  auto form = browser.get(page);
  fields.insert(fields.begin(), {"_token", csrf_token_in(form.body)});
  const std::string boundary = "----nicoTestBoundary7MA4YWxkTrZu0gW";
  std::string body;
  for (const auto& [name, value] : fields)
    body += "--" + boundary + "\r\nContent-Disposition: form-data; name=\"" + name + "\"\r\n\r\n" + value + "\r\n";
  for (const auto& file : files)
    body += "--" + boundary + "\r\nContent-Disposition: form-data; name=\"" + file.field + "\"; filename=\"" +
            file.filename + "\"\r\nContent-Type: " + file.content_type + "\r\n\r\n" + file.bytes + "\r\n";
  body += "--" + boundary + "--\r\n";
  return browser.raw("POST", action, body, {{"Content-Type", "multipart/form-data; boundary=" + boundary}});
}

std::string png_bytes(std::size_t size) {
  std::string bytes("\x89PNG\r\n\x1a\n", 8);
  bytes += std::string("\0\0\0\rIHDR", 8);
  while (bytes.size() < size) bytes += static_cast<char>('a' + bytes.size() % 26);
  return bytes;
}

}  // namespace testing_support
