// Sealing and verifying the audit hash chain (see audit_chain.hpp).
#include "domain/audit/audit_chain.hpp"

#include <array>
#include <limits>

#include "core/crypto.hpp"
#include "db/database.hpp"

namespace audit {

const char* const kCanonicalColumns =
    "id, event, actor_id, actor_role, subject_type, subject_id, ip_address, user_agent, route_name, http_method, "
    "metadata, created_at";

std::string canonical_entry(const std::vector<std::optional<std::string>>& columns) {
  std::string out;
  for (const auto& column : columns) {
    if (!column) {
      out += "~;";
      continue;
    }
    out += std::to_string(column->size());
    out += ':';
    out += *column;
    out += ';';
  }
  return out;
}

std::string chain_hash(std::string_view previous_hash, std::string_view canonical) {
  std::string material;
  material.reserve(previous_hash.size() + 1 + canonical.size());
  material.append(previous_hash);
  material += '\n';
  material.append(canonical);
  return core::sha256_hex(material);
}

bool chain_installed(db::Database& database) {
  auto sql = database.lease();
  return db::table_exists(*sql, database.dialect(), "audit_chain_heads");
}

namespace {

std::string entry(std::int64_t id) { return "#" + std::to_string(id); }

ChainVerification broken(ChainVerification result, std::int64_t id, std::string problem) {
  result.intact = false;
  result.broken_id = id;
  result.problem = std::move(problem);
  return result;
}

}  // namespace

ChainVerification verify_chain(db::Database& database) {
  ChainVerification result;
  auto sql = database.lease();

  long long legacy_max_id = 0, head_last_id = 0;
  std::string head_last_hash;
  soci::indicator head_ind = soci::i_ok;
  *sql << "SELECT legacy_max_id, last_id, last_hash FROM audit_chain_heads WHERE id = 1", soci::into(legacy_max_id),
      soci::into(head_last_id), soci::into(head_last_hash, head_ind);
  // No head: nothing was appended since the chain was installed (every entry is legacy) — unless sealed entries
  // exist, in which case the head was deleted.
  const bool head_missing = !sql->got_data();
  if (head_missing) legacy_max_id = std::numeric_limits<long long>::max();

  constexpr std::size_t kColumns = kCanonicalColumnCount + 2;
  std::array<std::string, kColumns> values;
  std::array<soci::indicator, kColumns> indicators{};
  soci::statement statement(*sql);
  for (std::size_t i = 0; i < kColumns; ++i) statement.exchange(soci::into(values[i], indicators[i]));
  statement.alloc();
  statement.prepare(std::string("SELECT ") + kCanonicalColumns + ", prev_hash, hash FROM audit_logs ORDER BY id");
  statement.define_and_bind();
  statement.execute(false);

  std::string previous_hash;       // "" before the first sealed entry
  std::int64_t previous_id = 0;    // id of the last sealed entry seen
  std::vector<std::optional<std::string>> columns(kCanonicalColumnCount);
  while (statement.fetch()) {
    std::int64_t id = std::stoll(values[0]);
    auto column = [&](std::size_t i) -> std::optional<std::string> {
      if (indicators[i] == soci::i_null) return std::nullopt;
      return values[i];
    };
    auto stored_prev = column(kCanonicalColumnCount), stored_hash = column(kCanonicalColumnCount + 1);
    if (!stored_hash) {
      if (id <= legacy_max_id && previous_id == 0) {
        ++result.legacy;
        continue;
      }
      return broken(result, id,
                    "Entry " + entry(id) + " has no hash: it was inserted outside the application (or its hash was erased).");
    }
    if (stored_prev.value_or("") != previous_hash) {
      if (previous_id != 0 && id > previous_id + 1)
        return broken(result, id,
                      "Entry " + entry(id) + " does not chain to entry " + entry(previous_id) + ": entr" +
                          (id == previous_id + 2 ? "y " + entry(previous_id + 1) + " was" :
                                                   "ies " + entry(previous_id + 1) + " to " + entry(id - 1) + " were") +
                          " deleted.");
      if (previous_id == 0)
        return broken(result, id,
                      "Entry " + entry(id) + " does not start the chain: an earlier sealed entry was deleted.");
      return broken(result, id,
                    "Entry " + entry(id) + " does not chain to entry " + entry(previous_id) +
                        ": it was inserted, or its prev_hash was edited.");
    }
    for (std::size_t i = 0; i < kCanonicalColumnCount; ++i) columns[i] = column(i);
    if (chain_hash(previous_hash, canonical_entry(columns)) != *stored_hash)
      return broken(result, id, "Entry " + entry(id) + " was edited: its contents do not match its hash.");
    previous_hash = *stored_hash;
    previous_id = id;
    ++result.sealed;
  }

  if (head_missing) {
    if (result.sealed == 0) return result;
    return broken(result, previous_id,
                  "The chain head (audit_chain_heads row 1) is missing: it was deleted after entry " +
                      entry(previous_id) + " was sealed.");
  }
  std::string head_hash = head_ind == soci::i_null ? std::string() : head_last_hash;
  if (previous_id != head_last_id || previous_hash != head_hash) {
    if (previous_id < head_last_id)
      return broken(result, head_last_id,
                    "The chain ends at entry " + entry(previous_id) + " but the head records entry " +
                        entry(head_last_id) + ": entries at the end were deleted.");
    return broken(result, previous_id,
                  "The chain ends at entry " + entry(previous_id) + " but the head records entry " +
                      entry(head_last_id) + ": the head was edited or an entry was appended outside the application.");
  }
  return result;
}

}  // namespace audit
