// Money: integer centavos everywhere; these are the only conversions to and from what people read and type.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

namespace core {

// "$ 12.345" (es-AR: dot for thousands); centavos only when there are any: "$ 12.345,50". Negative: "-$ 1.000".
std::string format_ars(std::int64_t centavos);
// "12.345": whole pesos rounded half up, thousands dots, no sign symbol (WhatsApp {final_price}).
std::string format_pesos_plain(std::int64_t centavos);
// What a form sends: "12345", "12345.5", "12345,50", optionally with a leading "$" and es-AR thousands dots
// ("$ 12.345,50"). At most two decimals, no sign, at most 999.999.999.999 pesos. Anything else → nullopt.
std::optional<std::int64_t> parse_ars(std::string_view text);
// Centavos as the decimal a number input accepts: 1234550 → "12345.50", 1234500 → "12345".
std::string centavos_to_input(std::int64_t centavos);

}  // namespace core
