// The status line and header block of a response, written by hand instead of through Beast's serializer: the
// server sends them and the body as two buffers of one write (profiles of /up showed Beast's field list and
// buffer views at ~15 % of the request's CPU). The framing headers and Date are ours alone: whatever the application
// put in Content-Length, Transfer-Encoding, Connection or Date is replaced by what the server actually does.
#pragma once

#include <cstddef>
#include <string>

#include "http/message.hpp"

namespace http {

// Whether a response with this status carries a body (1xx, 204 and 304 never do: RFC 9110 §6.4.1).
bool status_allows_body(int status);

// Appends "HTTP/1.x status reason", Date (http_date_now), the response's headers, its preset header lines, Content-Length (when the status allows a body),
// Connection when it differs from the version's default, and the blank line. A CR, LF or NUL inside a name or
// value (a header built from user input) cannot start a header of its own: such a name drops the header and
// such characters in a value become spaces.
void append_response_head(std::string& out, const Response& response, unsigned version, bool keep_alive,
                          std::size_t body_length);

}  // namespace http
