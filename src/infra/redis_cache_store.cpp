// Cache entries and locks in Redis (see redis_cache_store.hpp).
//   entry  <CACHE_PREFIX><key>        string, EX ttl (no expiry for "forever")
//   lock   lock:<CACHE_PREFIX><name>  owner token, PX ttl; taken with SET NX PX (or renewed by its owner) and
//                                     released by a compare-and-delete script, so a holder whose lock expired
//                                     and was taken by another never deletes the other's lock.
#include "infra/redis_cache_store.hpp"

#include <algorithm>
#include <stdexcept>

#include "infra/store_unavailable.hpp"

namespace infra {

namespace {
// KEYS[1] = lock, ARGV[1] = owner, ARGV[2] = ttl ms. 1 when taken or renewed by the same owner.
constexpr const char* kAcquireScript =
    "if redis.call('SET', KEYS[1], ARGV[1], 'NX', 'PX', ARGV[2]) then return 1 end "
    "if redis.call('GET', KEYS[1]) == ARGV[1] then redis.call('PEXPIRE', KEYS[1], ARGV[2]) return 1 end "
    "return 0";
// KEYS[1] = lock, ARGV[1] = owner.
constexpr const char* kReleaseScript =
    "if redis.call('GET', KEYS[1]) == ARGV[1] then return redis.call('DEL', KEYS[1]) end return 0";

// Locks live apart from entries of the same name, as the database keeps them in their own table.
std::string lock_key(const std::string& name) { return "lock:" + name; }
}  // namespace

std::optional<std::string> RedisCacheStore::get(const std::string& key) const {
  RedisReply reply = client_.command({"GET", key});
  if (reply.kind != RedisReply::Kind::kString) return std::nullopt;
  return reply.text;
}

void RedisCacheStore::put(const std::string& key, std::string_view value, std::int64_t ttl_seconds) const {
  if (ttl_seconds > 0) client_.command({"SET", key, std::string(value), "EX", std::to_string(ttl_seconds)});
  else client_.command({"SET", key, std::string(value)});
}

bool RedisCacheStore::add(const std::string& key, std::string_view value, std::int64_t ttl_seconds) const {
  RedisReply reply = ttl_seconds > 0
                         ? client_.command({"SET", key, std::string(value), "NX", "EX", std::to_string(ttl_seconds)})
                         : client_.command({"SET", key, std::string(value), "NX"});
  return reply.kind == RedisReply::Kind::kStatus;  // "OK"; nil when the key existed
}

void RedisCacheStore::forget(const std::string& key) const { client_.command({"DEL", key}); }

bool RedisCacheStore::acquire_lock(const std::string& name, std::string_view owner, std::int64_t ttl_seconds) const {
  std::int64_t ttl_ms = (ttl_seconds > 0 ? ttl_seconds : 315360000LL) * 1000;
  RedisReply reply =
      client_.command({"EVAL", kAcquireScript, "1", lock_key(name), std::string(owner), std::to_string(ttl_ms)});
  if (reply.kind != RedisReply::Kind::kInteger) throw StoreUnavailable("Redis: unexpected reply from the lock script");
  return reply.integer == 1;
}

std::int64_t RedisCacheStore::clear_prefixed(const std::string& prefix, const std::vector<std::string>& keep) const {
  // An empty prefix would match every key in the Redis database, other programs' included.
  if (prefix.empty()) throw std::invalid_argument("Redis: refusing to clear keys without a prefix");
  std::string pattern;
  for (char c : prefix) {
    if (c == '*' || c == '?' || c == '[' || c == ']' || c == '\\') pattern += '\\';
    pattern += c;
  }
  pattern += '*';
  std::int64_t removed = 0;
  std::string cursor = "0";
  do {
    RedisReply page = client_.command({"SCAN", cursor, "MATCH", pattern, "COUNT", "500"});
    if (page.kind != RedisReply::Kind::kArray || page.elements.size() != 2)
      throw StoreUnavailable("Redis: unexpected reply to SCAN");
    cursor = page.elements[0].text;
    std::vector<std::string> doomed{"DEL"};
    for (const auto& key : page.elements[1].elements) {
      if (key.text.starts_with("lock:")) continue;
      if (std::find(keep.begin(), keep.end(), key.text) != keep.end()) continue;
      doomed.push_back(key.text);
    }
    if (doomed.size() > 1) removed += client_.command(doomed).integer;
  } while (cursor != "0");
  return removed;
}

void RedisCacheStore::release_lock(const std::string& name, std::string_view owner) const {
  client_.command({"EVAL", kReleaseScript, "1", lock_key(name), std::string(owner)});
}

}  // namespace infra
