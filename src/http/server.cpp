// Beast/Asio implementation of http::Server. One coroutine per connection:
//   read header (timeout) → early 413 from Content-Length → "100 Continue" if asked → read body (timeout)
//   → hop to the worker pool and run the handler → write → loop while keep-alive.
// On SIGTERM/SIGINT the acceptor closes, connections finish the request they are serving (answering with
// Connection: close), and the IO context stops once nothing is in flight or the grace period ends.
#include "http/server.hpp"

#include <boost/asio.hpp>
#include <boost/asio/as_tuple.hpp>
#include <boost/beast/core.hpp>
#include <boost/beast/http.hpp>

#include <atomic>
#include <thread>

#include "core/log.hpp"
#include "core/strings.hpp"

namespace http {

namespace asio = boost::asio;
namespace beast = boost::beast;
namespace bhttp = boost::beast::http;
using tcp = asio::ip::tcp;
using asio::awaitable;
using asio::use_awaitable;
constexpr auto kTuple = asio::as_tuple(asio::use_awaitable);

namespace {

std::string percent_decode_path(std::string_view raw) {
  std::string out;
  out.reserve(raw.size());
  for (std::size_t i = 0; i < raw.size(); ++i) {
    if (raw[i] == '%' && i + 2 < raw.size()) {
      auto hex = [](char c) -> int {
        if (c >= '0' && c <= '9') return c - '0';
        if (c >= 'a' && c <= 'f') return c - 'a' + 10;
        if (c >= 'A' && c <= 'F') return c - 'A' + 10;
        return -1;
      };
      int hi = hex(raw[i + 1]), lo = hex(raw[i + 2]);
      if (hi >= 0 && lo >= 0) {
        out.push_back(static_cast<char>(hi * 16 + lo));
        i += 2;
        continue;
      }
    }
    out.push_back(raw[i]);
  }
  return out;
}

Request to_request(const bhttp::request<bhttp::string_body>& message, const std::string& peer) {
  Request request;
  request.method = std::string(message.method_string());
  request.target = std::string(message.target());
  std::string_view target = request.target;
  std::size_t question = target.find('?');
  request.path = percent_decode_path(target.substr(0, question));
  if (question != std::string_view::npos) request.query = std::string(target.substr(question + 1));
  for (const auto& field : message) {
    request.headers.push_back({core::to_lower(field.name_string()), std::string(field.value())});
  }
  request.body = message.body();
  request.peer_address = peer;
  request.http_version = message.version();
  return request;
}

}  // namespace

struct Server::Impl {
  ServerOptions options;
  Handler handler;
  RejectionRenderer rejection;
  asio::io_context io{options.io_threads};
  asio::thread_pool workers{static_cast<std::size_t>(options.worker_threads)};
  tcp::acceptor acceptor{io};
  asio::signal_set signals{io, SIGINT, SIGTERM};
  std::atomic<bool> stopping{false};
  std::atomic<int> in_flight{0};
  std::uint16_t bound_port = 0;

  Impl(ServerOptions o, Handler h, RejectionRenderer r)
      : options(std::move(o)), handler(std::move(h)), rejection(std::move(r)) {}

  awaitable<void> accept_loop() {
    for (;;) {
      // Each connection gets its own strand: its coroutine and its deadline timer never run concurrently.
      auto [ec, socket] = co_await acceptor.async_accept(asio::make_strand(io), kTuple);
      if (ec) {
        if (ec == asio::error::operation_aborted || stopping) co_return;
        core::log::warning("accept failed", {{"error", ec.message()}});
        continue;
      }
      auto executor = socket.get_executor();
      asio::co_spawn(executor, serve_connection(std::move(socket)), [](std::exception_ptr error) {
        if (!error) return;
        try {
          std::rethrow_exception(error);
        } catch (const std::exception& e) {
          core::log::error("connection failed", {{"error", e.what()}});
        }
      });
    }
  }

  // Sends a prepared message; for HEAD only its header block (with the Content-Length the body would have).
  template <class Body>
  static awaitable<beast::error_code> send(beast::tcp_stream& stream, bhttp::response<Body>& message,
                                           const Response& response, bool keep_alive, bool head_only) {
    for (const auto& h : response.headers) message.insert(h.name, h.value);
    message.keep_alive(keep_alive);
    message.prepare_payload();
    if (head_only) {
      bhttp::response<bhttp::empty_body> head{message.result(), message.version()};
      head.base() = message.base();
      auto [ec, n] = co_await bhttp::async_write(stream, head, kTuple);
      co_return ec;
    }
    auto [ec, n] = co_await bhttp::async_write(stream, message, kTuple);
    co_return ec;
  }

  // Writes a response built by the application (or the rejection renderer) to the stream.
  awaitable<beast::error_code> write_response(beast::tcp_stream& stream, Response response, unsigned version,
                                              bool keep_alive, bool head_only) {
    if (stopping) keep_alive = false;
    if (!response.file_path.empty()) {
      bhttp::response<bhttp::file_body> message{static_cast<bhttp::status>(response.status), version};
      beast::error_code open_error;
      message.body().open(response.file_path.c_str(), beast::file_mode::scan, open_error);
      if (!open_error) co_return co_await send(stream, message, response, keep_alive, head_only);
      response = rejection(404);  // the file vanished between lookup and open
    }
    bhttp::response<bhttp::string_body> message{static_cast<bhttp::status>(response.status), version};
    message.body() = std::move(response.body);
    co_return co_await send(stream, message, response, keep_alive, head_only);
  }

  awaitable<void> reject(beast::tcp_stream& stream, int status) {
    co_await write_response(stream, rejection(status), 11, false, false);
    beast::error_code ignored;
    stream.socket().shutdown(tcp::socket::shutdown_send, ignored);
  }

  // Per-connection state shared with the read-deadline timer, whose handler may run after the coroutine moved on.
  struct Connection {
    explicit Connection(tcp::socket socket) : stream(std::move(socket)), deadline(stream.get_executor()) {}
    beast::tcp_stream stream;
    beast::flat_buffer buffer;
    asio::steady_timer deadline;
    bool timed_out = false;
  };

  // Reads are bounded by our own timer rather than tcp_stream's expiry, because the latter closes the socket
  // and a slow client could then not be told "408".
  static void arm_deadline(const std::shared_ptr<Connection>& connection, int seconds) {
    connection->timed_out = false;
    connection->deadline.expires_after(std::chrono::seconds(seconds));
    connection->deadline.async_wait([connection](const beast::error_code& ec) {
      if (ec) return;  // cancelled: the read finished first
      connection->timed_out = true;
      beast::error_code ignored;
      connection->stream.socket().cancel(ignored);
    });
  }

  awaitable<void> serve_connection(tcp::socket socket) {
    beast::error_code peer_error;
    auto endpoint = socket.remote_endpoint(peer_error);
    std::string peer = peer_error ? std::string() : endpoint.address().to_string();
    auto connection = std::make_shared<Connection>(std::move(socket));
    auto& stream = connection->stream;
    auto& buffer = connection->buffer;
    bool first = true;

    while (!stopping) {
      // A fresh parser per message (Beast requires it); limits apply to this message only.
      bhttp::request_parser<bhttp::string_body> parser;
      parser.header_limit(static_cast<std::uint32_t>(options.max_header_bytes));
      parser.body_limit(options.max_body_bytes);

      // Idle keep-alive connections get the keep-alive timeout; a request in progress the read timeout.
      arm_deadline(connection, first || buffer.size() > 0 ? options.read_timeout_seconds : options.keepalive_seconds);
      auto [header_error, header_bytes] = co_await bhttp::async_read_header(stream, buffer, parser, kTuple);
      connection->deadline.cancel();
      if (header_error) {
        bool partial = parser.got_some() || buffer.size() > 0;
        if (header_error == bhttp::error::header_limit) co_await reject(stream, 431);
        else if (header_error == bhttp::error::body_limit) co_await reject(stream, 413);
        else if (connection->timed_out && partial) co_await reject(stream, 408);
        else if (!connection->timed_out && partial && header_error != bhttp::error::end_of_stream &&
                 header_error != asio::error::connection_reset && header_error != asio::error::eof &&
                 header_error != asio::error::operation_aborted)
          co_await reject(stream, 400);
        co_return;
      }
      first = false;

      auto& header = parser.get();
      if (auto length = parser.content_length(); length && *length > options.max_body_bytes) {
        co_await reject(stream, 413);
        co_return;
      }
      if (core::equals_ci(header[bhttp::field::expect], "100-continue")) {
        bhttp::response<bhttp::empty_body> go_on{bhttp::status::continue_, 11};
        auto [ec, n] = co_await bhttp::async_write(stream, go_on, kTuple);
        if (ec) co_return;
      }
      arm_deadline(connection, options.read_timeout_seconds);
      auto [body_error, body_bytes] = co_await bhttp::async_read(stream, buffer, parser, kTuple);
      connection->deadline.cancel();
      if (body_error) {
        if (body_error == bhttp::error::body_limit) co_await reject(stream, 413);
        else if (connection->timed_out) co_await reject(stream, 408);
        else if (body_error != bhttp::error::end_of_stream && body_error != asio::error::connection_reset)
          co_await reject(stream, 400);
        co_return;
      }

      auto message = parser.release();
      bool keep_alive = message.keep_alive();
      bool head_only = message.method() == bhttp::verb::head;
      unsigned version = message.version();
      Request request = to_request(message, peer);

      ++in_flight;
      // Run the application on the worker pool; the coroutine resumes on this connection's strand.
      Response response = co_await asio::co_spawn(
          workers.get_executor(),
          [this, &request]() -> awaitable<Response> { co_return handler(request); }, use_awaitable);
      // Writes are bounded by tcp_stream's own expiry (closing a stalled reader is the right answer there).
      stream.expires_after(std::chrono::seconds(options.read_timeout_seconds));
      auto write_error = co_await write_response(stream, std::move(response), version, keep_alive, head_only);
      stream.expires_never();
      --in_flight;
      if (write_error || !keep_alive) break;
    }
    beast::error_code ignored;
    stream.socket().shutdown(tcp::socket::shutdown_send, ignored);
  }

  void begin_shutdown() {
    if (stopping.exchange(true)) return;
    core::log::info("shutting down: no new connections, draining in-flight requests");
    beast::error_code ignored;
    acceptor.close(ignored);
    auto deadline = std::chrono::steady_clock::now() + std::chrono::seconds(options.shutdown_grace_seconds);
    asio::co_spawn(io, [this, deadline]() -> awaitable<void> {
      asio::steady_timer timer(io);
      while (in_flight > 0 && std::chrono::steady_clock::now() < deadline) {
        timer.expires_after(std::chrono::milliseconds(25));
        co_await timer.async_wait(kTuple);
      }
      if (in_flight > 0) core::log::warning("grace period over with requests still running; stopping anyway");
      io.stop();
    }, asio::detached);
  }
};

Server::Server(ServerOptions options, Handler handler, RejectionRenderer rejection)
    : impl_(std::make_unique<Impl>(std::move(options), std::move(handler), std::move(rejection))) {}

Server::~Server() {
  impl_->workers.join();
}

void Server::listen() {
  auto& acceptor = impl_->acceptor;
  beast::error_code ec;
  auto address = asio::ip::make_address(impl_->options.host, ec);
  if (ec) throw std::runtime_error("invalid listen address '" + impl_->options.host + "': " + ec.message());
  tcp::endpoint endpoint(address, impl_->options.port);
  std::string where = impl_->options.host + ":" + std::to_string(impl_->options.port);
  acceptor.open(endpoint.protocol(), ec);
  if (ec) throw std::runtime_error("open " + where + ": " + ec.message());
  acceptor.set_option(asio::socket_base::reuse_address(true), ec);
  if (ec) throw std::runtime_error("set_option " + where + ": " + ec.message());
  acceptor.bind(endpoint, ec);
  if (ec) throw std::runtime_error("bind " + where + ": " + ec.message());
  acceptor.listen(asio::socket_base::max_listen_connections, ec);
  if (ec) throw std::runtime_error("listen " + where + ": " + ec.message());
  impl_->bound_port = acceptor.local_endpoint().port();
}

std::uint16_t Server::port() const { return impl_->bound_port; }

void Server::run() {
  auto& impl = *impl_;
  impl.signals.async_wait([&impl](const beast::error_code& ec, int) {
    if (!ec) impl.begin_shutdown();
  });
  asio::co_spawn(impl.io, impl.accept_loop(), asio::detached);
  std::vector<std::thread> extra;
  for (int i = 1; i < impl.options.io_threads; ++i) extra.emplace_back([&impl] { impl.io.run(); });
  impl.io.run();
  for (auto& t : extra) t.join();
  impl.workers.join();
}

void Server::stop() {
  asio::post(impl_->io, [impl = impl_.get()] { impl->begin_shutdown(); });
}

}  // namespace http
