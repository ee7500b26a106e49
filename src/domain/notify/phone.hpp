// Phone numbers for wa.me links. Repairs and orders use different rules (docs/domain/whatsapp.md "Phone rules";
// the reference had two normalisers and shops rely on both, so both are kept).
//
//   input              repair rule        order rule (AR mobile)
//   ─────────────────  ─────────────────  ──────────────────────
//   "11 3333 2222"     "541133332222"     "5491133332222"
//   "15 4444-5555"     "541544445555"     "54944445555"
//   "0054 11 4444 5555" "541144445555"     "5491144445555"
//   "+54 341 555 0000" "543415550000"     "5493415550000"
//   "" / "abc"         nullopt            nullopt
#pragma once

#include <optional>
#include <string>
#include <string_view>

namespace notify {

// Repair rule: digits only; leading zeros dropped (none left → nullopt); starting with "54" → kept as is;
// 10–12 digits get the "54" prefix; any other length is kept unchanged. (The reference tested for "54" before
// dropping zeros, so "0054 11…" became "5454…"; dropping the international "00" first fixes that.)
std::optional<std::string> normalise_repair_phone(std::string_view raw);

// Order rule (Argentine mobile): digits only; none → nullopt; a leading "00", then leading zeros, then a
// leading "15" are dropped; fewer than 8 digits → nullopt; starting with "54" → "549…" (the 9 inserted when
// missing); otherwise "549" + digits.
std::optional<std::string> normalise_order_phone(std::string_view raw);

// https://wa.me/<phone>?text=<message percent-encoded (RFC 3986 unreserved characters kept)>.
std::string wa_me_url(std::string_view phone, std::string_view message);

}  // namespace notify
