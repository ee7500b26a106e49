#include "infra/redis_client.hpp"

#include <gtest/gtest.h>
#include <netinet/in.h>
#include <sys/socket.h>
#include <unistd.h>

#include <chrono>

#include "core/config.hpp"
#include "infra/cache.hpp"
#include "infra/redis_cache_store.hpp"
#include "infra/redis_limiter_store.hpp"
#include "infra/store_unavailable.hpp"
#include "infra/stores.hpp"

namespace {
// A 127.0.0.1 port nobody listens on (bound, then closed): connections to it are refused at once.
int closed_port() {
  int fd = socket(AF_INET, SOCK_STREAM, 0);
  sockaddr_in address{};
  address.sin_family = AF_INET;
  address.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
  bind(fd, reinterpret_cast<sockaddr*>(&address), sizeof address);
  socklen_t length = sizeof address;
  getsockname(fd, reinterpret_cast<sockaddr*>(&address), &length);
  close(fd);
  return ntohs(address.sin_port);
}

infra::RedisEndpoint nowhere() {
  infra::RedisEndpoint endpoint;
  endpoint.port = closed_port();
  return endpoint;
}
}  // namespace

TEST(RedisUrl, TcpFormsWithPasswordUserPortAndDatabase) {
  auto plain = infra::parse_redis_url("redis://127.0.0.1");
  ASSERT_TRUE(plain);
  EXPECT_EQ(plain->host, "127.0.0.1");
  EXPECT_EQ(plain->port, 6379);
  EXPECT_EQ(plain->database, 0);
  auto full = infra::parse_redis_url("redis://nico:s%40creta@redis.internal:6380/2");
  ASSERT_TRUE(full);
  EXPECT_EQ(full->username, "nico");
  EXPECT_EQ(full->password, "s@creta");
  EXPECT_EQ(full->host, "redis.internal");
  EXPECT_EQ(full->port, 6380);
  EXPECT_EQ(full->database, 2);
  auto password_only = infra::parse_redis_url("redis://:secreta@10.0.0.5:6379/1");
  ASSERT_TRUE(password_only);
  EXPECT_EQ(password_only->username, "");
  EXPECT_EQ(password_only->password, "secreta");
  // The description never shows the password.
  EXPECT_EQ(full->describe(), "redis://redis.internal:6380/2");
}

TEST(RedisUrl, UnixSocketWithDatabaseAndPassword) {
  auto socket = infra::parse_redis_url("unix:///run/redis/redis.sock?db=3&password=x");
  ASSERT_TRUE(socket);
  EXPECT_EQ(socket->socket_path, "/run/redis/redis.sock");
  EXPECT_EQ(socket->database, 3);
  EXPECT_EQ(socket->password, "x");
  EXPECT_EQ(socket->describe(), "unix:///run/redis/redis.sock?db=3");
}

TEST(RedisUrl, MalformedUrlsAreRefusedWithAReason) {
  std::string error;
  EXPECT_FALSE(infra::parse_redis_url("http://127.0.0.1:6379", &error));
  EXPECT_NE(error.find("unsupported scheme"), std::string::npos);
  EXPECT_FALSE(infra::parse_redis_url("redis://127.0.0.1:seis", &error));
  EXPECT_NE(error.find("port"), std::string::npos);
  EXPECT_FALSE(infra::parse_redis_url("redis://127.0.0.1:6379/cero", &error));
  EXPECT_FALSE(infra::parse_redis_url("unix://relative.sock", &error));
}

TEST(RedisClient, AnUnreachableServerIsStoreUnavailableNamingTheEndpointQuickly) {
  infra::RedisClient client(nowhere());
  auto started = std::chrono::steady_clock::now();
  try {
    client.command({"PING"});
    FAIL() << "PING to a closed port answered";
  } catch (const infra::StoreUnavailable& e) {
    EXPECT_NE(std::string(e.what()).find("Redis at redis://127.0.0.1:"), std::string::npos) << e.what();
  }
  // Asked again at once: refused from memory (no new connect for 1 s), still an error.
  EXPECT_THROW(client.command({"PING"}), infra::StoreUnavailable);
  EXPECT_LT(std::chrono::steady_clock::now() - started, std::chrono::seconds(5));
}

TEST(RedisLimiterStore, WithRedisDownHitsAreCountedInThisProcess) {
  infra::RedisLimiterStore store(nowhere(), "");
  EXPECT_TRUE(store.hit("limiter:x", 2, 60).allowed);
  EXPECT_TRUE(store.hit("limiter:x", 2, 60).allowed);
  auto refused = store.hit("limiter:x", 2, 60);
  EXPECT_FALSE(refused.allowed);
  EXPECT_GT(refused.retry_after_seconds, 0);
}

TEST(RedisCacheStore, WithRedisDownReadsMissWritesAreDroppedAndClaimsThrow) {
  infra::Cache cache(std::make_shared<infra::RedisCacheStore>(nowhere()), "nico-");
  EXPECT_NO_THROW(cache.put("k", "v", 60));
  EXPECT_FALSE(cache.get("k").has_value());
  EXPECT_NO_THROW(cache.forget("k"));
  EXPECT_THROW(cache.add("k", "v", 60), infra::StoreUnavailable);
  EXPECT_THROW(cache.acquire_lock("schedule:x", "me", 60), infra::StoreUnavailable);
  EXPECT_NO_THROW(cache.release_lock("schedule:x", "me"));
}

TEST(RedisStores, AreRefusedWithoutAPrefixOfTheirOwn) {
  auto bare = core::Config::from_values({{"CACHE_STORE", "redis"}, {"CACHE_PREFIX", ""}}, "/tmp");
  try {
    infra::redis_endpoint(bare);
    FAIL() << "a Redis store without CACHE_PREFIX was accepted";
  } catch (const std::runtime_error& e) {
    EXPECT_NE(std::string(e.what()).find("CACHE_PREFIX"), std::string::npos) << e.what();
  }
  auto prefixed = core::Config::from_values({{"CACHE_STORE", "redis"}, {"CACHE_PREFIX", "nico_local:"}}, "/tmp");
  EXPECT_EQ(infra::redis_endpoint(prefixed).host, "127.0.0.1");
  // cache:clear's SCAN with no prefix would match every key of that Redis database.
  infra::RedisCacheStore store(nowhere());
  EXPECT_THROW(store.clear_prefixed("", {}), std::invalid_argument);
}
