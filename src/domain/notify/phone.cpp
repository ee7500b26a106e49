// Owns the wa.me URL shape (see phone.hpp); phone digits come from core/phone.
#include "domain/notify/phone.hpp"

#include "core/url.hpp"

namespace notify {

std::string wa_me_url(std::string_view digits, std::string_view message) {
  return "https://wa.me/" + std::string(digits) + "?text=" + core::url_encode(message);
}

}  // namespace notify
