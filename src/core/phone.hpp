// Phone numbers, the one module every form, page and message uses (libphonenumber, default region AR).
//
// Stored form: E.164 ("+5493415557788"). Every phone the app keeps is a customer's or the shop's WhatsApp
// contact, so an Argentine number typed without 15 or 9 ("341 555-7788") is read as the mobile it can be:
// in Argentina the same ten digits name a landline and, with 15/9, a mobile, and only the mobile has WhatsApp.
// Shown in one national format, libphonenumber's own: "0341 15-555-7788" (foreign numbers: "+1 650-253-0000").
//
//   typed                  canonical           display              wa.me digits
//   "341 15-555-7788"      +5493415557788      0341 15-555-7788     5493415557788
//   "3415557788"           +5493415557788      0341 15-555-7788     5493415557788
//   "0341 15 555-7788"     +5493415557788      0341 15-555-7788     5493415557788
//   "+54 9 341 555-7788"   +5493415557788      0341 15-555-7788     5493415557788
//   "5493415557788"        +5493415557788      0341 15-555-7788     5493415557788
//   "0800 333 4444"        +548003334444       0800-333-4444        548003334444 (no mobile form: kept)
//   "12", "341-CALL-ME"    nullopt             as stored            nullopt
#pragma once

#include <optional>
#include <string>
#include <string_view>

namespace core::phone {

// The message forms show for a number that cannot exist (voseo, like every validation message).
inline constexpr const char* kInvalidMessage = "Revisá el teléfono: no parece un número válido.";

// E.164 of a valid number, whatever the spelling (with or without 0, 15, +54, 9, spaces, dashes, brackets);
// nullopt when the text is not a valid number (letters, too short, impossible area code…).
std::optional<std::string> canonical(std::string_view typed);

// True when canonical() finds a number. Empty text is the caller's "required" rule, not this one.
bool is_valid(std::string_view typed);

// What to store for a typed phone: canonical() when it parses, else the trimmed text as typed (legacy rows and
// imports keep what they had rather than losing it). "" stays "".
std::string stored_form(std::string_view typed);

// The one way a phone is shown: national format for Argentine numbers, international for others; text that
// does not parse is shown as it is.
std::string display(std::string_view stored);

// Digits for https://wa.me/<digits>: the E.164 number without '+'; nullopt when there is no valid number.
std::optional<std::string> whatsapp_digits(std::string_view stored);

// Whether two spellings name the same number (the public repair lookup). Text that does not parse on either
// side falls back to comparing the digits, so a legacy row kept as typed is still found by its own digits.
bool same_number(std::string_view a, std::string_view b);

// Digits for a LIKE '%…%' search over stored phones (admin lists): for a query that is a whole number, the
// area code and number without country code or 9 ("0341 15 555-7788" → "3415557788", found inside the stored
// "+5493415557788" and inside legacy rows kept as typed digits); otherwise the query's digits ("7788").
std::string search_digits(std::string_view query);

}  // namespace core::phone
