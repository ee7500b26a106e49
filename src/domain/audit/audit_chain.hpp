// The audit hash chain: how an audit_logs entry is sealed and how the whole chain is checked.
//
//   hash(entry n) = SHA-256( hash(entry n-1) + "\n" + canonical(entry n) )     (hex, lower-case)
//   hash(entry -1) = ""                                                        (the first sealed entry)
//
// canonical(entry) is every stored column except the two hashes, in table order (id, event, actor_id,
// actor_role, subject_type, subject_id, ip_address, user_agent, route_name, http_method, metadata, created_at),
// each as "<byte length>:<value>;" or "~;" for NULL, so no two different rows share a canonical form.
// The values are the ones read back from the database (what a later check will read), never the ones the
// writer meant to store. audit_chain_heads (one row, id 1, created by the first append) records the newest
// sealed entry and the highest id of the entries that existed before the chain (which stay unsealed).
//
// What this detects: an edited entry (its hash no longer matches), a deleted entry (the next one's prev_hash
// no longer matches, or the head points past the end), an inserted entry (no hash, or it does not chain).
// What it does not: someone with write access who recomputes every later hash and the head. Keep copies of
// `nico audit:verify` output (or backups) to anchor the head elsewhere.
// Blocking (SQL): worker threads and commands only.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace soci {
class session;
}
namespace db {
class Database;
enum class Dialect;
}

namespace audit {

// SELECT list of the 12 canonical columns, shared by the writer and the verifier.
extern const char* const kCanonicalColumns;
inline constexpr std::size_t kCanonicalColumnCount = 12;

std::string canonical_entry(const std::vector<std::optional<std::string>>& columns);
std::string chain_hash(std::string_view previous_hash, std::string_view canonical);

struct ChainVerification {
  bool intact = true;
  std::int64_t sealed = 0;                // sealed entries checked
  std::int64_t legacy = 0;                // entries older than the chain (not sealed)
  std::optional<std::int64_t> broken_id;  // first broken entry (or the head's last id for a cut-off end)
  std::string problem;                    // one English sentence naming the entry
};

// Walks every entry in id order (streamed, constant memory). Never modifies anything. Throws on SQL errors
// (e.g. the chain columns do not exist yet: migrations pending).
ChainVerification verify_chain(db::Database& database);

// True when the migration that adds the chain has run (the audit_chain_heads table exists).
bool chain_installed(db::Database& database);

}  // namespace audit
