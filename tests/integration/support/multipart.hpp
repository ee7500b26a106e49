// Multipart form posts for the integration tests (file uploads), built by hand like a browser would send them.
#pragma once

#include <string>
#include <utility>
#include <vector>

#include "browser.hpp"

namespace testing_support {

struct FilePart {
  std::string field;
  std::string filename;
  std::string content_type;
  std::string bytes;
};

// GET `page` for its CSRF token, then POST `fields` + `files` to `action` as multipart/form-data.
HttpResponse submit_multipart(Browser& browser, const std::string& page, const std::string& action,
                              std::vector<std::pair<std::string, std::string>> fields, const std::vector<FilePart>& files);

// Bytes that start like a PNG (the magic number is what the server checks).
std::string png_bytes(std::size_t size = 256);

}  // namespace testing_support
