// Plain request/response values exchanged between the Beast server (src/http/server.cpp) and the web layer.
// No Beast types here: everything above src/http sees only these structs.
#pragma once

#include <memory>
#include <string>
#include <string_view>
#include <vector>

namespace http {

struct Header {
  std::string name;   // lower-case on requests; as written on responses
  std::string value;
};

struct Request {
  std::string method;        // upper-case as sent ("GET", "POST", …); method spoofing happens in src/web
  std::string target;        // raw request-target ("/tienda?q=a%20b")
  std::string path;          // percent-decoded path without the query ("/tienda")
  std::string query;         // raw query string without '?' ("q=a%20b")
  std::vector<Header> headers;
  std::string body;
  std::string peer_address;  // IP of the TCP peer (the proxy, when behind one)
  unsigned http_version = 11;

  // Value of the first header with that (case-insensitive) name, or "" when absent.
  std::string_view header(std::string_view name) const;
};

// Headers every response of a kind carries unchanged (the security headers), built once: a response points at them
// instead of copying each name and value (the copies were ~3 % of a cached page's CPU).
struct PresetHeaders {
  std::vector<Header> headers;
  std::string lines;  // the same as "Name: value\r\n" lines, written into the response head as they are

  explicit PresetHeaders(std::vector<Header> list);
};

struct Response {
  int status = 200;
  std::vector<Header> headers;
  std::string body;
  std::string file_path;     // when set, the body is streamed from this file instead of `body`
  // Sent after `headers`; not seen by header() (nothing in the application reads them back).
  std::shared_ptr<const PresetHeaders> preset_headers;

  void set_header(std::string name, std::string value);  // replaces any header of that name
  void add_header(std::string name, std::string value);  // appends (Set-Cookie may repeat)
  std::string_view header(std::string_view name) const;

  static Response text(int status, std::string body);
  static Response html(int status, std::string body);
  static Response json(int status, std::string body);
  static Response redirect(std::string location, int status = 302);
};

// Standard reason phrase for a status code ("Not Found").
std::string_view reason_phrase(int status);

}  // namespace http
