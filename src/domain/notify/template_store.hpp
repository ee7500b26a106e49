// Stored WhatsApp templates (`repair_whatsapp_templates`, `order_whatsapp_templates`): one row per status key.
// Blocking (SQL): worker threads only.
#pragma once

#include <map>
#include <optional>
#include <string>

#include "domain/notify/default_templates.hpp"

namespace db {
class Database;
class Tx;
}
namespace soci {
class session;
}

namespace notify {

// Stored templates by status key (rows with a blank text are left out).
std::map<std::string, std::string> stored_templates(db::Database& database, TemplateKind kind);

// The text for one status: the stored template when present and not blank, else the default. Reads on `sql`.
std::string template_for(soci::session& sql, TemplateKind kind, const std::string& status_key);

// Saves one text per status of the kind, in the caller's transaction: for every status the submitted text
// or, when missing or blank, the default. Texts are kept as typed. Upsert with updated_by.
void save_templates(db::Tx& tx, TemplateKind kind, const std::map<std::string, std::string>& submitted,
                    std::optional<long long> updated_by);

// db:seed: inserts the default text for every status that has no row yet (both kinds). Returns rows inserted.
// Runs on the seeder's session and transaction; `now` is the UTC SQL timestamp for created_at/updated_at.
int seed_default_templates(soci::session& sql, const std::string& now);

}  // namespace notify
