// SVG drawing of a barcode Symbol (svg.hpp): integer module coordinates, crisp edges, quiet zones in the viewBox.
#include "domain/inventory/barcode/svg.hpp"

#include <string_view>

#include "core/html_escape.hpp"

namespace inventory::barcode {

namespace {

constexpr int kBarHeight = 50;    // modules; the label's CSS sets the real height
constexpr int kGuardDescent = 5;  // modules that EAN guard bars extend below the digit bars

struct QuietZones {
  int left, right;
};

// Minimum light margins of each symbology (ISO/IEC 15417 for Code 128, GS1 for EAN-13), without which a scanner
// may not find the start of the symbol next to the label's text or edge.
QuietZones quiet_zones(Symbology symbology) {
  switch (symbology) {
    case Symbology::kEan13: return {11, 7};
    case Symbology::kCode128: return {10, 10};
  }
  return {10, 10};
}

}  // namespace

std::string to_svg(const Symbol& symbol) {
  const auto zones = quiet_zones(symbol.symbology);
  bool has_guards = false;
  for (const auto& bar : symbol.bars) has_guards = has_guards || bar.guard;
  const int height = kBarHeight + (has_guards ? kGuardDescent : 0);

  std::string svg;
  svg.reserve(64 + symbol.bars.size() * 48);
  svg += "<svg xmlns=\"http://www.w3.org/2000/svg\" class=\"barcode-svg\" data-barcode=\"";
  svg += symbol.symbology == Symbology::kEan13 ? "ean13" : "code128";
  svg += "\" viewBox=\"" + std::to_string(-zones.left) + " 0 " +
         std::to_string(zones.left + symbol.width + zones.right) + " " + std::to_string(height) + "\"";
  svg += " preserveAspectRatio=\"none\" shape-rendering=\"crispEdges\" role=\"img\" aria-label=\"";
  core::append_escaped_html(svg, std::string("Código de barras ") + symbology_name(symbol.symbology) + ": " + symbol.text);
  svg += "\">";
  // White background under the quiet zones too: label stock is not always white, and some printers skip "nothing".
  svg += "<rect class=\"barcode-bg\" x=\"" + std::to_string(-zones.left) + "\" y=\"0\" width=\"" +
         std::to_string(zones.left + symbol.width + zones.right) + "\" height=\"" + std::to_string(height) +
         "\" fill=\"#fff\"/>";
  for (const auto& bar : symbol.bars) {
    svg += "<rect x=\"" + std::to_string(bar.start) + "\" y=\"0\" width=\"" + std::to_string(bar.width) +
           "\" height=\"" + std::to_string(bar.guard ? kBarHeight + kGuardDescent : kBarHeight) + "\"/>";
  }
  svg += "</svg>";
  return svg;
}

}  // namespace inventory::barcode
