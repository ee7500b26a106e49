// Validators for files (RFC 9110 §8.8, §13.1): an entity tag and a Last-Modified date from the file's size and
// modification time, and whether a GET/HEAD's If-None-Match / If-Modified-Since let the answer be a 304 — a phone
// that already has the logo or a product photo is told so in a few bytes instead of receiving it again.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

#include "http/message.hpp"

namespace http {

struct FileValidators {
  std::string etag;           // strong: "<mtime ns hex>-<size hex>" (quoted), changes when either does
  std::string last_modified;  // IMF-fixdate of the modification time, whole seconds
  std::int64_t modified_seconds = 0;
};

FileValidators file_validators(std::uintmax_t size, std::int64_t modified_ns);

// "Sun, 06 Nov 1994 08:49:37 GMT" (IMF-fixdate, the form senders use).
std::string http_date(std::int64_t unix_seconds);
// The Date header's value for this second (RFC 9110 §6.6.1: every answer of a server with a clock carries one).
// Formatted once per second per thread; the view is valid until this thread's next call.
std::string_view http_date_now();
// Unix seconds of an HTTP-date in any of its three forms (IMF-fixdate, RFC 850, asctime); nullopt otherwise.
std::optional<std::int64_t> parse_http_date(std::string_view text);

// Whether the request may be answered 304 for a representation with these validators: If-None-Match (any of its
// tags, over all its field lines, equal by weak comparison, or "*") decides when present; else a single
// If-Modified-Since not older than the file. Only GET and HEAD; an unparseable date, or more than one, is ignored
// (the full answer is sent).
bool is_not_modified(const Request& request, const FileValidators& validators);

}  // namespace http
