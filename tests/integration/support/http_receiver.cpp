// Minimal blocking HTTP/1.1 receiver for tests (see http_receiver.hpp). One request per connection.
#include "http_receiver.hpp"

#include <arpa/inet.h>
#include <netinet/in.h>
#include <poll.h>
#include <sys/socket.h>
#include <unistd.h>

#include <chrono>
#include <stdexcept>

#include "core/strings.hpp"
#include "loopback_listener.hpp"

namespace testing_support {

HttpReceiver::HttpReceiver(int answer_status) : answer_status_(answer_status) {
  listen_fd_ = listen_on_loopback(port_, "receiver");
  thread_ = std::thread([this] { serve(); });
}

HttpReceiver::~HttpReceiver() {
  stopping_ = true;
  shutdown(listen_fd_, SHUT_RDWR);
  close(listen_fd_);
  thread_.join();
}

std::optional<ReceivedRequest> read_request(int fd) {
  std::string data;
  char buffer[8192];
  std::size_t header_end = std::string::npos, content_length = 0;
  for (;;) {
    pollfd cfd{fd, POLLIN, 0};
    if (poll(&cfd, 1, 3000) <= 0) break;
    ssize_t n = recv(fd, buffer, sizeof buffer, 0);
    if (n <= 0) break;
    data.append(buffer, static_cast<std::size_t>(n));
    if (header_end == std::string::npos && (header_end = data.find("\r\n\r\n")) != std::string::npos) {
      std::string lowered = core::to_lower(data.substr(0, header_end));
      auto at = lowered.find("content-length:");
      if (at != std::string::npos) content_length = std::stoul(lowered.substr(at + 15));
    }
    if (header_end != std::string::npos && data.size() >= header_end + 4 + content_length) break;
  }
  if (header_end == std::string::npos) return std::nullopt;
  ReceivedRequest request;
  std::string head = data.substr(0, header_end);
  auto line_end = head.find("\r\n");
  std::string line = head.substr(0, line_end);
  auto space1 = line.find(' '), space2 = line.find(' ', space1 + 1);
  request.method = line.substr(0, space1);
  request.target = line.substr(space1 + 1, space2 - space1 - 1);
  std::size_t pos = line_end == std::string::npos ? head.size() : line_end + 2;
  while (pos < head.size()) {
    auto next = head.find("\r\n", pos);
    if (next == std::string::npos) next = head.size();
    std::string header = head.substr(pos, next - pos);
    auto colon = header.find(':');
    if (colon != std::string::npos)
      request.headers[core::to_lower(header.substr(0, colon))] = core::trim(header.substr(colon + 1));
    pos = next + 2;
  }
  request.body = data.substr(header_end + 4, content_length);
  return request;
}

void HttpReceiver::serve() {
  while (!stopping_) {
    pollfd pfd{listen_fd_, POLLIN, 0};
    if (poll(&pfd, 1, 100) <= 0) continue;
    int fd = accept(listen_fd_, nullptr, nullptr);
    if (fd < 0) continue;
    if (auto request = read_request(fd)) {
      std::lock_guard lock(mutex_);
      requests_.push_back(std::move(*request));
    }
    std::string answer = "HTTP/1.1 " + std::to_string(answer_status_) + " X\r\nContent-Length: 2\r\nConnection: close\r\n\r\nok";
    send(fd, answer.data(), answer.size(), MSG_NOSIGNAL);
    close(fd);
  }
}

std::vector<ReceivedRequest> HttpReceiver::requests() const {
  std::lock_guard lock(mutex_);
  return requests_;
}

std::size_t HttpReceiver::wait_for(std::size_t count, int timeout_ms) const {
  auto deadline = std::chrono::steady_clock::now() + std::chrono::milliseconds(timeout_ms);
  while (std::chrono::steady_clock::now() < deadline) {
    if (requests().size() >= count) break;
    std::this_thread::sleep_for(std::chrono::milliseconds(20));
  }
  return requests().size();
}

}  // namespace testing_support
