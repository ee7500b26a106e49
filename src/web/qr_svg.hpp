// QR codes as inline SVG (libqrencode): for the 2FA enrolment page and, later, repair tickets.
#pragma once

#include <string>
#include <string_view>

namespace web {

// An <svg> of the QR code for `text` (error correction M, 4-module quiet zone, one <path>). Throws
// std::runtime_error when the text cannot be encoded (too long).
std::string qr_svg(std::string_view text, int pixels = 192);

}  // namespace web
