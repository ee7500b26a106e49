// Fuzz target: the bytes of one connection as `nico serve` reads them (src/http/server.cpp), minus the socket.
// Each message gets a fresh Beast request parser with the server's limits (http::apply_limits); once its header
// is in, http::framing_is_unambiguous decides (the server answers 400 when it says no), the route's body limit
// is looked up on http::path_of_target and set before any body byte is read, the body is parsed, and
// http::to_request builds the Request the application sees. Leftover bytes start the next pipelined message,
// as on a keep-alive connection. Any input that ends mid-message stops where the server would wait or time out.
#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>

#include <boost/asio/buffer.hpp>

#include "http/request_parse.hpp"
#include "http/server.hpp"

namespace bhttp = boost::beast::http;

namespace {

// The route limit the application would give (src/app: small for forms, larger for uploads). Small here, so the
// body-limit paths are reachable within libFuzzer's input sizes.
std::size_t route_body_limit(std::string_view path) { return path.starts_with("/admin/") ? 2048 : 256; }

// Feeds `data` to the parser until it stops consuming; returns the bytes consumed or npos on a parse error
// (the server answers 400/413/431 and closes).
std::size_t feed(http::BeastRequestParser& parser, std::string_view data, bool& failed) {
  std::size_t used = 0;
  while (used < data.size() && !parser.is_done()) {
    if (parser.is_header_done() && !parser.eager()) break;
    boost::beast::error_code ec;
    std::size_t n = parser.put(boost::asio::buffer(data.data() + used, data.size() - used), ec);
    used += n;
    if (ec == bhttp::error::need_more) break;
    if (ec) {
      failed = true;
      break;
    }
    if (n == 0) break;
  }
  return used;
}

void check(bool holds) {
  if (!holds) __builtin_trap();
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* bytes, size_t size) {
  std::string_view rest(reinterpret_cast<const char*>(bytes), size);
  const http::ServerOptions defaults;
  for (int message = 0; message < 8 && !rest.empty(); ++message) {  // 8: Beast's pipelining queue_limit
    http::BeastRequestParser parser;
    http::apply_limits(parser, defaults.max_header_bytes, defaults.max_body_bytes);
    bool failed = false;
    rest.remove_prefix(feed(parser, rest, failed));
    if (failed || !parser.is_header_done()) return 0;

    auto& header = parser.get();
    if (!http::framing_is_unambiguous(header)) return 0;
    std::string path = http::path_of_target(header.target());
    std::size_t body_limit = std::min(defaults.max_body_bytes, route_body_limit(path));
    parser.body_limit(body_limit);
    if (auto length = parser.content_length(); length && *length > body_limit) return 0;
    (void)header[bhttp::field::expect];
    (void)header[bhttp::field::content_type];

    parser.eager(true);
    rest.remove_prefix(feed(parser, rest, failed));
    if (failed || !parser.is_done()) return 0;

    auto parsed = parser.release();
    bool keep_alive = parsed.keep_alive();
    unsigned version = parsed.version();
    http::Request request = http::to_request(std::move(parsed), "127.0.0.1");
    check(!request.method.empty());
    check(request.path == path);
    check(request.body.size() <= body_limit);
    check(request.http_version == version);
    for (const auto& field : request.headers) {
      for (char c : field.name) check(!(c >= 'A' && c <= 'Z'));
    }
    (void)request.header("cookie");
    if (!keep_alive) return 0;
  }
  return 0;
}
