// From the bytes Beast parsed to our http::Request: the parser's limits, the framing checks that refuse a request
// whose end is ambiguous, and the translation (percent-decoded path, lower-case header names). Split from
// server.cpp so it builds without Asio's sockets and coroutines: the server and the request fuzz target
// (tests/fuzz/http_request_fuzz.cpp) run the same code. Included only by those two; nothing above src/http sees
// a Beast type.
#pragma once

#include <cstddef>
#include <string>
#include <string_view>

#include <boost/beast/http/message.hpp>
#include <boost/beast/http/parser.hpp>
#include <boost/beast/http/string_body.hpp>

#include "http/message.hpp"

namespace http {

using BeastRequest = boost::beast::http::request<boost::beast::http::string_body>;
using BeastRequestParser = boost::beast::http::request_parser<boost::beast::http::string_body>;

// Gives a fresh parser (one per message: Beast requires it) the server's limits. The body limit is the global
// ceiling; the route's own, smaller one is set once the header is known (see framing_is_unambiguous).
void apply_limits(BeastRequestParser& parser, std::size_t max_header_bytes, std::size_t max_body_bytes);

// A request-target in origin form: an absolute-form target ("http://host:8000/tienda?q=a", which RFC 9112 §3.2.2
// says a server must accept; proxies send it) loses its scheme and authority ("/tienda?q=a", "/" when it names no
// path). Any other target is returned as it is.
std::string_view origin_form(std::string_view target);

// The percent-decoded path of a request-target (in origin form, see above): everything before the first '?' ("%2F" → "/"; "%zz", a trailing
// "%4" and '+' kept as written). Never fails.
std::string path_of_target(std::string_view target);

// False for a header whose message end a proxy might read differently (RFC 9112 §6.1-§6.3, §3.2): such a request
// is answered 400 before any body byte is read. See request_parse.cpp for the list.
bool framing_is_unambiguous(const BeastRequest& header);

// Moves a complete message into our Request (the body is moved, never copied). `peer` is the TCP peer's address.
Request to_request(BeastRequest&& message, const std::string& peer);

}  // namespace http
