// Beast/Asio implementation of http::Server (the parsed request's checks and translation live in
// request_parse.cpp). One coroutine per connection:
//   read header (timeout) → framing checks (400) → the route's body limit, 413 from Content-Length
//   → "100 Continue" if asked → read body (timeout, same limit for chunked bodies)
//   → run the handler (on the worker pool, or here on the IO thread when the application says the request does not
//   block: /up, static files, kept guest pages) → write (head and body in one gathered write) → loop while keep-alive.
// The accept loop pauses when the process runs out of file descriptors instead of spinning (see accept_loop).
// On SIGTERM/SIGINT the acceptor closes, connections finish the request they are serving (answering with
// Connection: close), and the IO context stops once nothing is in flight or the grace period ends.
#include "http/server.hpp"

#include <pthread.h>
#include <sched.h>
#include <sys/resource.h>

#include <boost/asio.hpp>
#include <boost/asio/as_tuple.hpp>
#include <boost/beast/core.hpp>
#include <boost/beast/http.hpp>

#include <algorithm>
#include <array>
#include <atomic>
#include <cerrno>
#include <fstream>
#include <latch>
#include <system_error>
#include <thread>

#include "core/log.hpp"
#include "core/strings.hpp"
#include "http/request_parse.hpp"
#include "http/response_head.hpp"
#include "http/validators.hpp"

namespace http {

namespace asio = boost::asio;
namespace beast = boost::beast;
namespace bhttp = boost::beast::http;
using tcp = asio::ip::tcp;
using asio::awaitable;
using asio::use_awaitable;
constexpr auto kTuple = asio::as_tuple(asio::use_awaitable);

namespace {

// Lets `serve` hold as many connections as the operator allows: the soft RLIMIT_NOFILE (often 1024) is raised to
// the hard one. Never above it (only root could), so a test or a systemd LimitNOFILE= stays in charge.
void raise_open_files_limit() {
  rlimit limit{};
  if (getrlimit(RLIMIT_NOFILE, &limit) != 0) return;
  rlim_t wanted = limit.rlim_max;
  if (wanted == RLIM_INFINITY) {
    // Linux refuses an infinite soft limit; the kernel's own ceiling is fs.nr_open.
    wanted = 1048576;
    std::ifstream("/proc/sys/fs/nr_open") >> wanted;
  }
  if (limit.rlim_cur < wanted) {
    rlimit raised = limit;
    raised.rlim_cur = wanted;
    if (setrlimit(RLIMIT_NOFILE, &raised) == 0) limit = raised;
  }
  core::log::info("open files limit", {{"soft", std::to_string(limit.rlim_cur)},
                                       {"hard", limit.rlim_max == RLIM_INFINITY ? std::string("unlimited")
                                                                                : std::to_string(limit.rlim_max)}});
}

// Accept errors that mean "no descriptor or kernel memory left": retrying at once only spins.
bool is_resource_exhaustion(const beast::error_code& ec) {
  if (ec.category() != boost::system::system_category()) return false;
  int value = ec.value();
  return value == EMFILE || value == ENFILE || value == ENOBUFS || value == ENOMEM;
}

// The IO thread serves every connection, so its time is the server's throughput. Each request it hands to the pool
// wakes a worker, and a woken thread of the normal policy may preempt the thread that woke it: the IO thread lost
// ~15 % of its time that way on the repair lookup (perf), paused mid-loop while the worker it woke ran. Under
// SCHED_BATCH a woken worker never preempts; it runs on an idle core at once, or when the IO thread next waits. CPU
// shares are unchanged (same weight as SCHED_OTHER). Threads and processes a worker starts (an alert's sender, a
// backup's dump) inherit the policy: background work, which suits it. Never throws: a worker that stays at the
// normal policy only costs speed.
void mark_as_batch_thread() noexcept {
  sched_param unused{};  // SCHED_BATCH takes priority 0
  if (int error = pthread_setschedparam(pthread_self(), SCHED_BATCH, &unused); error != 0) {
    try {
      core::log::warning("worker thread left at the normal scheduling policy",
                         {{"error", std::system_category().message(error)}});
    } catch (...) {
    }
  }
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
  std::atomic<int> in_flight{0};  // requests between their header and the end of their answer
  struct InFlight {
    std::atomic<int>& count;
    explicit InFlight(std::atomic<int>& counter) : count(counter) { ++count; }
    ~InFlight() { --count; }
    InFlight(const InFlight&) = delete;
    InFlight& operator=(const InFlight&) = delete;
  };
  std::uint16_t bound_port = 0;
  // The accept loop runs on this strand; its pause timer is cancelled (on the strand) when a connection closes.
  asio::strand<asio::io_context::executor_type> accept_strand = asio::make_strand(io);
  asio::steady_timer accept_pause{accept_strand};
  std::atomic<bool> accept_paused{false};

  Impl(ServerOptions o, Handler h, RejectionRenderer r)
      : options(std::move(o)), handler(std::move(h)), rejection(std::move(r)) {
    // One task per worker: a thread that has run one waits at the latch, so each of the others lands elsewhere.
    // Shared, not on this stack: a worker may still be leaving arrive_and_wait() after wait() returned here.
    if (options.worker_threads <= 0) return;
    auto marked = std::make_shared<std::latch>(options.worker_threads);
    for (int posted = 0; posted < options.worker_threads; ++posted) {
      try {
        asio::post(workers, [marked] {
          mark_as_batch_thread();
          marked->arrive_and_wait();
        });
      } catch (...) {
        marked->count_down(options.worker_threads - posted);  // release the workers already waiting, then fail
        throw;
      }
    }
    marked->wait();
  }

  // A connection's coroutine and its deadline timer must never run concurrently. With one IO thread they cannot
  // (the io_context runs one handler at a time), so the strand, whose type-erased dispatch was ~5 % of a request's
  // CPU, is only paid for with several IO threads.
  asio::any_io_executor connection_executor() {
    if (options.io_threads <= 1) return io.get_executor();
    return asio::make_strand(io);
  }

  // At EMFILE/ENFILE the pending connection stays in the listen queue, so an immediate retry fails again: the
  // loop would spin at 100 % CPU writing a log line per try. Instead it pauses (100 ms, doubling up to 1 s), and
  // a connection that closes (freeing a descriptor) ends the pause early. Existing connections keep being served
  // meanwhile; new ones wait in the kernel's listen queue. At most one log line per second, with a count.
  awaitable<void> accept_loop() {
    using std::chrono::milliseconds;
    constexpr milliseconds kFirstPause{100}, kLongestPause{1000};
    milliseconds pause = kFirstPause;
    auto last_log = std::chrono::steady_clock::time_point{};
    int unlogged = 0;
    for (;;) {
      auto [ec, socket] = co_await acceptor.async_accept(connection_executor(), kTuple);
      if (ec) {
        if (ec == asio::error::operation_aborted || stopping) co_return;
        ++unlogged;
        bool exhausted = is_resource_exhaustion(ec);
        auto now = std::chrono::steady_clock::now();
        if (now - last_log >= std::chrono::seconds(1)) {
          core::log::warning(exhausted ? "accept failed: out of file descriptors, pausing" : "accept failed",
                             {{"error", ec.message()}, {"failures", std::to_string(unlogged)}});
          last_log = now;
          unlogged = 0;
        }
        if (exhausted) {
          accept_paused = true;
          accept_pause.expires_after(pause);
          auto [woken] = co_await accept_pause.async_wait(kTuple);
          accept_paused = false;
          // Woken by a closing connection: descriptors are coming free, so the next pause starts short again.
          pause = woken ? kFirstPause : std::min(pause * 2, kLongestPause);
        }
        continue;
      }
      pause = kFirstPause;
      // Answers are written whole, so Nagle's algorithm could only delay them (a file's last segment waiting for
      // the client's delayed ACK, ~40 ms).
      beast::error_code ignored;
      socket.set_option(tcp::no_delay(true), ignored);
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

  // Per-connection state shared with the read-deadline timer, whose handler may run after the coroutine moved on.
  struct Connection {
    explicit Connection(tcp::socket socket) : stream(std::move(socket)), deadline(stream.get_executor()) {}
    beast::tcp_stream stream;
    beast::flat_buffer buffer;
    asio::steady_timer deadline;
    bool timed_out = false;
    std::string head;  // the response head being written, kept between responses for its capacity
  };

  // Writes a whole Beast message, giving the client `idle_seconds` per partial write rather than for the whole
  // answer: a steady reader on a slow link (a phone downloading a photo or an export) keeps its connection, one
  // that stops reading is closed by tcp_stream's expiry.
  template <class Body>
  static awaitable<beast::error_code> write_message(beast::tcp_stream& stream, bhttp::response<Body>& message,
                                                    int idle_seconds) {
    bhttp::response_serializer<Body> serializer{message};
    do {
      stream.expires_after(std::chrono::seconds(idle_seconds));
      auto [ec, n] = co_await bhttp::async_write_some(stream, serializer, kTuple);
      if (ec) co_return ec;
    } while (!serializer.is_done());
    co_return beast::error_code{};
  }

  // Sends a prepared message; for HEAD only its header block (with the Content-Length the body would have).
  template <class Body>
  static awaitable<beast::error_code> send(beast::tcp_stream& stream, bhttp::response<Body>& message,
                                           const Response& response, bool keep_alive, bool head_only,
                                           int idle_seconds) {
    message.set(bhttp::field::date, http_date_now());
    for (const auto& h : response.headers)
      if (!core::equals_ci(h.name, "date")) message.insert(h.name, h.value);
    if (response.preset_headers)
      for (const auto& h : response.preset_headers->headers) message.insert(h.name, h.value);
    // Beast knows no phrase for 419 (it would write "<unknown-status>"): the app's own table names every status.
    message.reason(reason_phrase(response.status));
    message.keep_alive(keep_alive);
    message.prepare_payload();
    if (head_only) {
      bhttp::response<bhttp::empty_body> head{message.result(), message.version()};
      head.base() = message.base();
      co_return co_await write_message(stream, head, idle_seconds);
    }
    co_return co_await write_message(stream, message, idle_seconds);
  }

  // Writes a response built by the application (or the rejection renderer) to the connection. A body held in memory
  // goes out with its head in one gathered write (response_head.cpp); a file goes through Beast's file body.
  awaitable<beast::error_code> write_response(Connection& connection, Response response, unsigned version,
                                              bool keep_alive, bool head_only) {
    auto& stream = connection.stream;
    if (stopping) keep_alive = false;
    if (!response.file_path.empty()) {
      bhttp::response<bhttp::file_body> message{static_cast<bhttp::status>(response.status), version};
      beast::error_code open_error;
      message.body().open(response.file_path.c_str(), beast::file_mode::scan, open_error);
      if (!open_error)
        co_return co_await send(stream, message, response, keep_alive, head_only, options.read_timeout_seconds);
      response = rejection(404);  // the file vanished between lookup and open
    }
    bool has_body = status_allows_body(response.status);
    auto& head = connection.head;
    head.clear();
    append_response_head(head, response, version, keep_alive, has_body ? response.body.size() : 0);
    std::size_t body_bytes = has_body && !head_only ? response.body.size() : 0;
    // The deadline is per partial write, as in write_message (one write for nearly every answer).
    beast::buffers_suffix<std::array<asio::const_buffer, 2>> rest(
        std::array<asio::const_buffer, 2>{asio::buffer(head), asio::buffer(response.body.data(), body_bytes)});
    while (beast::buffer_bytes(rest) > 0) {
      stream.expires_after(std::chrono::seconds(options.read_timeout_seconds));
      auto [ec, n] = co_await stream.async_write_some(rest, kTuple);
      if (ec) co_return ec;
      rest.consume(n);
    }
    co_return beast::error_code{};
  }

  // Called when a connection ends: its descriptor is free again, so a paused accept loop may retry now.
  void connection_closed() {
    if (accept_paused) asio::post(accept_strand, [this] { accept_pause.cancel(); });
  }

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

  // Answers a transport-level rejection and closes. With `discard_body` the rest of the request is read and
  // thrown away for a short while first (a "lingering close"): closing a socket with unread bytes sends a reset,
  // and the client, still uploading, would then lose our 413 page. Bounded in time and bytes, so a client cannot
  // keep us reading.
  awaitable<void> reject(const std::shared_ptr<Connection>& connection, int status, bool discard_body = false) {
    auto& stream = connection->stream;
    co_await write_response(*connection, rejection(status), 11, false, false);
    beast::error_code ignored;
    stream.socket().shutdown(tcp::socket::shutdown_send, ignored);
    if (!discard_body) co_return;
    constexpr int kLingerSeconds = 2;
    constexpr std::size_t kLingerBytes = 64 * 1024 * 1024;
    std::array<char, 16 * 1024> scratch;
    std::size_t discarded = 0;
    arm_deadline(connection, kLingerSeconds);
    while (discarded < kLingerBytes) {
      auto [ec, n] = co_await stream.socket().async_read_some(asio::buffer(scratch), kTuple);
      if (ec) break;
      discarded += n;
    }
    connection->deadline.cancel();
  }

  awaitable<void> serve_connection(tcp::socket socket) {
    // Declared first, so it runs last: after the socket below is closed.
    struct ClosedNotice {
      Impl* impl;
      ~ClosedNotice() { impl->connection_closed(); }
    } closed_notice{this};
    beast::error_code peer_error;
    auto endpoint = socket.remote_endpoint(peer_error);
    std::string peer = peer_error ? std::string() : endpoint.address().to_string();
    auto connection = std::make_shared<Connection>(std::move(socket));
    auto& stream = connection->stream;
    auto& buffer = connection->buffer;
    bool first = true;

    while (!stopping) {
      // A fresh parser per message (Beast requires it); limits apply to this message only.
      BeastRequestParser parser;
      apply_limits(parser, options.max_header_bytes, options.max_body_bytes);

      // Idle keep-alive connections get the keep-alive timeout; a request in progress the read timeout.
      arm_deadline(connection, first || buffer.size() > 0 ? options.read_timeout_seconds : options.keepalive_seconds);
      auto [header_error, header_bytes] = co_await bhttp::async_read_header(stream, buffer, parser, kTuple);
      connection->deadline.cancel();
      if (header_error) {
        bool partial = parser.got_some() || buffer.size() > 0;
        if (header_error == bhttp::error::header_limit) co_await reject(connection, 431);
        else if (header_error == bhttp::error::body_limit) co_await reject(connection, 413, true);
        else if (connection->timed_out && partial) co_await reject(connection, 408);
        else if (!connection->timed_out && partial && header_error != bhttp::error::end_of_stream &&
                 header_error != asio::error::connection_reset && header_error != asio::error::eof &&
                 header_error != asio::error::operation_aborted)
          co_await reject(connection, 400);
        co_return;
      }
      first = false;
      // From its header on, the request is in flight: a shutdown waits for it (its body may still be arriving)
      // instead of dropping it.
      InFlight counted{in_flight};

      auto& header = parser.get();
      if (!framing_is_unambiguous(header)) {
        co_await reject(connection, 400);
        co_return;
      }
      // The route decides how much body it takes (small for forms, larger for uploads), before any is read.
      std::size_t body_limit = options.max_body_bytes;
      if (options.body_limit_for) {
        body_limit = std::min(body_limit, options.body_limit_for(header.method_string(),
                                                                 path_of_target(header.target()),
                                                                 header[bhttp::field::content_type]));
      }
      parser.body_limit(body_limit);  // enforced while reading a chunked body
      if (auto length = parser.content_length(); length && *length > body_limit) {
        co_await reject(connection, 413, true);
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
        if (body_error == bhttp::error::body_limit) co_await reject(connection, 413, true);
        else if (connection->timed_out) co_await reject(connection, 408);
        else if (body_error != bhttp::error::end_of_stream && body_error != asio::error::connection_reset)
          co_await reject(connection, 400);
        co_return;
      }

      auto message = parser.release();
      bool keep_alive = message.keep_alive();
      bool head_only = message.method() == bhttp::verb::head;
      unsigned version = message.version();
      Request request = to_request(std::move(message), peer);

      // Run the application on the worker pool (the coroutine resumes on this connection's strand), or right here
      // for a request the application answers without blocking.
      std::optional<Response> inline_answer;
      if (options.answer_inline) inline_answer = options.answer_inline(request);
      Response response;
      if (inline_answer) {
        response = std::move(*inline_answer);
      } else {
        response = co_await on_worker(request);
      }
      // The application may end the connection (its 413/400 for a refused form says "Connection: close").
      if (core::equals_ci(response.header("connection"), "close")) keep_alive = false;
      // Writes are bounded by tcp_stream's own expiry, armed per partial write in write_response (closing a
      // stalled reader is the right answer there).
      auto write_error = co_await write_response(*connection, std::move(response), version, keep_alive, head_only);
      stream.expires_never();
      if (write_error || !keep_alive) break;
    }
    beast::error_code ignored;
    stream.socket().shutdown(tcp::socket::shutdown_send, ignored);
  }

  // The handler run on the worker pool, the answer handed back to the connection's coroutine on its own executor.
  // A plain post and dispatch rather than co_spawn onto the pool, whose coroutine frame and awaitable machinery
  // cost more than the hop itself. An exception thrown by the handler travels back to the connection.
  awaitable<Response> on_worker(const Request& request) {
    auto [error, response] = co_await asio::async_initiate<decltype(kTuple), void(std::exception_ptr, Response)>(
        [this, &request](auto done) {
          asio::post(workers, [this, &request, done = std::move(done)]() mutable {
            std::exception_ptr error;
            Response answer;
            try {
              answer = handler(request);
            } catch (...) {
              error = std::current_exception();
            }
            auto executor = asio::get_associated_executor(done);
            asio::dispatch(executor, [done = std::move(done), error, answer = std::move(answer)]() mutable {
              std::move(done)(error, std::move(answer));
            });
          });
        },
        kTuple);
    if (error) std::rethrow_exception(error);
    co_return std::move(response);
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
  raise_open_files_limit();
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
  asio::co_spawn(impl.accept_strand, impl.accept_loop(), asio::detached);
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
