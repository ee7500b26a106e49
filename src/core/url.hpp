// Percent-encoding for URL pieces: query values, otpauth labels, wa.me texts, and the `key=value` lines of the
// maintenance file. The one home for it, in core so every layer (the form parser included) can use it.
#pragma once

#include <string>
#include <string_view>

namespace core {

// Every byte except the RFC 3986 unreserved set (A-Z a-z 0-9 - . _ ~) becomes %XX with upper-case hex; a space
// becomes %20, never '+', so the result is safe in a path, a query value and a fragment alike.
std::string url_encode(std::string_view text);

// Reverses url_encode and the form encoding ('+' is a space unless plus_as_space is false). Lenient on
// purpose: a malformed escape ("%zz", a trailing "%4") is kept as it is instead of refusing the whole value,
// because a browser sends such bytes verbatim and the form parser must not fail on them.
std::string url_decode(std::string_view text, bool plus_as_space = true);

}  // namespace core
