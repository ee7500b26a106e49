// A Symbol drawn as inline SVG for printing: one <rect> per dark bar in module units, quiet zones included, so the
// markup scales to any label width without blurring a bar edge. Pure function.
#pragma once

#include <string>

#include "domain/inventory/barcode/symbol.hpp"

namespace inventory::barcode {

// An <svg> with viewBox in modules: x from -left quiet zone to width + right quiet zone (Code 128: 10 modules each
// side; EAN-13: 11 and 7), bars 50 modules tall and EAN guard bars 5 more. preserveAspectRatio="none" lets the page's
// CSS choose the printed height independently of the width, which keeps every bar/space ratio intact (the only thing
// a scanner measures). Carries role="img", an aria-label naming the symbology and the text, and
// data-barcode="ean13"|"code128". The returned markup is escaped and safe to insert raw.
std::string to_svg(const Symbol& symbol);

}  // namespace inventory::barcode
