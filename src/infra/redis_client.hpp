// A small synchronous Redis client over hiredis for the shared stores (limiter, cache, locks) of a cluster.
//
// Connections: one per worker thread and endpoint (thread_local), opened on first use, so no pool lock sits on the
// request path. Every connect and every command is bounded by REDIS_TIMEOUT_MS (250 ms by default): a dead or
// black-holed Redis costs a worker at most that long, never a stall. A failed connection is dropped and reopened on
// the next use of that thread, but not sooner than 1 s after the failure (a down Redis is not asked again by every
// request). Errors come out as infra::StoreUnavailable with a message naming the endpoint (never the password).
// Blocking (socket I/O): worker threads and commands only, never the IO threads.
#pragma once

#include <chrono>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace infra {

// Where Redis listens, parsed from REDIS_URL:
//   redis://[[username]:password@]host[:port][/db]      TCP (port 6379, db 0 by default)
//   unix:///path/to/redis.sock[?db=N&password=SECRET]    unix socket
struct RedisEndpoint {
  std::string host = "127.0.0.1";
  int port = 6379;
  std::string socket_path;  // non-empty: unix socket instead of TCP
  std::string username;     // ACL user (Redis 6+); empty = default user
  std::string password;     // empty = no AUTH
  int database = 0;         // SELECT index
  int timeout_ms = 250;     // connect and per-command bound

  // "redis://127.0.0.1:6379/0" or "unix:///run/redis.sock?db=0", without credentials (for logs and the health check).
  std::string describe() const;
  bool operator==(const RedisEndpoint&) const = default;
};

// Parses a REDIS_URL; nullopt with `error` set ("unsupported scheme…") when it is not one of the forms above.
std::optional<RedisEndpoint> parse_redis_url(std::string_view url, std::string* error = nullptr);

struct RedisReply {
  enum class Kind { kNil, kInteger, kString, kStatus, kArray };
  Kind kind = Kind::kNil;
  long long integer = 0;
  std::string text;  // kString, kStatus
  std::vector<RedisReply> elements;  // kArray
};

class RedisClient final {
 public:
  explicit RedisClient(RedisEndpoint endpoint) : endpoint_(std::move(endpoint)) {}

  // Runs one command (arguments binary-safe) on this thread's connection. Throws StoreUnavailable when Redis
  // cannot be reached, times out, or answers with an error reply.
  RedisReply command(const std::vector<std::string>& args) const;
  // One PING round trip; throws StoreUnavailable like command().
  std::chrono::microseconds ping() const;

  const RedisEndpoint& endpoint() const { return endpoint_; }

 private:
  RedisEndpoint endpoint_;
};

}  // namespace infra
