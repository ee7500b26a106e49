// QR code rendering to SVG (see qr_svg.hpp).
#include "web/qr_svg.hpp"

#include <qrencode.h>

#include <memory>
#include <stdexcept>

namespace web {

std::string qr_svg(std::string_view text, int pixels) {
  std::string input(text);
  std::unique_ptr<QRcode, decltype(&QRcode_free)> code(QRcode_encodeString(input.c_str(), 0, QR_ECLEVEL_M, QR_MODE_8, 1),
                                                       QRcode_free);
  if (!code) throw std::runtime_error("QR encoding failed");
  constexpr int kQuiet = 4;
  int width = code->width, size = width + 2 * kQuiet;
  std::string path;
  for (int y = 0; y < width; ++y) {
    for (int x = 0; x < width; ++x) {
      if (code->data[y * width + x] & 1)  // bit 0: dark module
        path += "M" + std::to_string(x + kQuiet) + " " + std::to_string(y + kQuiet) + "h1v1h-1z";
    }
  }
  std::string side = std::to_string(pixels), box = std::to_string(size);
  return "<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"" + side + "\" height=\"" + side + "\" viewBox=\"0 0 " + box +
         " " + box + "\" shape-rendering=\"crispEdges\"><rect width=\"" + box + "\" height=\"" + box +
         "\" fill=\"#fff\"/><path fill=\"#000\" d=\"" + path + "\"/></svg>";
}

}  // namespace web
