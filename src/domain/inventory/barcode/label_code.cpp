// The label's barcode choice (label_code.hpp): EAN-13, else Code 128 of the barcode, else Code 128 of the SKU.
#include "domain/inventory/barcode/label_code.hpp"

#include "domain/inventory/barcode/ean13.hpp"
#include "domain/inventory/barcode/encoder.hpp"

namespace inventory::barcode {

namespace {

std::string_view trimmed(std::string_view text) {
  while (!text.empty() && (text.front() == ' ' || text.front() == '\t')) text.remove_prefix(1);
  while (!text.empty() && (text.back() == ' ' || text.back() == '\t')) text.remove_suffix(1);
  return text;
}

}  // namespace

LabelCode label_code(std::string_view barcode, std::string_view sku) {
  barcode = trimmed(barcode);
  sku = trimmed(sku);
  LabelCode code;
  if (barcode.empty() && sku.empty()) return code;
  if (is_valid_ean13(barcode)) {
    code.symbol = encode(Symbology::kEan13, barcode);
  } else if (code128_can_carry(barcode)) {
    code.symbol = encode(Symbology::kCode128, barcode);
  } else if (code128_can_carry(sku)) {
    code.symbol = encode(Symbology::kCode128, sku);
    code.from_sku = true;
  }
  if (!code.symbol) code.missing = NoBarcode::kUnprintable;
  return code;
}

}  // namespace inventory::barcode
