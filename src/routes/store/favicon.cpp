// GET /favicon.ico: browsers, bookmarks and feed readers ask for it whatever the page's <link rel="icon"> says, so
// it answers from the brand assets instead of 404. Owns the choice of icon and the PNG-in-ICO wrapping.
//
// Order: the uploaded "Favicon .ico" as is; else the first PNG among the uploaded 32×32, 16×16 and Android 192
// icons, then the shipped public/img/android-chrome-192x192.png, wrapped in an ICO container (an ICO may hold a
// PNG image as it is: a 6-byte header, one 16-byte directory entry, then the PNG; every current browser reads it),
// so the answer is a real image/x-icon with no image library. Cacheable for a day: a new upload shows within
// that day (the pages' <link> tags use the upload's own URL and show it at once).
#include "routes/store/favicon.hpp"

#include <fstream>
#include <iterator>
#include <optional>

#include "core/errors.hpp"
#include "domain/settings/brand_assets.hpp"
#include "web/context.hpp"

namespace routes {

namespace {

std::optional<std::string> read_file(const std::filesystem::path& path) {
  std::ifstream in(path, std::ios::binary);
  if (!in) return std::nullopt;
  std::string bytes((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());
  if (!in.good() && !in.eof()) return std::nullopt;
  return bytes;
}

bool is_png(const std::string& bytes) {
  return bytes.size() > 24 && bytes.compare(0, 8, "\x89PNG\r\n\x1a\n", 8) == 0 && bytes.compare(12, 4, "IHDR") == 0;
}

std::uint32_t big_endian_32(const std::string& bytes, std::size_t at) {
  std::uint32_t value = 0;
  for (std::size_t i = 0; i < 4; ++i) value = (value << 8) | static_cast<unsigned char>(bytes[at + i]);
  return value;
}

void little_endian(std::string& out, std::uint32_t value, int bytes) {
  for (int i = 0; i < bytes; ++i) out += static_cast<char>((value >> (8 * i)) & 0xFF);
}

// One-image ICO around a PNG. Width/height bytes: 0 means 256 (or more: the PNG's own header is what counts).
std::string png_to_ico(const std::string& png) {
  std::uint32_t width = big_endian_32(png, 16), height = big_endian_32(png, 20);
  std::string ico;
  little_endian(ico, 0, 2);  // reserved
  little_endian(ico, 1, 2);  // type: icon
  little_endian(ico, 1, 2);  // one image
  ico += static_cast<char>(width >= 256 ? 0 : width);
  ico += static_cast<char>(height >= 256 ? 0 : height);
  ico += '\0';               // no palette
  ico += '\0';               // reserved
  little_endian(ico, 1, 2);  // colour planes
  little_endian(ico, 32, 2);  // bits per pixel
  little_endian(ico, static_cast<std::uint32_t>(png.size()), 4);
  little_endian(ico, 6 + 16, 4);  // the image starts right after the directory
  return ico + png;
}

// Where a resolved asset lives on disk: uploads under storage/app/public, defaults under public/.
std::filesystem::path asset_path(const settings::SettingsCache& cache, const settings::ResolvedBrandAsset& asset) {
  if (asset.custom) return cache.uploads_root() / asset.relative_path;
  return cache.public_root() / asset.url.substr(1);  // "/img/…" → public/img/…
}

http::Response icon_response(std::string body) {
  http::Response response;
  response.status = 200;
  response.body = std::move(body);
  response.set_header("Content-Type", "image/x-icon");
  response.set_header("Cache-Control", "public, max-age=86400");
  return response;
}

}  // namespace

http::Response favicon(web::Context& context) {
  const settings::SettingsCache* cache = context.services.settings_cache;
  if (cache == nullptr) throw core::not_found();
  auto snapshot = cache->current();
  const auto& ico = snapshot->asset("favicon_ico");
  if (ico.custom) {
    if (auto bytes = read_file(asset_path(*cache, ico))) return icon_response(std::move(*bytes));
  }
  for (const char* key : {"favicon_32", "favicon_16", "android_chrome_192"}) {
    const auto& asset = snapshot->asset(key);
    if (!asset.custom) continue;
    if (auto bytes = read_file(asset_path(*cache, asset)); bytes && is_png(*bytes))
      return icon_response(png_to_ico(*bytes));
  }
  if (auto bytes = read_file(cache->public_root() / "img" / "android-chrome-192x192.png"); bytes && is_png(*bytes))
    return icon_response(png_to_ico(*bytes));
  throw core::not_found();
}

}  // namespace routes
