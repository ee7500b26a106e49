// The request half of the HTTP edge that needs no socket: parser limits, framing checks and the translation of a
// parsed Beast message into http::Request. server.cpp calls these on every request; the request fuzz target
// feeds raw bytes through the same parser and functions.
#include "http/request_parse.hpp"

#include <cstdint>
#include <utility>
#include <vector>

#include "core/strings.hpp"
#include "core/url.hpp"

namespace http {

namespace bhttp = boost::beast::http;

void apply_limits(BeastRequestParser& parser, std::size_t max_header_bytes, std::size_t max_body_bytes) {
  parser.header_limit(static_cast<std::uint32_t>(max_header_bytes));
  parser.body_limit(max_body_bytes);
}

std::string_view origin_form(std::string_view target) {
  std::string_view rest;
  if (core::starts_with_ci(target, "http://")) rest = target.substr(7);
  else if (core::starts_with_ci(target, "https://")) rest = target.substr(8);
  else return target;
  std::size_t path = rest.find_first_of("/?#");
  // The authority alone, or with a query but no path: the root (whose page takes no query).
  if (path == std::string_view::npos || rest[path] != '/') return "/";
  return rest.substr(path);
}

// '+' stays a '+': it means a space only in form-encoded queries and bodies, never in a path.
std::string path_of_target(std::string_view target) {
  target = origin_form(target);
  return core::url_decode(target.substr(0, target.find('?')), /*plus_as_space=*/false);
}

// RFC 9112 §6.1-§6.3 and §3.2: a request whose end cannot be told for sure is refused (400), because a proxy in
// front of us might read it differently (request smuggling). Checked on the header, before any body byte is read.
//   Transfer-Encoding whose last coding is not `chunked`      → the body length is unknowable
//   Transfer-Encoding with another coding (`gzip, chunked`)   → we decode none (400 rather than 501: same page)
//   Transfer-Encoding together with Content-Length            → two answers to one question
//   HTTP/1.1 without Host, or with more than one Host
// Beast itself refuses `chunked` twice and Content-Length before Transfer-Encoding while reading the header.
bool framing_is_unambiguous(const BeastRequest& header) {
  std::size_t hosts = header.count(bhttp::field::host);
  if (hosts > 1 || (hosts == 0 && header.version() >= 11)) return false;
  std::vector<std::string> codings;
  auto [first, last] = header.equal_range(bhttp::field::transfer_encoding);
  for (auto it = first; it != last; ++it) {
    std::string_view value = it->value();
    std::size_t pos = 0;
    while (pos <= value.size()) {
      std::size_t comma = value.find(',', pos);
      if (comma == std::string_view::npos) comma = value.size();
      std::string coding = core::to_lower(core::trim(value.substr(pos, comma - pos)));
      if (!coding.empty()) codings.push_back(std::move(coding));
      pos = comma + 1;
    }
  }
  if (codings.empty()) return header.count(bhttp::field::transfer_encoding) == 0;
  if (header.count(bhttp::field::content_length) > 0) return false;
  return codings.size() == 1 && codings.front() == "chunked";
}

Request to_request(BeastRequest&& message, const std::string& peer) {
  Request request;
  request.method = std::string(message.method_string());
  request.target = std::string(origin_form(message.target()));
  std::size_t question = request.target.find('?');
  request.path = path_of_target(request.target);
  if (question != std::string::npos) request.query = request.target.substr(question + 1);
  for (const auto& field : message) {
    request.headers.push_back({core::to_lower(field.name_string()), std::string(field.value())});
  }
  request.body = std::move(message.body());  // up to the body limit: never copied
  request.peer_address = peer;
  request.http_version = message.version();
  return request;
}

}  // namespace http
