// wa.me links. The phone itself (parsing, E.164, the digits WhatsApp wants) is core/phone.hpp, the one phone
// module: repairs, orders, the templates page and the thank-you page all take their digits from
// core::phone::whatsapp_digits, so every link for one customer is the same wa.me/549….
#pragma once

#include <string>
#include <string_view>

namespace notify {

// https://wa.me/<digits>?text=<message percent-encoded (RFC 3986 unreserved characters kept)>.
std::string wa_me_url(std::string_view digits, std::string_view message);

}  // namespace notify
