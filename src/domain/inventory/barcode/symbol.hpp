// A one-dimensional barcode as the rest of the application sees it: which symbology, the text it carries and its
// dark bars measured in modules (the narrowest bar width, "X"). Produced by encoder.hpp, drawn by svg.hpp; nothing
// here knows about zint or SVG.
#pragma once

#include <string>
#include <vector>

namespace inventory::barcode {

// When adding a symbology here ^, also add it to encoder.cpp (zint symbology id) and svg.cpp (quiet zones).
enum class Symbology {
  kEan13,    // EAN-13: 13 digits, the last one a check digit (what retail products carry)
  kCode128,  // Code 128: any printable ASCII text (SKUs, the shop's own codes); zint picks sets A/B/C
};

// One dark bar. Light spaces are the gaps between consecutive bars.
struct Bar {
  int start = 0;       // first module, counted from the left edge of the symbol (quiet zone excluded)
  int width = 0;       // in modules, 1..4
  bool guard = false;  // EAN guard bar, drawn taller than the digit bars
};

struct Symbol {
  Symbology symbology = Symbology::kCode128;
  std::string text;         // what a scanner reads back (EAN-13: the 13 digits)
  int width = 0;            // whole symbol in modules, quiet zones excluded (EAN-13: 95)
  std::vector<Bar> bars;    // left to right
};

// "EAN-13" / "Code 128", for labels and alt texts.
const char* symbology_name(Symbology symbology);

}  // namespace inventory::barcode
