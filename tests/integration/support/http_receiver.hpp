// A local HTTP endpoint on 127.0.0.1 that records every request it receives (webhook and Sentry stand-ins).
#pragma once

#include <atomic>
#include <map>
#include <mutex>
#include <optional>
#include <string>
#include <thread>
#include <vector>

namespace testing_support {

struct ReceivedRequest {
  std::string method, target;
  std::map<std::string, std::string> headers;  // lower-case names
  std::string body;
};

// Reads one request from an accepted connection (3 s per read, Content-Length body); nullopt when the client
// closed or stalled before the end of the headers. Shared by the local receivers (this one, the fake Google).
std::optional<ReceivedRequest> read_request(int fd);

class HttpReceiver final {
 public:
  explicit HttpReceiver(int answer_status = 200);
  ~HttpReceiver();
  int port() const { return port_; }
  std::string url(const std::string& path = "/") const { return "http://127.0.0.1:" + std::to_string(port_) + path; }
  std::vector<ReceivedRequest> requests() const;
  // Waits up to `timeout_ms` for at least `count` requests; returns how many arrived.
  std::size_t wait_for(std::size_t count, int timeout_ms = 5000) const;

 private:
  void serve();
  int listen_fd_ = -1;
  int port_ = 0;
  int answer_status_;
  std::atomic<bool> stopping_{false};
  mutable std::mutex mutex_;
  std::vector<ReceivedRequest> requests_;
  std::thread thread_;
};

}  // namespace testing_support
