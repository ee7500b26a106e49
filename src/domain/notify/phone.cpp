// Phone normalisation and wa.me links (see phone.hpp).
#include "domain/notify/phone.hpp"

#include "core/strings.hpp"
#include "core/url.hpp"

namespace notify {

namespace {
std::string without_leading_zeros(std::string digits) {
  std::size_t first = digits.find_first_not_of('0');
  return first == std::string::npos ? std::string() : digits.substr(first);
}
bool starts_with(const std::string& text, std::string_view prefix) { return text.rfind(prefix, 0) == 0; }
}  // namespace

std::optional<std::string> normalise_repair_phone(std::string_view raw) {
  std::string digits = core::digits_only(raw);
  digits = without_leading_zeros(std::move(digits));
  if (digits.empty()) return std::nullopt;
  if (starts_with(digits, "54")) return digits;
  if (digits.size() >= 10 && digits.size() <= 12) return "54" + digits;
  return digits;
}

std::optional<std::string> normalise_order_phone(std::string_view raw) {
  std::string digits = core::digits_only(raw);
  if (digits.empty()) return std::nullopt;
  if (starts_with(digits, "00")) digits.erase(0, 2);
  digits = without_leading_zeros(std::move(digits));
  if (starts_with(digits, "15")) digits.erase(0, 2);
  if (digits.size() < 8) return std::nullopt;
  if (starts_with(digits, "54")) {
    if (!starts_with(digits, "549")) digits.insert(2, "9");
    return digits;
  }
  return "549" + digits;
}

std::string wa_me_url(std::string_view phone, std::string_view message) {
  return "https://wa.me/" + std::string(phone) + "?text=" + core::url_encode(message);
}

}  // namespace notify
