#include "infra/queue_payload.hpp"

#include <gtest/gtest.h>

#include <stdexcept>

#include "core/crypto.hpp"

TEST(QueuePayload, RoundTripsDataByteForByte) {
  core::crypto_init();
  infra::JobPayload payload;
  payload.uuid = infra::new_job_uuid();
  payload.name = "ops.alert.sentry";
  payload.data = "{\"event_id\":\"1\"}\n{\"type\":\"event\"}\n{ \"spaced\" : true }";  // an envelope is not one JSON value
  payload.max_tries = 5;
  payload.timeout_seconds = 20;
  payload.pushed_at = 1772345742;
  auto decoded = infra::decode_payload(infra::encode_payload(payload));
  EXPECT_EQ(decoded.uuid, payload.uuid);
  EXPECT_EQ(decoded.name, payload.name);
  EXPECT_EQ(decoded.data, payload.data);
  EXPECT_EQ(decoded.max_tries, 5);
  EXPECT_EQ(decoded.timeout_seconds, 20);
  EXPECT_EQ(decoded.pushed_at, 1772345742);
  EXPECT_EQ(payload.uuid.size(), 36u);
  EXPECT_EQ(payload.uuid[14], '4');
  EXPECT_NE(infra::new_job_uuid(), payload.uuid);
}

TEST(QueuePayload, RejectsWhatIsNotAJob) {
  EXPECT_THROW(infra::decode_payload("not json"), std::invalid_argument);
  EXPECT_THROW(infra::decode_payload("[1,2]"), std::invalid_argument);
  EXPECT_THROW(infra::decode_payload(R"({"data":"x"})"), std::invalid_argument);
  EXPECT_THROW(infra::decode_payload(R"({"name":"a","max_tries":-1})"), std::invalid_argument);
  infra::JobPayload nameless;
  EXPECT_THROW(infra::encode_payload(nameless), std::invalid_argument);
  infra::JobPayload bad_utf8;
  bad_utf8.name = "x";
  bad_utf8.data = "\xff";
  EXPECT_THROW(infra::encode_payload(bad_utf8), std::invalid_argument);
  EXPECT_EQ(infra::data_field(R"({"id":"b:1","n":2})", "id"), "b:1");
  EXPECT_EQ(infra::data_field(R"({"id":"b:1","n":2})", "n"), "2");
  EXPECT_EQ(infra::data_field("nope", "id"), "");
  EXPECT_TRUE(infra::data_flag(R"({"fail":true})", "fail"));
  EXPECT_FALSE(infra::data_flag(R"({"fail":"true"})", "fail"));
}
