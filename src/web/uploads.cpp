// Upload validation and storage (see uploads.hpp).
#include "web/uploads.hpp"

#include <fstream>

#include "core/crypto.hpp"

namespace web {

namespace {
bool starts_with(std::string_view bytes, std::string_view magic) { return bytes.substr(0, magic.size()) == magic; }
}  // namespace

std::optional<ImageType> detect_image_type(std::string_view bytes) {
  using namespace std::string_view_literals;
  if (starts_with(bytes, "\x89PNG\r\n\x1a\n"sv)) return ImageType::kPng;
  if (starts_with(bytes, "\xFF\xD8\xFF"sv)) return ImageType::kJpeg;
  if (bytes.size() >= 12 && starts_with(bytes, "RIFF"sv) && bytes.substr(8, 4) == "WEBP"sv) return ImageType::kWebp;
  if (starts_with(bytes, "GIF87a"sv) || starts_with(bytes, "GIF89a"sv)) return ImageType::kGif;
  if (starts_with(bytes, std::string_view("\x00\x00\x01\x00", 4)) && bytes.size() >= 6) return ImageType::kIco;
  return std::nullopt;
}

std::string_view extension_for(ImageType type) {
  switch (type) {
    case ImageType::kPng: return "png";
    case ImageType::kJpeg: return "jpg";
    case ImageType::kWebp: return "webp";
    case ImageType::kGif: return "gif";
    case ImageType::kIco: return "ico";
  }
  return "bin";
}

std::string upload_error_message(UploadError error, std::size_t max_bytes) {
  switch (error) {
    case UploadError::kTooLarge:
      return "La imagen no puede superar " + std::to_string(max_bytes / (1024 * 1024)) + " MB.";
    case UploadError::kNotAnImage: return "El archivo debe ser una imagen PNG, JPG, WebP, GIF o ICO.";
    case UploadError::kEmpty: return "El archivo está vacío.";
  }
  return "Archivo inválido.";
}

UploadResult store_image(const std::filesystem::path& public_root, std::string_view folder, std::string_view content,
                         std::size_t max_bytes) {
  UploadResult result;
  if (content.empty()) result.error = UploadError::kEmpty;
  else if (content.size() > max_bytes) result.error = UploadError::kTooLarge;
  auto type = detect_image_type(content);
  if (!result.error && !type) result.error = UploadError::kNotAnImage;
  if (result.error) return result;

  std::string name = core::hex_encode(core::random_bytes(16)) + "." + std::string(extension_for(*type));
  auto directory = public_root / std::filesystem::path(folder);
  std::filesystem::create_directories(directory);
  auto target = directory / name, temp = directory / ("." + name + ".tmp");
  {
    std::ofstream out(temp, std::ios::binary | std::ios::trunc);
    out.write(content.data(), static_cast<std::streamsize>(content.size()));
    if (!out.flush()) throw std::runtime_error("cannot write " + temp.string());
  }
  std::filesystem::rename(temp, target);
  result.stored = StoredUpload{std::string(folder) + "/" + name};
  return result;
}

std::optional<std::filesystem::path> resolve_public_file(const std::filesystem::path& root, std::string_view relative) {
  if (relative.empty() || relative.size() > 512 || relative.front() == '/' || relative.find("..") != std::string_view::npos ||
      relative.find('\\') != std::string_view::npos || relative.find('\0') != std::string_view::npos ||
      relative.front() == '.' || relative.find("/.") != std::string_view::npos)
    return std::nullopt;
  auto path = root / std::filesystem::path(relative);
  std::error_code ec;
  if (!std::filesystem::is_regular_file(path, ec)) return std::nullopt;
  // Belt and braces against symlinks pointing outside the uploads folder.
  auto canonical_root = std::filesystem::weakly_canonical(root, ec);
  auto canonical_file = std::filesystem::weakly_canonical(path, ec);
  if (ec || canonical_file.string().rfind(canonical_root.string() + "/", 0) != 0) return std::nullopt;
  return path;
}

}  // namespace web
