// The text stored in `jobs.payload` and `failed_jobs.payload`: one JSON object per job.
//
//   | field     | type          | meaning                                                              |
//   | uuid      | string        | random RFC 4122 v4 id; becomes failed_jobs.uuid                      |
//   | name      | string        | handler name in the JobRegistry ("queue.probe", "mail.send")        |
//   | data      | string        | the handler's input, handed back byte for byte (usually JSON text;   |
//   |           |               | a Sentry envelope is not, so the text is stored as a string)         |
//   | max_tries | integer       | attempts before the job fails for good; 0 = the worker's --tries     |
//   | timeout   | integer (s)   | longest run; 0 = the worker's --timeout (never more than that)       |
//   | pushed_at | integer (s)   | unix seconds when the job was pushed                                 |
//
// nlohmann-json stays in queue_payload.cpp.
#pragma once

#include <cstdint>
#include <string>
#include <string_view>

namespace infra {

struct JobPayload {
  std::string uuid;
  std::string name;
  std::string data = "{}";   // any text, usually JSON
  int max_tries = 0;         // 0: worker default
  int timeout_seconds = 0;   // 0: worker default
  std::int64_t pushed_at = 0;
};

// Serialises a payload. Throws std::invalid_argument when `name` is empty or `data` is not valid UTF-8.
std::string encode_payload(const JobPayload& payload);
// Parses a stored payload. Throws std::invalid_argument when the text is not a job payload.
JobPayload decode_payload(std::string_view text);

// Reads one top-level field of a job's `data` (for handlers with simple input): the string value (numbers are
// returned as their JSON text), or "" when absent or when `data_json` is not an object.
std::string data_field(std::string_view data_json, std::string_view key);
// True when the field is the JSON literal true.
bool data_flag(std::string_view data_json, std::string_view key);

// A random version-4 UUID ("0b7c…-…"), the job's identity across retries.
std::string new_job_uuid();

}  // namespace infra
