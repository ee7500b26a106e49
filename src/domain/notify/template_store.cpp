// Stored WhatsApp templates (see template_store.hpp).
#include "domain/notify/template_store.hpp"

#include "core/clock.hpp"
#include "core/strings.hpp"
#include "db/database.hpp"
#include "db/unit_of_work.hpp"

namespace notify {

namespace {
const char* table_of(TemplateKind kind) {
  return kind == TemplateKind::kRepair ? "repair_whatsapp_templates" : "order_whatsapp_templates";
}

// Insert or update one row on `sql` (inside the caller's transaction).
void upsert(soci::session& sql, TemplateKind kind, const std::string& status, const std::string& text,
            std::optional<long long> updated_by, const std::string& now) {
  const std::string table = table_of(kind);
  long long id = 0;
  soci::indicator id_ind = soci::i_null;
  sql << "SELECT id FROM " + table + " WHERE status = :status", soci::use(status), soci::into(id, id_ind);
  long long by = updated_by.value_or(0);
  soci::indicator by_ind = updated_by ? soci::i_ok : soci::i_null;
  if (sql.got_data() && id_ind == soci::i_ok) {
    sql << "UPDATE " + table + " SET template = :t, updated_by = :by, updated_at = :u WHERE id = :id",
        soci::use(text), soci::use(by, by_ind), soci::use(now), soci::use(id);
  } else {
    sql << "INSERT INTO " + table + " (status, template, updated_by, created_at, updated_at) "
                                    "VALUES (:s, :t, :by, :c, :u)",
        soci::use(status), soci::use(text), soci::use(by, by_ind), soci::use(now), soci::use(now);
  }
}
}  // namespace

std::map<std::string, std::string> stored_templates(db::Database& database, TemplateKind kind) {
  std::map<std::string, std::string> result;
  auto sql = database.lease();
  std::string status, text;
  soci::statement query = (sql->prepare << "SELECT status, template FROM " + std::string(table_of(kind)),
                           soci::into(status), soci::into(text));
  query.execute();
  while (query.fetch())
    if (!core::trim(text).empty()) result[status] = text;
  return result;
}

std::string template_for(soci::session& sql, TemplateKind kind, const std::string& status_key) {
  std::string text;
  soci::indicator ind = soci::i_null;
  sql << "SELECT template FROM " + std::string(table_of(kind)) + " WHERE status = :status", soci::use(status_key),
      soci::into(text, ind);
  if (sql.got_data() && ind == soci::i_ok && !core::trim(text).empty()) return text;
  return default_template(kind, status_key);
}

void save_templates(db::Tx& tx, TemplateKind kind, const std::map<std::string, std::string>& submitted,
                    std::optional<long long> updated_by) {
  std::string now = core::utc_now_sql();
  soci::session* sql = &tx.sql();
  for (const auto& status : template_statuses(kind)) {
    std::string key(status.key);
    std::string text;
    if (auto found = submitted.find(key); found != submitted.end())
      text = core::replace_all(found->second, "\r\n", "\n");  // textareas post CRLF; WhatsApp wants LF
    if (core::trim(text).empty()) text = default_template(kind, key);
    upsert(*sql, kind, key, text, updated_by, now);
  }
}

int seed_default_templates(soci::session& sql, const std::string& now) {
  int inserted = 0;
  for (TemplateKind kind : {TemplateKind::kRepair, TemplateKind::kOrder}) {
    for (const auto& status : template_statuses(kind)) {
      std::string key(status.key);
      int existing = 0;
      sql << "SELECT COUNT(*) FROM " + std::string(table_of(kind)) + " WHERE status = :status", soci::use(key),
          soci::into(existing);
      if (existing) continue;
      upsert(sql, kind, key, default_template(kind, key), std::nullopt, now);
      ++inserted;
    }
  }
  return inserted;
}

}  // namespace notify
