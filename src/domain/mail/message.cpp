// MIME rendering of a UTF-8 message, text only or text + HTML alternative (see message.hpp).
#include "domain/mail/message.hpp"

#include <chrono>
#include <ctime>

#include "core/crypto.hpp"
#include "core/strings.hpp"

namespace mail {

namespace {

bool plain_ascii(const std::string& text) {
  for (unsigned char c : text)
    if (c < 0x20 || c > 0x7e) return false;
  return true;
}

// Header values must not carry line breaks (header injection): they become spaces.
std::string single_line(std::string text) {
  for (auto& c : text)
    if (c == '\r' || c == '\n') c = ' ';
  return text;
}

std::string mailbox(const Address& address) {
  std::string email = single_line(core::trim(address.email));
  std::string name = single_line(core::trim(address.name));
  if (name.empty()) return "<" + email + ">";
  if (plain_ascii(name)) {
    std::string quoted = "\"";
    for (char c : name) {
      if (c == '"' || c == '\\') quoted += '\\';
      quoted += c;
    }
    return quoted + "\" <" + email + ">";
  }
  return encode_header_word(name) + " <" + email + ">";
}

// CRLF line ends, base64, 76-character lines.
std::string base64_lines(const std::string& text) {
  std::string crlf = core::replace_all(core::replace_all(text, "\r\n", "\n"), "\n", "\r\n");
  std::string encoded = core::base64_encode(crlf);
  std::string wrapped;
  for (std::size_t i = 0; i < encoded.size(); i += 76) wrapped += encoded.substr(i, 76) + "\r\n";
  return wrapped;
}

std::string boundary_for(const std::string& message_id) {
  std::string boundary = "=_nico_alt_";
  for (char c : message_id)
    if ((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9')) boundary += c;
  return boundary.substr(0, 70);  // RFC 2046: at most 70 characters
}

}  // namespace

std::string encode_header_word(const std::string& raw) {
  std::string text = single_line(raw);
  if (plain_ascii(text)) return text;
  // Encoded words are limited to 75 characters and header lines should stay within 78: split the UTF-8 text on
  // character boundaries into chunks of at most 36 bytes (48 base64 characters, a 60-character word that still
  // fits after "Subject: ") and join the words with folding whitespace.
  std::string result;
  std::size_t start = 0;
  while (start < text.size()) {
    std::size_t end = std::min(start + 36, text.size());
    while (end < text.size() && (static_cast<unsigned char>(text[end]) & 0xC0) == 0x80) --end;
    if (!result.empty()) result += "\r\n ";
    result += "=?UTF-8?B?" + core::base64_encode(text.substr(start, end - start)) + "?=";
    start = end;
  }
  return result;
}

namespace {

// The body of the message: "Content-Type…" headers, a blank line and the content (text only, or the alternative).
std::string body_entity(const MailMessage& message, const std::string& message_id) {
  std::string mime;
  if (message.html.empty()) {
    mime += "Content-Type: text/plain; charset=UTF-8\r\n";
    mime += "Content-Transfer-Encoding: base64\r\n";
    mime += "\r\n";
    mime += base64_lines(message.body);
    return mime;
  }
  std::string boundary = boundary_for(message_id);
  mime += "Content-Type: multipart/alternative; boundary=\"" + boundary + "\"\r\n";
  mime += "\r\n";
  mime += "--" + boundary + "\r\n";
  mime += "Content-Type: text/plain; charset=UTF-8\r\n";
  mime += "Content-Transfer-Encoding: base64\r\n\r\n";
  mime += base64_lines(message.body);
  mime += "--" + boundary + "\r\n";
  mime += "Content-Type: text/html; charset=UTF-8\r\n";
  mime += "Content-Transfer-Encoding: base64\r\n\r\n";
  mime += base64_lines(message.html);
  mime += "--" + boundary + "--\r\n";
  return mime;
}

// An attachment's name as a quoted-string: only printable ASCII without quotes or backslashes survives.
std::string safe_filename(const std::string& name) {
  std::string safe;
  for (char c : name)
    if (c >= 0x20 && c < 0x7f && c != '"' && c != '\\') safe += c;
  return safe.empty() ? "adjunto" : safe;
}

}  // namespace

std::string render_mime(const MailMessage& message, const std::string& date_rfc5322, const std::string& message_id) {
  std::string mime;
  mime += "Date: " + date_rfc5322 + "\r\n";
  mime += "From: " + mailbox(message.from) + "\r\n";
  mime += "To: " + mailbox(message.to) + "\r\n";
  mime += "Subject: " + encode_header_word(message.subject) + "\r\n";
  mime += "Message-ID: <" + single_line(message_id) + ">\r\n";
  mime += "MIME-Version: 1.0\r\n";
  if (message.attachments.empty()) return mime + body_entity(message, message_id);
  // A different prefix from the alternative's boundary, so the nested one never matches the outer.
  std::string boundary = "=_nico_mix_" + boundary_for(message_id).substr(11);
  mime += "Content-Type: multipart/mixed; boundary=\"" + boundary + "\"\r\n";
  mime += "\r\n";
  mime += "--" + boundary + "\r\n";
  mime += body_entity(message, message_id);
  for (const auto& attachment : message.attachments) {
    std::string name = safe_filename(attachment.filename);
    mime += "--" + boundary + "\r\n";
    mime += "Content-Type: " + single_line(attachment.content_type) + "; name=\"" + name + "\"\r\n";
    mime += "Content-Disposition: attachment; filename=\"" + name + "\"\r\n";
    mime += "Content-Transfer-Encoding: base64\r\n\r\n";
    std::string encoded = core::base64_encode(attachment.content);
    for (std::size_t i = 0; i < encoded.size(); i += 76) mime += encoded.substr(i, 76) + "\r\n";
  }
  mime += "--" + boundary + "--\r\n";
  return mime;
}

std::string rfc5322_now() {
  std::time_t now = std::chrono::system_clock::to_time_t(std::chrono::system_clock::now());
  std::tm utc{};
  gmtime_r(&now, &utc);
  char buffer[64];
  // %a and %b are locale-dependent; the process runs in the C locale, as RFC 5322 needs (English names).
  std::strftime(buffer, sizeof buffer, "%a, %d %b %Y %H:%M:%S +0000", &utc);
  return buffer;
}

}  // namespace mail
