// The shop's saved mail templates (`mail_templates`, migration 0135): reading the one in use, validating and saving
// an edit, restoring the default. A key without a row uses its default (template_catalog.hpp).
// Blocking (SQL): worker threads only.
#pragma once

#include <optional>
#include <string>

#include "core/validation.hpp"
#include "domain/mail/template_catalog.hpp"

namespace db {
class Tx;
}
namespace soci {
class session;
}

namespace mail {

// The template a mail is rendered from: the saved row, or the default.
struct EffectiveTemplate {
  std::string subject;
  std::string body;
  bool enabled = true;
  bool customized = false;  // a row exists ("Personalizado"), else the default is in use ("Predeterminado")
  std::string updated_at;   // UTC SQL timestamp of the last save, "" for the default
};

// Reads on `sql` (the caller's unit of work). Never throws for a missing row.
EffectiveTemplate effective_template(soci::session& sql, TemplateKey key);

// Limits of the edit form.
inline constexpr std::size_t kMaxSubjectCharacters = 200;
inline constexpr std::size_t kMaxBodyCharacters = 10000;  // well inside the 64 KiB form limit once URL-encoded

// Field → Spanish message for an edit of `info` ("subject", "body", "enabled"); empty when it can be saved.
// Refuses: an empty or multi-line subject (a line break in a header is header injection), texts over the limits,
// placeholders `info` does not have (named in the message), and disabling a mail that cannot be disabled.
core::FieldErrors validate_template(const TemplateInfo& info, const std::string& subject, const std::string& body,
                                    bool enabled);

// Saves the shop's version in the caller's transaction (insert or update, race-free on every engine).
// `body` keeps its line breaks as "\n". Call validate_template first.
void save_template(db::Tx& tx, TemplateKey key, const std::string& subject, const std::string& body, bool enabled,
                   std::optional<long long> updated_by);

// Removes the shop's version so the default is used again. Returns false when there was none.
bool restore_default_template(db::Tx& tx, TemplateKey key);

}  // namespace mail
