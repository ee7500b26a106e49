// A local SMTP server on 127.0.0.1 for the mail tests: answers EHLO/HELO, MAIL, RCPT, DATA, RSET, NOOP and QUIT
// (no STARTTLS, no AUTH) and records every message it accepts.
#pragma once

#include <atomic>
#include <mutex>
#include <string>
#include <thread>
#include <vector>

namespace testing_support {

struct ReceivedMail {
  std::string ehlo;                     // the name the client gave in EHLO/HELO
  std::string mail_from;                // the MAIL FROM argument, e.g. "<tienda@example.com>"
  std::vector<std::string> recipients;  // RCPT TO arguments
  std::string data;                     // the message as sent in DATA (dot-stuffing undone), CRLF line ends
};

class SmtpReceiver final {
 public:
  SmtpReceiver();
  ~SmtpReceiver();
  int port() const { return port_; }
  std::vector<ReceivedMail> messages() const;
  // Waits up to `timeout_ms` for at least `count` messages; returns how many arrived.
  std::size_t wait_for(std::size_t count, int timeout_ms = 5000) const;

 private:
  void serve();
  void converse(int fd);
  int listen_fd_ = -1;
  int port_ = 0;
  std::atomic<bool> stopping_{false};
  mutable std::mutex mutex_;
  std::vector<ReceivedMail> messages_;
  std::thread thread_;
};

// The decoded text body of a message whose body is base64 (Content-Transfer-Encoding: base64), else the raw body;
// for a multipart message, its text/plain part.
std::string mail_body_text(const std::string& data);
// The decoded part of a multipart message with that Content-Type ("text/html", "text/csv"), looking inside nested
// multiparts, "" when there is none.
std::string mail_part(const std::string& data, const std::string& content_type);
// The value of a header (first occurrence, unfolded), "" when missing.
std::string mail_header(const std::string& data, const std::string& name);
// A header value with RFC 2047 "=?UTF-8?B?…?=" words decoded.
std::string decode_header_words(const std::string& value);

}  // namespace testing_support
