// Minimal blocking SMTP receiver for tests (see smtp_receiver.hpp). One connection at a time.
#include "smtp_receiver.hpp"

#include <arpa/inet.h>
#include <netinet/in.h>
#include <poll.h>
#include <sys/socket.h>
#include <unistd.h>

#include <chrono>
#include <stdexcept>

#include "core/crypto.hpp"
#include "core/strings.hpp"
#include "loopback_listener.hpp"

namespace testing_support {

namespace {

void send_line(int fd, const std::string& line) {
  std::string text = line + "\r\n";
  ::send(fd, text.data(), text.size(), MSG_NOSIGNAL);
}

// Reads one CRLF-terminated line into `line` (without CRLF), keeping extra bytes in `buffer`. False on EOF/timeout.
bool read_line(int fd, std::string& buffer, std::string& line) {
  for (;;) {
    auto end = buffer.find("\r\n");
    if (end != std::string::npos) {
      line = buffer.substr(0, end);
      buffer.erase(0, end + 2);
      return true;
    }
    pollfd pfd{fd, POLLIN, 0};
    if (poll(&pfd, 1, 5000) <= 0) return false;
    char chunk[4096];
    ssize_t n = recv(fd, chunk, sizeof chunk, 0);
    if (n <= 0) return false;
    buffer.append(chunk, static_cast<std::size_t>(n));
  }
}

}  // namespace

SmtpReceiver::SmtpReceiver() {
  listen_fd_ = listen_on_loopback(port_, "SMTP receiver");
  thread_ = std::thread([this] { serve(); });
}

SmtpReceiver::~SmtpReceiver() {
  stopping_ = true;
  shutdown(listen_fd_, SHUT_RDWR);
  close(listen_fd_);
  thread_.join();
}

void SmtpReceiver::serve() {
  while (!stopping_) {
    pollfd pfd{listen_fd_, POLLIN, 0};
    if (poll(&pfd, 1, 100) <= 0) continue;
    int fd = accept(listen_fd_, nullptr, nullptr);
    if (fd < 0) continue;
    converse(fd);
    close(fd);
  }
}

void SmtpReceiver::converse(int fd) {
  std::string buffer, line;
  ReceivedMail mail;
  send_line(fd, "220 localhost test SMTP ready");
  while (read_line(fd, buffer, line)) {
    std::string verb = core::to_upper(line.substr(0, 4));
    if (verb == "EHLO" || verb == "HELO") {
      mail.ehlo = core::trim(line.substr(4));
      if (verb == "EHLO") {
        send_line(fd, "250-localhost greets " + mail.ehlo);
        send_line(fd, "250 8BITMIME");
      } else {
        send_line(fd, "250 localhost");
      }
    } else if (verb == "MAIL") {
      auto colon = line.find(':');
      mail.mail_from = core::trim(line.substr(colon == std::string::npos ? line.size() : colon + 1));
      auto space = mail.mail_from.find(' ');  // drop parameters such as SIZE=
      if (space != std::string::npos) mail.mail_from.resize(space);
      send_line(fd, "250 OK");
    } else if (verb == "RCPT") {
      auto colon = line.find(':');
      mail.recipients.push_back(core::trim(line.substr(colon == std::string::npos ? line.size() : colon + 1)));
      send_line(fd, "250 OK");
    } else if (verb == "DATA") {
      send_line(fd, "354 End data with <CR><LF>.<CR><LF>");
      std::string data;
      while (read_line(fd, buffer, line)) {
        if (line == ".") break;
        if (!line.empty() && line[0] == '.') line.erase(0, 1);
        data += line + "\r\n";
      }
      mail.data = data;
      {
        std::lock_guard<std::mutex> lock(mutex_);
        messages_.push_back(mail);
      }
      mail.mail_from.clear();
      mail.recipients.clear();
      send_line(fd, "250 OK: queued");
    } else if (verb == "RSET" || verb == "NOOP") {
      send_line(fd, "250 OK");
    } else if (verb == "QUIT") {
      send_line(fd, "221 Bye");
      return;
    } else {
      send_line(fd, "502 Command not implemented");
    }
  }
}

std::vector<ReceivedMail> SmtpReceiver::messages() const {
  std::lock_guard<std::mutex> lock(mutex_);
  return messages_;
}

std::size_t SmtpReceiver::wait_for(std::size_t count, int timeout_ms) const {
  auto deadline = std::chrono::steady_clock::now() + std::chrono::milliseconds(timeout_ms);
  for (;;) {
    std::size_t have = messages().size();
    if (have >= count || std::chrono::steady_clock::now() >= deadline) return have;
    std::this_thread::sleep_for(std::chrono::milliseconds(20));
  }
}

std::string mail_header(const std::string& data, const std::string& name) {
  auto head_end = data.find("\r\n\r\n");
  std::string head = data.substr(0, head_end);
  std::string wanted = core::to_lower(name) + ":";
  std::size_t pos = 0;
  while (pos < head.size()) {
    auto end = head.find("\r\n", pos);
    if (end == std::string::npos) end = head.size();
    std::string line = head.substr(pos, end - pos);
    if (core::to_lower(line.substr(0, wanted.size())) == wanted) {
      std::string value = core::trim(line.substr(wanted.size()));
      // Folded continuation lines start with whitespace.
      std::size_t next = end + 2;
      while (next < head.size() && (head[next] == ' ' || head[next] == '\t')) {
        auto cont_end = head.find("\r\n", next);
        if (cont_end == std::string::npos) cont_end = head.size();
        value += " " + core::trim(head.substr(next, cont_end - next));
        next = cont_end + 2;
      }
      return value;
    }
    pos = end + 2;
  }
  return {};
}

std::string decode_header_words(const std::string& value) {
  std::string result;
  std::size_t pos = 0;
  bool previous_was_word = false;
  while (pos < value.size()) {
    auto start = value.find("=?UTF-8?B?", pos);
    if (start == std::string::npos) {
      result += value.substr(pos);
      break;
    }
    std::string between = value.substr(pos, start - pos);
    if (!(previous_was_word && core::trim(between).empty())) result += between;  // space between words is dropped
    auto end = value.find("?=", start + 10);
    if (end == std::string::npos) {
      result += value.substr(start);
      break;
    }
    result += core::base64_decode(value.substr(start + 10, end - start - 10));
    pos = end + 2;
    previous_was_word = true;
  }
  return result;
}

namespace {

// Headers + body of one entity (a whole message or a part), body decoded when base64, line ends "\n".
std::string decoded_body(const std::string& entity) {
  auto head_end = entity.find("\r\n\r\n");
  if (head_end == std::string::npos) return {};
  std::string body = entity.substr(head_end + 4);
  if (core::to_lower(mail_header(entity, "Content-Transfer-Encoding")) != "base64") return body;
  std::string compact;
  for (char c : body)
    if (c != '\r' && c != '\n') compact += c;
  return core::replace_all(core::base64_decode(compact), "\r\n", "\n");
}

// The parts of a multipart entity (each with its own headers), empty when it is not multipart.
std::vector<std::string> parts_of(const std::string& data) {
  std::string type = mail_header(data, "Content-Type");
  auto at = type.find("boundary=\"");
  if (core::to_lower(type).rfind("multipart/", 0) != 0 || at == std::string::npos) return {};
  std::string boundary = "--" + type.substr(at + 10, type.find('"', at + 10) - at - 10);
  std::vector<std::string> parts;
  auto start = data.find(boundary + "\r\n");
  while (start != std::string::npos) {
    start += boundary.size() + 2;
    auto end = data.find("\r\n" + boundary, start);
    if (end == std::string::npos) break;
    parts.push_back(data.substr(start, end - start + 2));
    start = data.compare(end + 2 + boundary.size(), 2, "--") == 0 ? std::string::npos : end + 2;
  }
  return parts;
}

}  // namespace

std::string mail_part(const std::string& data, const std::string& content_type) {
  for (const auto& part : parts_of(data)) {
    // A multipart/mixed mail (attachments) nests the text/HTML alternative: look inside it too.
    if (core::starts_with_ci(mail_header(part, "Content-Type"), "multipart/")) {
      if (auto inner = mail_part(part, content_type); !inner.empty()) return inner;
      continue;
    }
    if (core::starts_with_ci(mail_header(part, "Content-Type"), content_type)) return decoded_body(part);
  }
  return {};
}

std::string mail_body_text(const std::string& data) {
  if (!parts_of(data).empty()) return mail_part(data, "text/plain");
  return decoded_body(data);
}

}  // namespace testing_support
