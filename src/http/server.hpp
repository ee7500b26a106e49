// The HTTP/1.1 server: accepts connections, enforces transport limits (header size, per-route body size, message
// framing, slow clients), runs the application handler on a worker pool (on the IO thread only for the requests the
// application answers without blocking, see ServerOptions::answer_inline) and drains in-flight requests on SIGTERM/SIGINT. Beast and Asio are confined to server.cpp (pimpl) and request_parse.cpp.
#pragma once

#include <cstdint>
#include <functional>
#include <memory>
#include <optional>
#include <string>
#include <string_view>

#include "http/message.hpp"

namespace http {

// The largest body the application accepts for a request, asked once its header has arrived and before any of
// its body is read: (method as sent, percent-decoded path, Content-Type). Runs on an IO thread: no blocking work.
using BodyLimitLookup =
    std::function<std::size_t(std::string_view method, std::string_view path, std::string_view content_type)>;

// The application's answer when it can give one without blocking (no SQL, no password hashing, no waiting on
// anything), else nullopt and the request goes to the worker pool. Answering on the IO thread spares the hop to
// the pool and back (two thread wake-ups, a large share of a small request's cost). Called on the IO thread with
// the parsed request; deciding and answering in one call leaves no window for the answer to stop being cheap.
using InlineAnswer = std::function<std::optional<Response>(const Request& request)>;

struct ServerOptions {
  std::string host = "127.0.0.1";
  std::uint16_t port = 8000;            // 0 → the kernel picks a free port (see Server::port())
  int io_threads = 1;
  int worker_threads = 4;               // handler threads (SQL, Argon2 and file I/O run here)
  std::size_t max_header_bytes = 16 * 1024;
  std::size_t max_body_bytes = 10 * 1024 * 1024;  // ceiling for any request (upload routes get up to this)
  BodyLimitLookup body_limit_for;       // per-route limit, capped by max_body_bytes; unset → max_body_bytes
  InlineAnswer answer_inline;           // unset → every request goes to the worker pool
  int read_timeout_seconds = 15;        // whole request (headers + body) must arrive within this
  int keepalive_seconds = 30;           // idle time allowed between requests on one connection
  int shutdown_grace_seconds = 15;      // how long SIGTERM waits for in-flight requests
};

using Handler = std::function<Response(const Request&)>;
// Renders the page for a transport-level rejection (400, 408, 413, 431) before the handler ever runs.
using RejectionRenderer = std::function<Response(int status)>;

class Server final {
 public:
  Server(ServerOptions options, Handler handler, RejectionRenderer rejection);
  ~Server();
  Server(const Server&) = delete;
  Server& operator=(const Server&) = delete;

  // Raises the soft open-files limit to the hard one where allowed (logged), binds and listens; throws
  // std::runtime_error naming the failing step ("bind 127.0.0.1:8000: Address in use").
  void listen();
  std::uint16_t port() const;
  // Serves until SIGTERM/SIGINT (or stop()), then drains and returns.
  void run();
  // Asks the server to stop gracefully (thread-safe).
  void stop();

 private:
  struct Impl;
  std::unique_ptr<Impl> impl_;
};

}  // namespace http
