#include "web/uploads.hpp"

#include <gtest/gtest.h>

#include <fstream>

#include "core/crypto.hpp"

using namespace std::string_literals;

TEST(Uploads, TheTypeComesFromTheBytesNotTheName) {
  EXPECT_EQ(web::detect_image_type("\x89PNG\r\n\x1a\n....."s), web::ImageType::kPng);
  EXPECT_EQ(web::detect_image_type("\xFF\xD8\xFF\xE0JFIF"s), web::ImageType::kJpeg);
  EXPECT_EQ(web::detect_image_type("RIFF\x10\0\0\0WEBPVP8 "s), web::ImageType::kWebp);
  EXPECT_EQ(web::detect_image_type("GIF89a...."s), web::ImageType::kGif);
  EXPECT_EQ(web::detect_image_type("\0\0\1\0\1\0"s), web::ImageType::kIco);
  EXPECT_FALSE(web::detect_image_type("<?php system($_GET['c']); ?>").has_value());  // PHP named foto.png
  EXPECT_FALSE(web::detect_image_type("<svg xmlns=\"http://www.w3.org/2000/svg\"><script>x</script></svg>").has_value());
  EXPECT_FALSE(web::detect_image_type("").has_value());
}

TEST(Uploads, StoresWithARandomNameAndRefusesBadFiles) {
  auto root = std::filesystem::temp_directory_path() / ("nico-uploads-" + core::random_token(8));
  auto png = "\x89PNG\r\n\x1a\nrest-of-image"s;
  auto stored = web::store_image(root, "products", png, 1024);
  ASSERT_TRUE(stored.stored.has_value());
  EXPECT_EQ(stored.stored->relative_path.rfind("products/", 0), 0u);
  EXPECT_EQ(stored.stored->relative_path.substr(stored.stored->relative_path.size() - 4), ".png");
  EXPECT_TRUE(std::filesystem::exists(root / stored.stored->relative_path));
  EXPECT_EQ(web::store_image(root, "products", "<?php ?>", 1024).error, web::UploadError::kNotAnImage);
  EXPECT_EQ(web::store_image(root, "products", png + std::string(2000, 'x'), 1024).error, web::UploadError::kTooLarge);
  EXPECT_EQ(web::upload_error_message(web::UploadError::kNotAnImage, 0), "El archivo debe ser una imagen PNG, JPG, WebP, GIF o ICO.");
  std::filesystem::remove_all(root);
}

TEST(Uploads, PublicFilesNeverResolveOutsideTheirFolder) {
  auto root = std::filesystem::temp_directory_path() / ("nico-public-" + core::random_token(8));
  std::filesystem::create_directories(root / "products");
  std::ofstream(root / "products/a.png") << "x";
  std::ofstream(root.parent_path() / "secret.txt") << "x";
  EXPECT_TRUE(web::resolve_public_file(root, "products/a.png").has_value());
  EXPECT_FALSE(web::resolve_public_file(root, "../secret.txt").has_value());
  EXPECT_FALSE(web::resolve_public_file(root, "products/../../secret.txt").has_value());
  EXPECT_FALSE(web::resolve_public_file(root, "/etc/passwd").has_value());
  EXPECT_FALSE(web::resolve_public_file(root, "products\\a.png").has_value());
  EXPECT_FALSE(web::resolve_public_file(root, "products/missing.png").has_value());
  std::filesystem::create_directory_symlink("/etc", root / "products/link");
  EXPECT_FALSE(web::resolve_public_file(root, "products/link/hostname").has_value());
  std::filesystem::remove_all(root);
}
