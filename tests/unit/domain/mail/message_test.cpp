#include "domain/mail/message.hpp"

#include <gtest/gtest.h>

#include "core/crypto.hpp"

namespace {

mail::MailMessage sample() {
  mail::MailMessage message;
  message.from = {"tienda@example.com", "NicoReparaciones"};
  message.to = {"ana@example.com", "Ana Pérez"};
  message.subject = "Recibimos tu pedido #12 — NicoReparaciones";
  message.body = "Hola Ana,\n¡Gracias por tu compra!\nTotal: $ 12.345\n";
  return message;
}

std::string body_of(const std::string& mime) {
  std::string encoded = mime.substr(mime.find("\r\n\r\n") + 4), compact;
  for (char c : encoded)
    if (c != '\r' && c != '\n') compact += c;
  return core::base64_decode(compact);
}

}  // namespace

TEST(MailMessage, HeadersAreEncodedAndTheBodyIsBase64Utf8WithCrlf) {
  std::string mime = mail::render_mime(sample(), "Fri, 27 Nov 2026 21:05:00 +0000", "abc@example.com");
  EXPECT_NE(mime.find("Date: Fri, 27 Nov 2026 21:05:00 +0000\r\n"), std::string::npos);
  EXPECT_NE(mime.find("From: \"NicoReparaciones\" <tienda@example.com>\r\n"), std::string::npos);
  EXPECT_NE(mime.find("To: =?UTF-8?B?" + core::base64_encode("Ana Pérez") + "?= <ana@example.com>\r\n"),
            std::string::npos);
  EXPECT_NE(mime.find("Subject: =?UTF-8?B?"), std::string::npos);
  EXPECT_NE(mime.find("Message-ID: <abc@example.com>\r\n"), std::string::npos);
  EXPECT_NE(mime.find("Content-Type: text/plain; charset=UTF-8\r\n"), std::string::npos);
  EXPECT_NE(mime.find("Content-Transfer-Encoding: base64\r\n\r\n"), std::string::npos);
  EXPECT_EQ(body_of(mime), "Hola Ana,\r\n¡Gracias por tu compra!\r\nTotal: $ 12.345\r\n");
  for (std::size_t start = 0, end; (end = mime.find("\r\n", start)) != std::string::npos; start = end + 2)
    EXPECT_LE(end - start, 78u) << mime.substr(start, end - start);
}

TEST(MailMessage, LongUtf8SubjectsSplitIntoWordsOnCharacterBoundaries) {
  std::string subject = "Recibimos tu pedido #12345 — Ñandú Reparaciones y Accesorios de Córdoba Capital";
  std::string encoded = mail::encode_header_word(subject);
  std::string decoded;
  std::size_t pos = 0;
  while ((pos = encoded.find("=?UTF-8?B?", pos)) != std::string::npos) {
    auto end = encoded.find("?=", pos + 10);
    ASSERT_LE(end + 2 - pos, 75u);
    std::string bytes = core::base64_decode(encoded.substr(pos + 10, end - pos - 10));
    ASSERT_FALSE(bytes.empty());
    EXPECT_NE(static_cast<unsigned char>(bytes.front()) & 0xC0, 0x80u);  // never starts mid-character
    decoded += bytes;
    pos = end + 2;
  }
  EXPECT_EQ(decoded, subject);
  EXPECT_EQ(mail::encode_header_word("Plain ASCII"), "Plain ASCII");
}

TEST(MailMessage, LineBreaksInHeaderValuesCannotInjectHeaders) {
  auto message = sample();
  message.subject = "Hola\r\nBcc: victima@example.com";
  message.to.name = "Ana\nBcc: otro@example.com";
  std::string mime = mail::render_mime(message, "Fri, 27 Nov 2026 21:05:00 +0000", "id@example.com");
  EXPECT_EQ(mime.find("\r\nBcc:"), std::string::npos) << mime;
  EXPECT_EQ(mime.find("\nBcc:"), std::string::npos);
}

TEST(MailMessage, DateIsRfc5322InUtc) {
  std::string date = mail::rfc5322_now();
  EXPECT_EQ(date.size(), 31u) << date;
  EXPECT_EQ(date.substr(date.size() - 5), "+0000");
}

TEST(MailMessage, AnHtmlAlternativeMakesAMultipartMessageWithTheTextPartFirst) {
  auto message = sample();
  message.html = "<!DOCTYPE html><p>Hola Ana</p>";
  std::string mime = mail::render_mime(message, "Fri, 27 Nov 2026 21:05:00 +0000", "abc123@example.com");
  const std::string boundary = "=_nico_alt_abc123examplecom";
  EXPECT_NE(mime.find("Content-Type: multipart/alternative; boundary=\"" + boundary + "\"\r\n"), std::string::npos)
      << mime;
  auto text_at = mime.find("--" + boundary + "\r\nContent-Type: text/plain; charset=UTF-8\r\n");
  auto html_at = mime.find("--" + boundary + "\r\nContent-Type: text/html; charset=UTF-8\r\n");
  ASSERT_NE(text_at, std::string::npos);
  ASSERT_NE(html_at, std::string::npos);
  EXPECT_LT(text_at, html_at);
  EXPECT_NE(mime.find("--" + boundary + "--\r\n"), std::string::npos);
  // The parts are base64 and carry their own text.
  auto part = [&](std::size_t at) {
    auto start = mime.find("\r\n\r\n", at) + 4;
    auto end = mime.find("--" + boundary, start);
    std::string compact;
    for (char c : mime.substr(start, end - start))
      if (c != '\r' && c != '\n') compact += c;
    return core::base64_decode(compact);
  };
  EXPECT_EQ(part(text_at), "Hola Ana,\r\n¡Gracias por tu compra!\r\nTotal: $ 12.345\r\n");
  EXPECT_EQ(part(html_at), "<!DOCTYPE html><p>Hola Ana</p>");
  for (std::size_t start = 0, end; (end = mime.find("\r\n", start)) != std::string::npos; start = end + 2)
    EXPECT_LE(end - start, 78u) << mime.substr(start, end - start);
}

TEST(MailMessage, AttachmentsMakeAMixedMessageAroundTheAlternativeAndKeepTheirBytes) {
  auto message = sample();
  message.html = "<p>Hola</p>";
  message.attachments.push_back({"kpi \"semana\".csv", "text/csv; charset=UTF-8", "a;b\r\n1;2\r\n"});
  std::string mime = mail::render_mime(message, "Fri, 27 Nov 2026 21:05:00 +0000", "abc123@example.com");
  const std::string mixed = "=_nico_mix_abc123examplecom", alternative = "=_nico_alt_abc123examplecom";
  EXPECT_NE(mime.find("Content-Type: multipart/mixed; boundary=\"" + mixed + "\"\r\n"), std::string::npos) << mime;
  auto alternative_at = mime.find("--" + mixed + "\r\nContent-Type: multipart/alternative; boundary=\"" + alternative);
  auto attachment_at = mime.find("--" + mixed + "\r\nContent-Type: text/csv; charset=UTF-8; name=\"kpi semana.csv\"\r\n"
                                 "Content-Disposition: attachment; filename=\"kpi semana.csv\"\r\n");
  ASSERT_NE(alternative_at, std::string::npos) << mime;
  ASSERT_NE(attachment_at, std::string::npos) << mime;
  EXPECT_LT(alternative_at, attachment_at);
  EXPECT_NE(mime.find("--" + alternative + "--\r\n"), std::string::npos);
  EXPECT_EQ(mime.substr(mime.size() - mixed.size() - 6), "--" + mixed + "--\r\n");
  auto start = mime.find("\r\n\r\n", attachment_at) + 4;
  auto end = mime.find("--" + mixed + "--", start);
  std::string compact;
  for (char c : mime.substr(start, end - start))
    if (c != '\r' && c != '\n') compact += c;
  EXPECT_EQ(core::base64_decode(compact), "a;b\r\n1;2\r\n");
}
