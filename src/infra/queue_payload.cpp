// Job payload encoding (see queue_payload.hpp). ordered_json keeps the field order of the table above, so a
// payload shown by `nico queue:failed` or read in the database reads the same every time.
#include "infra/queue_payload.hpp"

#include <nlohmann/json.hpp>

#include <stdexcept>

#include "core/crypto.hpp"
#include "core/strings.hpp"

namespace infra {

namespace {
using Json = nlohmann::ordered_json;

int non_negative_int(const Json& object, const char* key) {
  auto it = object.find(key);
  if (it == object.end() || it->is_null()) return 0;
  if (!it->is_number_integer() || it->get<long long>() < 0 || it->get<long long>() > 1000000)
    throw std::invalid_argument(std::string("job payload: '") + key + "' must be a non-negative integer");
  return static_cast<int>(it->get<long long>());
}
}  // namespace

std::string encode_payload(const JobPayload& payload) {
  if (payload.name.empty()) throw std::invalid_argument("job payload: the job name is empty");
  // JSON strings must be UTF-8; failing here names the job instead of failing later inside dump().
  if (!core::is_valid_utf8(payload.data))
    throw std::invalid_argument("job payload: data for '" + payload.name + "' is not valid UTF-8");
  Json object;
  object["uuid"] = payload.uuid;
  object["name"] = payload.name;
  object["data"] = payload.data;
  object["max_tries"] = payload.max_tries;
  object["timeout"] = payload.timeout_seconds;
  object["pushed_at"] = payload.pushed_at;
  return object.dump();
}

JobPayload decode_payload(std::string_view text) {
  Json object = Json::parse(text, nullptr, /*allow_exceptions=*/false);
  if (object.is_discarded() || !object.is_object()) throw std::invalid_argument("job payload is not a JSON object");
  auto name = object.find("name");
  if (name == object.end() || !name->is_string() || name->get<std::string>().empty())
    throw std::invalid_argument("job payload has no job name");
  JobPayload payload;
  payload.name = name->get<std::string>();
  if (auto uuid = object.find("uuid"); uuid != object.end() && uuid->is_string()) payload.uuid = uuid->get<std::string>();
  // A string is the pushed text; anything else (a payload written by hand) is handed over as its JSON text.
  if (auto data = object.find("data"); data != object.end())
    payload.data = data->is_string() ? data->get<std::string>() : data->dump();
  payload.max_tries = non_negative_int(object, "max_tries");
  payload.timeout_seconds = non_negative_int(object, "timeout");
  if (auto pushed = object.find("pushed_at"); pushed != object.end() && pushed->is_number_integer())
    payload.pushed_at = pushed->get<std::int64_t>();
  return payload;
}

std::string data_field(std::string_view data_json, std::string_view key) {
  Json object = Json::parse(data_json, nullptr, /*allow_exceptions=*/false);
  if (object.is_discarded() || !object.is_object()) return {};
  auto it = object.find(std::string(key));
  if (it == object.end() || it->is_null()) return {};
  return it->is_string() ? it->get<std::string>() : it->dump();
}

bool data_flag(std::string_view data_json, std::string_view key) {
  Json object = Json::parse(data_json, nullptr, /*allow_exceptions=*/false);
  if (object.is_discarded() || !object.is_object()) return false;
  auto it = object.find(std::string(key));
  return it != object.end() && it->is_boolean() && it->get<bool>();
}

std::string new_job_uuid() {
  std::string bytes = core::random_bytes(16);
  bytes[6] = static_cast<char>((bytes[6] & 0x0f) | 0x40);  // version 4
  bytes[8] = static_cast<char>((bytes[8] & 0x3f) | 0x80);  // RFC 4122 variant
  std::string hex = core::hex_encode(bytes);
  return hex.substr(0, 8) + "-" + hex.substr(8, 4) + "-" + hex.substr(12, 4) + "-" + hex.substr(16, 4) + "-" +
         hex.substr(20);
}

}  // namespace infra
