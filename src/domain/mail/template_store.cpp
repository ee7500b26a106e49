// Saved mail templates: reading, validating, saving and restoring (see template_store.hpp).
#include "domain/mail/template_store.hpp"

#include <algorithm>

#include "core/clock.hpp"
#include "core/strings.hpp"
#include "db/database.hpp"
#include "db/unit_of_work.hpp"

namespace mail {

namespace {

std::string joined(const std::vector<std::string>& names) {
  std::string out;
  for (const auto& name : names) out += (out.empty() ? "" : ", ") + name;
  return out;
}

}  // namespace

EffectiveTemplate effective_template(soci::session& sql, TemplateKey key) {
  const auto& info = template_info(key);
  std::string slug = info.slug, subject, body, updated_at;
  int enabled = 1;
  soci::indicator subject_ind = soci::i_null, body_ind = soci::i_null, enabled_ind = soci::i_null,
                  updated_ind = soci::i_null;
  sql << "SELECT subject, body, enabled, updated_at FROM mail_templates WHERE \"key\" = :k", soci::use(slug),
      soci::into(subject, subject_ind), soci::into(body, body_ind), soci::into(enabled, enabled_ind),
      soci::into(updated_at, updated_ind);
  if (!sql.got_data()) return {info.default_subject, info.default_body, true, false, ""};
  EffectiveTemplate result;
  result.subject = subject_ind == soci::i_ok ? subject : std::string(info.default_subject);
  result.body = body_ind == soci::i_ok ? body : std::string(info.default_body);
  result.enabled = enabled_ind != soci::i_ok || enabled != 0;
  result.customized = true;
  result.updated_at = updated_ind == soci::i_ok ? updated_at : std::string();
  return result;
}

core::FieldErrors validate_template(const TemplateInfo& info, const std::string& subject, const std::string& body,
                                    bool enabled) {
  core::FieldErrors errors;
  auto known = placeholder_names(info);
  if (core::trim(subject).empty())
    errors.add("subject", "Escribí el asunto.");
  else if (subject.find_first_of("\r\n") != std::string::npos)
    errors.add("subject", "El asunto tiene que ser una sola línea.");
  else if (core::exceeds_length(subject, kMaxSubjectCharacters))
    errors.add("subject", "El asunto no puede superar " + std::to_string(kMaxSubjectCharacters) + " caracteres.");
  else if (auto unknown = unknown_placeholders(subject, known); !unknown.empty())
    errors.add("subject", "El asunto usa marcadores que este mail no tiene: " + joined(unknown) +
                              ". Usá solo los de la lista.");
  if (core::trim(body).empty())
    errors.add("body", "Escribí el texto del mail.");
  else if (core::exceeds_length(body, kMaxBodyCharacters))
    errors.add("body", "El texto no puede superar " + std::to_string(kMaxBodyCharacters) + " caracteres.");
  else if (auto unknown = unknown_placeholders(body, known); !unknown.empty())
    errors.add("body", "El texto usa marcadores que este mail no tiene: " + joined(unknown) +
                           ". Usá solo los de la lista.");
  // The mails that cannot be turned off exist for their link: without {{enlace}} they would arrive useless.
  if (!info.can_disable && !errors.has("body")) {
    auto used = unknown_placeholders(body, {});
    if (std::find(used.begin(), used.end(), "{{enlace}}") == used.end())
      errors.add("body", "El texto tiene que incluir {{enlace}}: sin el enlace, el cliente no puede seguir.");
  }
  if (!enabled && !info.can_disable)
    errors.add("enabled",
               "Este mail no se puede desactivar: los clientes lo necesitan para recuperar o confirmar su cuenta.");
  return errors;
}

void save_template(db::Tx& tx, TemplateKey key, const std::string& subject, const std::string& body, bool enabled,
                   std::optional<long long> updated_by) {
  const auto& info = template_info(key);
  std::string slug = info.slug, now = core::utc_now_sql();
  std::string text = core::replace_all(body, "\r\n", "\n");  // textareas post CRLF
  std::string line = core::trim(subject);
  int flag = enabled ? 1 : 0;
  long long by = updated_by.value_or(0);
  soci::indicator by_ind = updated_by ? soci::i_ok : soci::i_null;
  soci::session& sql = tx.sql();
  // Insert-if-missing then update: no SELECT-then-INSERT race between two admins saving the same mail first.
  sql << db::insert_ignore(tx.dialect(),
                           "INTO mail_templates (\"key\", subject, body, enabled, created_at, updated_at) "
                           "VALUES (:k, :s, :b, :e, :c, :u)"),
      soci::use(slug), soci::use(line), soci::use(text), soci::use(flag), soci::use(now), soci::use(now);
  sql << "UPDATE mail_templates SET subject = :s, body = :b, enabled = :e, updated_by = :by, updated_at = :u "
         "WHERE \"key\" = :k",
      soci::use(line), soci::use(text), soci::use(flag), soci::use(by, by_ind), soci::use(now), soci::use(slug);
}

bool restore_default_template(db::Tx& tx, TemplateKey key) {
  std::string slug = template_info(key).slug;
  soci::statement remove = (tx.sql().prepare << "DELETE FROM mail_templates WHERE \"key\" = :k", soci::use(slug));
  remove.execute(true);
  return remove.get_affected_rows() > 0;
}

}  // namespace mail
