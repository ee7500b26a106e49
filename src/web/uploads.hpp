// Uploaded images (product photos, brand assets). The type is decided by the file's first bytes, never by its
// name or the browser's Content-Type: PNG, JPEG, WebP, GIF and ICO are accepted; SVG (which can carry script),
// PHP or anything else is refused. Stored under storage/app/public/<folder>/ with a random name, so a crafted
// file name cannot choose where it lands or how it is served.
#pragma once

#include <filesystem>
#include <optional>
#include <string>
#include <string_view>

namespace web {

enum class ImageType { kPng, kJpeg, kWebp, kGif, kIco };

std::optional<ImageType> detect_image_type(std::string_view bytes);
std::string_view extension_for(ImageType type);  // "png", "jpg", "webp", "gif", "ico"

struct StoredUpload {
  std::string relative_path;  // "products/3f9c….png", what the database keeps
};

enum class UploadError { kTooLarge, kNotAnImage, kEmpty };
// Spanish message for a form field.
std::string upload_error_message(UploadError error, std::size_t max_bytes);

struct UploadResult {
  std::optional<StoredUpload> stored;
  std::optional<UploadError> error;
};

// Validates and writes atomically (temp file + rename). Throws std::runtime_error on I/O failure.
UploadResult store_image(const std::filesystem::path& public_root, std::string_view folder, std::string_view content,
                         std::size_t max_bytes);

// A safe path below `root` for a URL path segment list ("products/x.png"), or nullopt when it tries to escape
// (.., absolute, backslashes, NUL, hidden files) or does not exist.
std::optional<std::filesystem::path> resolve_public_file(const std::filesystem::path& root, std::string_view relative);

}  // namespace web
