// Which barcode a product's label carries (issue 21): the rule in one place so the label page, its tests and any
// later caller agree. Pure function.
#pragma once

#include <optional>
#include <string_view>

#include "domain/inventory/barcode/symbol.hpp"

namespace inventory::barcode {

// Why a label has no barcode (the page shows a message for each).
enum class NoBarcode {
  kNoCodes,       // the product has neither a barcode nor a SKU
  kUnprintable,   // it has one, but no symbology can carry it (accents, over kMaxCode128Length characters)
};

struct LabelCode {
  std::optional<Symbol> symbol;   // set when the label gets bars
  NoBarcode missing = NoBarcode::kNoCodes;  // meaningful only without a symbol
  bool from_sku = false;          // the bars carry the SKU (the product has no usable barcode)
};

// EAN-13 when `barcode` is 13 digits with a valid check digit (a retail product's own code); otherwise Code 128 of
// the barcode as typed (UPC-A, internal codes, EAN with a wrong check digit: a scanner reads back the same text the
// counter sale looks up); otherwise Code 128 of the SKU. Leading/trailing blanks are ignored. Throws only what
// encode() throws.
LabelCode label_code(std::string_view barcode, std::string_view sku);

}  // namespace inventory::barcode
