// Owns phone parsing, canonical storage, display and WhatsApp digits on top of libphonenumber (see phone.hpp).
// libphonenumber's headers stay in this file: they pull protobuf and abseil, which no other unit should pay for.
#include "core/phone.hpp"

#include <phonenumbers/phonenumberutil.h>

#include <algorithm>
#include <cctype>
#include <mutex>

#include "core/segmented_lru.hpp"
#include "core/strings.hpp"

namespace core::phone {

namespace {

using i18n::phonenumbers::PhoneNumber;
using i18n::phonenumbers::PhoneNumberUtil;

constexpr const char* kRegion = "AR";
constexpr int kArgentina = 54;
// E.164 numbers have at most 15 digits; typed text may add an international "00" in front.
constexpr std::size_t kMaxTypedDigits = 15 + 2;
constexpr std::size_t kMinTypedDigits = 6;

const PhoneNumberUtil& util() { return *PhoneNumberUtil::GetInstance(); }

bool has_letters(std::string_view text) {
  return std::any_of(text.begin(), text.end(), [](unsigned char c) { return std::isalpha(c) != 0; });
}

std::optional<PhoneNumber> parse_valid(const std::string& text) {
  PhoneNumber number;
  if (util().Parse(text, kRegion, &number) != PhoneNumberUtil::NO_PARSING_ERROR) return std::nullopt;
  if (!util().IsValidNumber(number)) return std::nullopt;
  return number;
}

// The national digits of an Argentine number written without separators: the country code, the 9, or the
// trunk 0 removed ("+54 9 …", "0054 …", "0…").
std::string argentine_national_digits(std::string digits) {
  if (digits.rfind("00", 0) == 0) digits.erase(0, 2);
  if (digits.rfind("54", 0) == 0) {
    digits.erase(0, 2);
    if (digits.size() == 11 && digits[0] == '9') digits.erase(0, 1);
  } else if (!digits.empty() && digits[0] == '0') {
    digits.erase(0, 1);
  }
  return digits;
}

// "341155557788", "+54341155557788": a 15 between area code and number with no separator to show where the area
// code ends. libphonenumber guesses the first area code its pattern allows and gets Rosario wrong, so each place
// a 15 could sit (after a 2-, 3- or 4-digit area code; area code + number is always ten digits) is tried and
// kept only when the area code of the resulting mobile has exactly that length.
std::optional<PhoneNumber> parse_digits_with_15(const std::string& national) {
  if (national.size() != 12) return std::nullopt;
  for (std::size_t area = 2; area <= 4; ++area) {
    if (national.compare(area, 2, "15") != 0) continue;
    auto number = parse_valid("+549" + national.substr(0, area) + national.substr(area + 2));
    if (number && util().GetLengthOfGeographicalAreaCode(*number) == static_cast<int>(area + 1)) return number;
  }
  return std::nullopt;
}

// Digits libphonenumber rejects as written: an Argentine number without separators, with a 15 after the
// country code (the old intake script put "+54" in front of whatever was typed) or a 9 where it does not go.
std::optional<PhoneNumber> parse_argentine_digits(const std::string& digits) {
  std::string national = argentine_national_digits(digits);
  if (national.size() == 12) return parse_digits_with_15(national);
  if (national.size() == 10) return parse_valid("+54" + national);
  return std::nullopt;
}

// A landline-shaped Argentine number that is also a valid mobile with the 9 becomes the mobile (see phone.hpp).
PhoneNumber preferring_mobile(const PhoneNumber& number) {
  if (number.country_code() != kArgentina) return number;
  if (util().GetNumberType(number) != PhoneNumberUtil::FIXED_LINE) return number;
  std::string national;
  util().GetNationalSignificantNumber(number, &national);
  PhoneNumber mobile;
  if (util().Parse("+549" + national, kRegion, &mobile) != PhoneNumberUtil::NO_PARSING_ERROR) return number;
  if (util().GetNumberType(mobile) != PhoneNumberUtil::MOBILE) return number;
  return mobile;
}

std::optional<PhoneNumber> parse_uncached(std::string_view typed) {
  std::string text = core::trim(typed);
  if (text.empty() || has_letters(text)) return std::nullopt;
  std::string digits = core::digits_only(text);
  if (digits.size() < kMinTypedDigits || digits.size() > kMaxTypedDigits) return std::nullopt;
  auto number = parse_valid(text);
  if (!number) number = parse_argentine_digits(digits);
  if (!number) return std::nullopt;
  return preferring_mobile(*number);
}

// Parsing and formatting run libphonenumber's ICU regular expressions (several of them for a number typed without
// separators): tens of microseconds each. Pages show the same stored phones again and again (an admin list shows
// every row's phone and builds its wa.me link), so results are remembered per text, bounded: the segmented LRU
// keeps the phones in use even while a burst of one-off texts (form input, searches) passes through.
template <class Value>
struct Memo {
  std::mutex mutex;
  core::SegmentedLru<Value> entries{{.max_entries = 8192}};
};

// Longer texts are not phones anyone stores (E.164 has 16 characters; typed spellings a few more): computed but not
// remembered, so a form posting kilobytes in a phone field cannot fill the memo.
constexpr std::size_t kMaxRememberedText = 40;

template <class Value, class Compute>
Value remembered(Memo<Value>& memo, std::string_view text, Compute compute) {
  if (text.size() > kMaxRememberedText) return compute();
  std::string key(text);
  {
    std::lock_guard lock(memo.mutex);
    if (const auto* found = memo.entries.find(key)) return *found;
  }
  Value value = compute();
  std::lock_guard lock(memo.mutex);
  memo.entries.put(key, value);
  return value;
}

Memo<std::optional<PhoneNumber>> parsed;
Memo<std::optional<std::string>> canonicals;  // E.164 per text: the lookup compares two of them on every request
Memo<std::string> displayed;

std::optional<PhoneNumber> parse(std::string_view typed) {
  return remembered(parsed, typed, [&] { return parse_uncached(typed); });
}

std::string e164(const PhoneNumber& number) {
  std::string out;
  util().Format(number, PhoneNumberUtil::E164, &out);
  return out;
}

}  // namespace

std::optional<std::string> canonical(std::string_view typed) {
  return remembered(canonicals, typed, [&]() -> std::optional<std::string> {
    auto number = parse(typed);
    if (!number) return std::nullopt;
    return e164(*number);
  });
}

bool is_valid(std::string_view typed) { return parse(typed).has_value(); }

std::string stored_form(std::string_view typed) {
  auto number = canonical(typed);
  return number ? *number : core::trim(typed);
}

std::string display(std::string_view stored) {
  return remembered(displayed, stored, [&] {
    auto number = parse(stored);
    if (!number) return std::string(stored);
    std::string out;
    util().Format(*number,
                  number->country_code() == kArgentina ? PhoneNumberUtil::NATIONAL : PhoneNumberUtil::INTERNATIONAL,
                  &out);
    return out;
  });
}

std::optional<std::string> whatsapp_digits(std::string_view stored) {
  auto number = canonical(stored);
  if (!number) return std::nullopt;
  return number->substr(1);
}

bool same_number(std::string_view a, std::string_view b) {
  auto left = canonical(a), right = canonical(b);
  if (left && right) return *left == *right;
  std::string left_digits = core::digits_only(a), right_digits = core::digits_only(b);
  return !left_digits.empty() && left_digits == right_digits;
}

std::string search_digits(std::string_view query) {
  auto number = canonical(query);
  if (!number) return core::digits_only(query);
  if (number->rfind("+549", 0) == 0) return number->substr(4);
  if (number->rfind("+54", 0) == 0) return number->substr(3);
  return number->substr(1);
}

}  // namespace core::phone
