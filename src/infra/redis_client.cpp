// Redis client (see redis_client.hpp): REDIS_URL parsing, the per-thread connections with their timeouts and
// reconnect rule, and the translation of hiredis replies and failures.
#include "infra/redis_client.hpp"

#include <hiredis/hiredis.h>
#include <signal.h>
#include <sys/time.h>

#include <charconv>
#include <memory>
#include <unordered_map>

#include "infra/store_unavailable.hpp"

namespace infra {

namespace {

constexpr auto kReconnectPause = std::chrono::seconds(1);

bool parse_int(std::string_view text, int& out) {
  if (text.empty()) return false;
  auto [end, ec] = std::from_chars(text.data(), text.data() + text.size(), out);
  return ec == std::errc() && end == text.data() + text.size();
}

std::string percent_decoded(std::string_view text) {
  std::string out;
  for (std::size_t i = 0; i < text.size(); ++i) {
    if (text[i] == '%' && i + 2 < text.size()) {
      int value = 0;
      if (std::from_chars(text.data() + i + 1, text.data() + i + 3, value, 16).ec == std::errc()) {
        out += static_cast<char>(value);
        i += 2;
        continue;
      }
    }
    out += text[i];
  }
  return out;
}

bool fail(std::string* error, std::string message) {
  if (error) *error = std::move(message);
  return false;
}

// unix:///path?db=N&password=X
bool parse_unix(std::string_view rest, RedisEndpoint& endpoint, std::string* error) {
  std::string_view path = rest, query;
  if (auto q = rest.find('?'); q != std::string_view::npos) {
    path = rest.substr(0, q);
    query = rest.substr(q + 1);
  }
  if (path.empty() || path.front() != '/') return fail(error, "a unix socket URL needs an absolute path (unix:///run/redis.sock)");
  endpoint.socket_path = std::string(path);
  while (!query.empty()) {
    auto amp = query.find('&');
    std::string_view pair = query.substr(0, amp);
    query = amp == std::string_view::npos ? std::string_view() : query.substr(amp + 1);
    auto eq = pair.find('=');
    std::string_view name = pair.substr(0, eq), value = eq == std::string_view::npos ? "" : pair.substr(eq + 1);
    if (name == "db") {
      if (!parse_int(value, endpoint.database) || endpoint.database < 0) return fail(error, "db must be a number");
    } else if (name == "password") {
      endpoint.password = percent_decoded(value);
    } else if (name == "username" || name == "user") {
      endpoint.username = percent_decoded(value);
    } else {
      return fail(error, "unknown parameter '" + std::string(name) + "' (db, password, username)");
    }
  }
  return true;
}

// redis://[[user]:password@]host[:port][/db]
bool parse_tcp(std::string_view rest, RedisEndpoint& endpoint, std::string* error) {
  if (auto at = rest.rfind('@'); at != std::string_view::npos) {
    std::string_view credentials = rest.substr(0, at);
    rest = rest.substr(at + 1);
    auto colon = credentials.find(':');
    if (colon == std::string_view::npos) {
      endpoint.password = percent_decoded(credentials);  // redis://secret@host, as redis-cli -u reads it
    } else {
      endpoint.username = percent_decoded(credentials.substr(0, colon));
      endpoint.password = percent_decoded(credentials.substr(colon + 1));
    }
  }
  std::string_view authority = rest, path;
  if (auto slash = rest.find('/'); slash != std::string_view::npos) {
    authority = rest.substr(0, slash);
    path = rest.substr(slash + 1);
  }
  if (!path.empty() && (!parse_int(path, endpoint.database) || endpoint.database < 0))
    return fail(error, "the path must be the database number (redis://host:6379/0)");
  std::string_view host = authority;
  if (!authority.empty() && authority.front() == '[') {  // [::1]:6379
    auto close = authority.find(']');
    if (close == std::string_view::npos) return fail(error, "unclosed [ in the host");
    host = authority.substr(1, close - 1);
    authority = authority.substr(close + 1);
    if (!authority.empty() && authority.front() == ':' && !parse_int(authority.substr(1), endpoint.port))
      return fail(error, "the port must be a number");
  } else if (auto colon = authority.rfind(':'); colon != std::string_view::npos) {
    host = authority.substr(0, colon);
    if (!parse_int(authority.substr(colon + 1), endpoint.port)) return fail(error, "the port must be a number");
  }
  if (host.empty()) return fail(error, "the host is missing (redis://127.0.0.1:6379/0)");
  if (endpoint.port < 1 || endpoint.port > 65535) return fail(error, "the port must be 1-65535");
  endpoint.host = std::string(host);
  return true;
}

// What a thread keeps per endpoint: the open context, or when it last failed.
struct Connection {
  std::unique_ptr<redisContext, decltype(&redisFree)> context{nullptr, &redisFree};
  std::chrono::steady_clock::time_point failed_at{};
  std::string last_error;
};

std::string key_of(const RedisEndpoint& endpoint) {
  return endpoint.describe() + "|" + endpoint.username + "|" + endpoint.password + "|" +
         std::to_string(endpoint.timeout_ms);
}

timeval to_timeval(int timeout_ms) {
  timeval tv{};
  tv.tv_sec = timeout_ms / 1000;
  tv.tv_usec = (timeout_ms % 1000) * 1000;
  return tv;
}

// hiredis (0.14) writes with write(2): a Redis that closed the socket would raise SIGPIPE and end the whole
// process. The signal is blocked on this thread around each exchange and a SIGPIPE raised meanwhile is consumed,
// so the write fails with EPIPE instead; the process-wide disposition is not touched.
class SigpipeGuard final {
 public:
  SigpipeGuard() {
    sigemptyset(&pipe_);
    sigaddset(&pipe_, SIGPIPE);
    sigset_t pending;
    sigpending(&pending);
    was_pending_ = sigismember(&pending, SIGPIPE) == 1;
    pthread_sigmask(SIG_BLOCK, &pipe_, &previous_);
  }
  ~SigpipeGuard() {
    if (!was_pending_) {
      sigset_t pending;
      sigpending(&pending);
      if (sigismember(&pending, SIGPIPE) == 1) {
        timespec zero{};
        sigtimedwait(&pipe_, nullptr, &zero);
      }
    }
    pthread_sigmask(SIG_SETMASK, &previous_, nullptr);
  }
  SigpipeGuard(const SigpipeGuard&) = delete;
  SigpipeGuard& operator=(const SigpipeGuard&) = delete;

 private:
  sigset_t pipe_{}, previous_{};
  bool was_pending_ = false;
};

RedisReply convert(const redisReply* reply) {
  RedisReply out;
  switch (reply->type) {
    case REDIS_REPLY_INTEGER:
      out.kind = RedisReply::Kind::kInteger;
      out.integer = reply->integer;
      break;
    case REDIS_REPLY_STRING:
      out.kind = RedisReply::Kind::kString;
      out.text.assign(reply->str, reply->len);
      break;
    case REDIS_REPLY_STATUS:
      out.kind = RedisReply::Kind::kStatus;
      out.text.assign(reply->str, reply->len);
      break;
    case REDIS_REPLY_ARRAY:
      out.kind = RedisReply::Kind::kArray;
      for (std::size_t i = 0; i < reply->elements; ++i) out.elements.push_back(convert(reply->element[i]));
      break;
    default:
      out.kind = RedisReply::Kind::kNil;
  }
  return out;
}

using ReplyPtr = std::unique_ptr<redisReply, decltype(&freeReplyObject)>;

ReplyPtr send(redisContext* context, const std::vector<std::string>& args) {
  std::vector<const char*> argv;
  std::vector<std::size_t> lengths;
  argv.reserve(args.size());
  lengths.reserve(args.size());
  for (const auto& arg : args) {
    argv.push_back(arg.data());
    lengths.push_back(arg.size());
  }
  void* raw = redisCommandArgv(context, static_cast<int>(argv.size()), argv.data(), lengths.data());
  return ReplyPtr(static_cast<redisReply*>(raw), &freeReplyObject);
}

[[noreturn]] void unavailable(const RedisEndpoint& endpoint, const std::string& what) {
  throw StoreUnavailable("Redis at " + endpoint.describe() + ": " + what);
}

// Opens and authenticates a connection, or throws. The context is freed on every failure path.
std::unique_ptr<redisContext, decltype(&redisFree)> open(const RedisEndpoint& endpoint) {
  timeval tv = to_timeval(endpoint.timeout_ms);
  std::unique_ptr<redisContext, decltype(&redisFree)> context(
      endpoint.socket_path.empty() ? redisConnectWithTimeout(endpoint.host.c_str(), endpoint.port, tv)
                                   : redisConnectUnixWithTimeout(endpoint.socket_path.c_str(), tv),
      &redisFree);
  if (!context) unavailable(endpoint, "cannot allocate a connection");
  if (context->err) unavailable(endpoint, std::string("cannot connect (") + context->errstr + ")");
  if (redisSetTimeout(context.get(), tv) != REDIS_OK) unavailable(endpoint, "cannot set the command timeout");
  if (endpoint.socket_path.empty()) redisEnableKeepAlive(context.get());
  auto handshake = [&](const std::vector<std::string>& args, const char* step) {
    ReplyPtr reply = send(context.get(), args);
    if (!reply) unavailable(endpoint, std::string(step) + " failed (" + context->errstr + ")");
    if (reply->type == REDIS_REPLY_ERROR)
      unavailable(endpoint, std::string(step) + " refused: " + std::string(reply->str, reply->len));
  };
  if (!endpoint.password.empty()) {
    if (endpoint.username.empty()) handshake({"AUTH", endpoint.password}, "AUTH");
    else handshake({"AUTH", endpoint.username, endpoint.password}, "AUTH");
  }
  if (endpoint.database != 0) handshake({"SELECT", std::to_string(endpoint.database)}, "SELECT");
  return context;
}

}  // namespace

std::string RedisEndpoint::describe() const {
  if (!socket_path.empty()) return "unix://" + socket_path + "?db=" + std::to_string(database);
  std::string shown = host.find(':') != std::string::npos ? "[" + host + "]" : host;
  return "redis://" + shown + ":" + std::to_string(port) + "/" + std::to_string(database);
}

std::optional<RedisEndpoint> parse_redis_url(std::string_view url, std::string* error) {
  RedisEndpoint endpoint;
  bool ok = false;
  if (url.starts_with("redis://")) ok = parse_tcp(url.substr(8), endpoint, error);
  else if (url.starts_with("unix://")) ok = parse_unix(url.substr(7), endpoint, error);
  else ok = fail(error, "unsupported scheme (use redis://host:port/db or unix:///path/to/redis.sock)");
  if (!ok) return std::nullopt;
  return endpoint;
}

RedisReply RedisClient::command(const std::vector<std::string>& args) const {
  // One connection per thread and endpoint: workers never wait for each other on a shared socket.
  thread_local std::unordered_map<std::string, Connection> connections;
  Connection& connection = connections[key_of(endpoint_)];
  SigpipeGuard guard;
  if (!connection.context) {
    auto now = std::chrono::steady_clock::now();
    if (connection.failed_at != std::chrono::steady_clock::time_point{} && now - connection.failed_at < kReconnectPause)
      unavailable(endpoint_, connection.last_error + " (not retried for 1 s)");
    try {
      connection.context = open(endpoint_);
    } catch (const StoreUnavailable& e) {
      connection.failed_at = now;
      connection.last_error = e.what();
      throw;
    }
  }
  ReplyPtr reply = send(connection.context.get(), args);
  if (!reply) {
    // I/O error, timeout or a closed socket: the connection is unusable (a late reply would answer the wrong
    // command), so it goes; the next use of this thread reconnects.
    std::string what = std::string("command failed (") + connection.context->errstr + ")";
    connection.context.reset();
    connection.failed_at = std::chrono::steady_clock::now();
    connection.last_error = "Redis at " + endpoint_.describe() + ": " + what;
    unavailable(endpoint_, what);
  }
  if (reply->type == REDIS_REPLY_ERROR) unavailable(endpoint_, "error reply: " + std::string(reply->str, reply->len));
  return convert(reply.get());
}

std::chrono::microseconds RedisClient::ping() const {
  auto started = std::chrono::steady_clock::now();
  command({"PING"});
  return std::chrono::duration_cast<std::chrono::microseconds>(std::chrono::steady_clock::now() - started);
}

}  // namespace infra
