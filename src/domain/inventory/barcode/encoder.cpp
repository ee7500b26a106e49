// Encoding with zint: the one file that includes <zint.h>. We ask zint for its vector output (one rectangle per dark
// bar) with no quiet zones and no human-readable text, and turn the rectangles back into module positions: zint's
// vector unit is a fixed multiple of the module, found as vector width / symbol width. The quiet zones and the text
// under the bars are drawn by svg.cpp and the label template, so every symbology is measured the same way.
#include "domain/inventory/barcode/encoder.hpp"

#include <zint.h>

#include <algorithm>
#include <cmath>
#include <memory>
#include <stdexcept>
#include <string>

#include "domain/inventory/barcode/ean13.hpp"

namespace inventory::barcode {

namespace {

struct ZintDeleter {
  void operator()(zint_symbol* symbol) const { ZBarcode_Delete(symbol); }
};
using ZintSymbol = std::unique_ptr<zint_symbol, ZintDeleter>;

int zint_symbology(Symbology symbology) {
  switch (symbology) {
    case Symbology::kEan13: return BARCODE_EANX;  // 13 digits in: zint checks the check digit too
    case Symbology::kCode128: return BARCODE_CODE128;
  }
  throw std::logic_error("barcode: unknown symbology");
}

}  // namespace

const char* symbology_name(Symbology symbology) {
  switch (symbology) {
    case Symbology::kEan13: return "EAN-13";
    case Symbology::kCode128: return "Code 128";
  }
  return "";
}

bool code128_can_carry(std::string_view text) {
  if (text.empty() || text.size() > kMaxCode128Length) return false;
  return std::all_of(text.begin(), text.end(), [](char c) { return c >= 0x20 && c <= 0x7e; });
}

std::optional<Symbol> encode(Symbology symbology, std::string_view text) {
  // Checked here, not left to zint: BARCODE_EANX also takes 2, 5, 8 or 12 digits (add-ons, EAN-8, a computed check
  // digit), and a label must print exactly the code the product has.
  if (symbology == Symbology::kEan13 ? !is_valid_ean13(text) : !code128_can_carry(text)) return std::nullopt;

  ZintSymbol zint(ZBarcode_Create());
  if (!zint) throw std::runtime_error("barcode: zint could not allocate a symbol");
  zint->symbology = zint_symbology(symbology);
  zint->input_mode = DATA_MODE;  // bytes as given: the text is plain ASCII already
  zint->show_hrt = 0;
  zint->output_options = BARCODE_NO_QUIET_ZONES;
  const auto* data = reinterpret_cast<const unsigned char*>(text.data());
  int rc = ZBarcode_Encode_and_Buffer_Vector(zint.get(), data, static_cast<int>(text.size()), 0);
  if (rc >= ZINT_ERROR) throw std::runtime_error(std::string("barcode: zint refused the text: ") + zint->errtxt);
  if (!zint->vector || zint->width <= 0 || zint->rows != 1)
    throw std::runtime_error("barcode: zint returned no linear symbol");

  const double unit = zint->vector->width / zint->width;  // vector units per module
  float shortest = 0;
  for (auto* rect = zint->vector->rectangles; rect; rect = rect->next)
    if (shortest == 0 || rect->height < shortest) shortest = rect->height;

  Symbol symbol;
  symbol.symbology = symbology;
  symbol.text = std::string(text);
  symbol.width = zint->width;
  for (auto* rect = zint->vector->rectangles; rect; rect = rect->next) {
    Bar bar;
    bar.start = static_cast<int>(std::lround(rect->x / unit));
    bar.width = static_cast<int>(std::lround(rect->width / unit));
    bar.guard = rect->height > shortest + 0.5f;  // EAN guard bars descend below the digit bars
    symbol.bars.push_back(bar);
  }
  std::sort(symbol.bars.begin(), symbol.bars.end(), [](const Bar& a, const Bar& b) { return a.start < b.start; });
  return symbol;
}

}  // namespace inventory::barcode
