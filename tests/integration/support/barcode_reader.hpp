// A test-only barcode reader: turns bars (start, width in modules) back into text with the published symbol tables
// of Code 128 (ISO/IEC 15417) and EAN-13 (GS1), independently of zint, so the tests check what a scanner would read
// rather than trusting the encoder. Header-only because both the unit and the integration suites use it.
#pragma once

#include <array>
#include <optional>
#include <regex>
#include <string>
#include <utility>
#include <vector>

namespace test_barcode {

struct ReadBar {
  int start = 0, width = 0;
};

// The dark bars of an <svg> drawn by inventory::barcode::to_svg: every <rect> but the background one.
inline std::vector<ReadBar> bars_in_svg(const std::string& svg) {
  std::vector<ReadBar> bars;
  static const std::regex rect(R"re(<rect( class="[^"]*")? x="(-?\d+)" y="\d+" width="(\d+)")re");
  for (std::sregex_iterator it(svg.begin(), svg.end(), rect), end; it != end; ++it) {
    if ((*it)[1].matched) continue;  // class="barcode-bg"
    bars.push_back({std::stoi((*it)[2]), std::stoi((*it)[3])});
  }
  return bars;
}

// Alternating element widths, bar first: {bar, space, bar, …, bar}. Empty when bars overlap or touch.
inline std::vector<int> element_widths(const std::vector<ReadBar>& bars) {
  std::vector<int> widths;
  for (std::size_t i = 0; i < bars.size(); ++i) {
    if (i > 0) {
      int gap = bars[i].start - (bars[i - 1].start + bars[i - 1].width);
      if (gap <= 0) return {};
      widths.push_back(gap);
    }
    widths.push_back(bars[i].width);
  }
  return widths;
}

// Code 128 patterns by symbol value 0..106 (bar, space, bar, space, bar, space widths; 106 is the stop, which has a
// seventh element, a final 2-module bar).
inline const std::array<const char*, 107>& code128_patterns() {
  static const std::array<const char*, 107> patterns{
      "212222", "222122", "222221", "121223", "121322", "131222", "122213", "122312", "132212", "221213",
      "221312", "231212", "112232", "122132", "122231", "113222", "123122", "123221", "223211", "221132",
      "221231", "213212", "223112", "312131", "311222", "321122", "321221", "312212", "322112", "322211",
      "212123", "212321", "232121", "111323", "131123", "131321", "112313", "132113", "132311", "211313",
      "231113", "231311", "112133", "112331", "132131", "113123", "113321", "133121", "313121", "211331",
      "231131", "213113", "213311", "213131", "311123", "311321", "331121", "312113", "312311", "332111",
      "314111", "221411", "431111", "111224", "111422", "121124", "121421", "141122", "141221", "112214",
      "112412", "122114", "122411", "142112", "142211", "241211", "221114", "413111", "241112", "134111",
      "111242", "121142", "121241", "114212", "124112", "124211", "411212", "421112", "421211", "212141",
      "214121", "412121", "111143", "111341", "131141", "114113", "114311", "411113", "411311", "113141",
      "114131", "311141", "411131", "211412", "211214", "211232", "233111"};
  return patterns;
}

// Symbol values of a Code 128 symbol (start … check, stop included as 106); nullopt when an element group matches
// no pattern or the stop is missing.
inline std::optional<std::vector<int>> code128_values(const std::vector<int>& widths) {
  if (widths.size() < 6 + 7 || (widths.size() - 7) % 6 != 0) return std::nullopt;
  std::vector<int> values;
  const auto& patterns = code128_patterns();
  for (std::size_t at = 0; at + 7 <= widths.size(); at += 6) {
    std::string group;
    for (std::size_t i = 0; i < 6; ++i) group += static_cast<char>('0' + widths[at + i]);
    int found = -1;
    for (int v = 0; v < 107; ++v)
      if (group == patterns[v]) found = v;
    if (found < 0) return std::nullopt;
    values.push_back(found);
    if (at + 7 == widths.size()) {
      if (found != 106 || widths[at + 6] != 2) return std::nullopt;
      return values;
    }
  }
  return std::nullopt;
}

// The text of a Code 128 symbol, or nullopt when the start, the check symbol or a value is wrong. FNC codes are not
// expected on our labels and make the read fail.
inline std::optional<std::string> read_code128(const std::vector<int>& widths) {
  auto values = code128_values(widths);
  if (!values || values->size() < 3) return std::nullopt;
  const auto& v = *values;
  long sum = v[0];
  for (std::size_t i = 1; i + 2 < v.size(); ++i) sum += static_cast<long>(i) * v[i];
  if (sum % 103 != v[v.size() - 2]) return std::nullopt;
  char set = v[0] == 103 ? 'A' : v[0] == 104 ? 'B' : v[0] == 105 ? 'C' : 0;
  if (!set) return std::nullopt;
  std::string text;
  bool shift = false;
  for (std::size_t i = 1; i + 2 < v.size(); ++i) {
    int value = v[i];
    char current = shift ? (set == 'A' ? 'B' : 'A') : set;
    shift = false;
    if (current == 'C') {
      if (value < 100) {
        text += static_cast<char>('0' + value / 10);
        text += static_cast<char>('0' + value % 10);
      } else if (value == 100) set = 'B';
      else if (value == 101) set = 'A';
      else return std::nullopt;
      continue;
    }
    if (value < 64) text += static_cast<char>(32 + value);
    else if (value < 96) text += static_cast<char>(current == 'B' ? 32 + value : value - 64);
    else if (value == 98) shift = true;
    else if (value == 99) set = 'C';
    else if (value == 100 && current == 'A') set = 'B';
    else if (value == 101 && current == 'B') set = 'A';
    else return std::nullopt;
  }
  return text;
}

// The 13 digits of an EAN-13 symbol (95 modules: guards 101 / 01010 / 101, six left digits in L or G code whose
// parity gives the first digit, six right digits in R code), or nullopt when a module group is not a digit or the
// check digit is wrong.
inline std::optional<std::string> read_ean13(const std::vector<ReadBar>& bars) {
  std::string modules(95, '0');
  for (const auto& bar : bars)
    for (int m = bar.start; m < bar.start + bar.width; ++m) {
      if (m < 0 || m >= 95) return std::nullopt;
      modules[m] = '1';
    }
  if (modules.substr(0, 3) != "101" || modules.substr(45, 5) != "01010" || modules.substr(92, 3) != "101")
    return std::nullopt;
  static const std::array<const char*, 10> l_code{"0001101", "0011001", "0010011", "0111101", "0100011",
                                                  "0110001", "0101111", "0111011", "0110111", "0001011"};
  auto r_of = [](std::string s) {
    for (auto& c : s) c = c == '1' ? '0' : '1';
    return s;
  };
  auto g_of = [&](const std::string& l) {
    std::string r = r_of(l);
    return std::string(r.rbegin(), r.rend());
  };
  static const std::array<const char*, 10> parity{"LLLLLL", "LLGLGG", "LLGGLG", "LLGGGL", "LGLLGG",
                                                  "LGGLLG", "LGGGLL", "LGLGLG", "LGLGGL", "LGGLGL"};
  std::string digits, parities;
  for (int d = 0; d < 12; ++d) {
    std::string group = modules.substr(d < 6 ? 3 + 7 * d : 50 + 7 * (d - 6), 7);
    int found = -1;
    char kind = 0;
    for (int n = 0; n < 10; ++n) {
      if (d < 6 && group == l_code[n]) found = n, kind = 'L';
      if (d < 6 && group == g_of(l_code[n])) found = n, kind = 'G';
      if (d >= 6 && group == r_of(l_code[n])) found = n, kind = 'R';
    }
    if (found < 0) return std::nullopt;
    digits += static_cast<char>('0' + found);
    if (d < 6) parities += kind;
  }
  int first = -1;
  for (int n = 0; n < 10; ++n)
    if (parities == parity[n]) first = n;
  if (first < 0) return std::nullopt;
  std::string code = static_cast<char>('0' + first) + digits;
  int sum = 0;
  for (int i = 0; i < 12; ++i) sum += (code[i] - '0') * (i % 2 == 0 ? 1 : 3);
  if ((10 - sum % 10) % 10 != code[12] - '0') return std::nullopt;
  return code;
}

}  // namespace test_barcode
