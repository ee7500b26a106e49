// Audit viewer queries (see audit_query.hpp). Filters become bound parameters, never SQL text.
#include "domain/audit/audit_query.hpp"

#include <algorithm>
#include <array>
#include <deque>
#include <nlohmann/json.hpp>

#include "core/parse.hpp"
#include "core/strings.hpp"
#include "db/database.hpp"
#include "db/like.hpp"

namespace audit {

namespace {

constexpr const char* kFrom = " FROM audit_logs a LEFT JOIN users u ON u.id = a.actor_id";
constexpr const char* kSelect =
    "SELECT a.id, a.event, a.actor_id, a.actor_role, a.subject_type, a.subject_id, a.ip_address, a.user_agent, "
    "a.route_name, a.http_method, a.metadata, a.created_at, a.hash, u.name, u.last_name, u.email";
constexpr std::size_t kSelectColumns = 16;

// "#42" or "42" (the actor filter accepts the id as the list shows it).
std::optional<long long> actor_id(std::string_view text) {
  if (!text.empty() && text[0] == '#') text.remove_prefix(1);
  return core::parse_id(text);
}

// WHERE clause and its parameters (kept in deques so the references SOCI binds stay valid).
struct Where {
  std::string sql;
  std::deque<std::string> texts;
  std::deque<long long> numbers;
  std::vector<std::pair<bool, std::size_t>> order;  // (is_text, index) in placeholder order

  void text(const std::string& clause, std::string value) {
    sql += (sql.empty() ? " WHERE " : " AND ") + clause;
    texts.push_back(std::move(value));
    order.emplace_back(true, texts.size() - 1);
  }
  void number(const std::string& clause, long long value) {
    sql += (sql.empty() ? " WHERE " : " AND ") + clause;
    numbers.push_back(value);
    order.emplace_back(false, numbers.size() - 1);
  }
  void bind(soci::statement& statement) {
    for (const auto& [is_text, index] : order) {
      if (is_text) statement.exchange(soci::use(texts[index]));
      else statement.exchange(soci::use(numbers[index]));
    }
  }
};

Where build_where(const AuditFilter& filter, db::Dialect dialect) {
  const std::string like = db::like_ci(dialect);
  Where where;
  int n = 0;
  auto name = [&] { return ":p" + std::to_string(n++); };
  if (!filter.event.empty()) where.text("a.event = " + name(), filter.event);
  std::string actor = core::trim(filter.actor);
  if (!actor.empty()) {
    if (auto id = actor_id(actor)) {
      where.number("a.actor_id = " + name(), *id);
    } else {
      // One placeholder per use: SOCI binds by position on MySQL.
      std::string pattern = db::like_contains(actor);
      std::string p1 = name();
      where.text("(u.email" + like + p1 + " ESCAPE '!'", pattern);
      std::string p2 = name();
      where.sql += " OR u.name" + like + p2 + " ESCAPE '!'";
      where.texts.push_back(pattern);
      where.order.emplace_back(true, where.texts.size() - 1);
      std::string p3 = name();
      where.sql += " OR u.last_name" + like + p3 + " ESCAPE '!')";
      where.texts.push_back(pattern);
      where.order.emplace_back(true, where.texts.size() - 1);
    }
  }
  if (!filter.subject_type.empty()) where.text("a.subject_type = " + name(), filter.subject_type);
  if (filter.subject_id) where.number("a.subject_id = " + name(), *filter.subject_id);
  if (!filter.from_utc.empty()) where.text("a.created_at >= " + name(), filter.from_utc);
  if (!filter.to_utc.empty()) where.text("a.created_at < " + name(), filter.to_utc);
  return where;
}

std::vector<std::string> distinct_column(db::Database& database, const char* column) {
  std::vector<std::string> values;
  auto sql = database.lease();
  std::string value;
  soci::indicator indicator = soci::i_ok;
  soci::statement statement = (sql->prepare << std::string("SELECT DISTINCT ") + column + " FROM audit_logs WHERE " +
                                                  column + " IS NOT NULL ORDER BY " + column,
                               soci::into(value, indicator));
  statement.execute(false);
  while (statement.fetch())
    if (indicator != soci::i_null) values.push_back(value);
  return values;
}

}  // namespace

std::vector<std::pair<std::string, std::string>> decode_metadata(const std::string& json) {
  std::vector<std::pair<std::string, std::string>> out;
  if (core::trim(json).empty()) return out;
  auto parsed = nlohmann::ordered_json::parse(json, nullptr, /*allow_exceptions=*/false);
  if (parsed.is_discarded()) {
    out.emplace_back("valor", json);
    return out;
  }
  if (!parsed.is_object()) {
    out.emplace_back("valor", parsed.is_string() ? parsed.get<std::string>() : parsed.dump());
    return out;
  }
  for (const auto& [key, value] : parsed.items()) {
    if (value.is_string()) out.emplace_back(key, value.get<std::string>());
    else if (value.is_null()) out.emplace_back(key, "—");
    else out.emplace_back(key, value.dump());
  }
  return out;
}

AuditPage search_audit(db::Database& database, const AuditFilter& filter) {
  AuditPage page;
  Where where = build_where(filter, database.dialect());
  auto sql = database.lease();
  {
    long long total = 0;
    soci::statement statement(*sql);
    statement.exchange(soci::into(total));
    where.bind(statement);
    statement.alloc();
    statement.prepare(std::string("SELECT COUNT(*)") + kFrom + where.sql);
    statement.define_and_bind();
    statement.execute(true);
    page.total = total;
  }
  int per_page = filter.per_page > 0 ? filter.per_page : 25;
  page.pages = static_cast<int>(std::max<long long>(1, (page.total + per_page - 1) / per_page));
  page.page = std::clamp(filter.page, 1, page.pages);
  long long offset = static_cast<long long>(page.page - 1) * per_page;

  std::array<std::string, kSelectColumns> v;
  std::array<soci::indicator, kSelectColumns> ind{};
  soci::statement statement(*sql);
  for (std::size_t i = 0; i < kSelectColumns; ++i) statement.exchange(soci::into(v[i], ind[i]));
  where.bind(statement);
  statement.alloc();
  statement.prepare(std::string(kSelect) + kFrom + where.sql + " ORDER BY a.id DESC LIMIT " + std::to_string(per_page) +
                    " OFFSET " + std::to_string(offset));
  statement.define_and_bind();
  statement.execute(false);
  auto text = [&](std::size_t i) { return ind[i] == soci::i_null ? std::string() : v[i]; };
  auto number = [&](std::size_t i) -> std::optional<std::int64_t> {
    if (ind[i] == soci::i_null || v[i].empty()) return std::nullopt;
    return std::stoll(v[i]);
  };
  while (statement.fetch()) {
    AuditRow row;
    row.id = number(0).value_or(0);
    row.event = text(1);
    row.actor_id = number(2);
    row.actor_role = text(3);
    row.subject_type = text(4);
    row.subject_id = number(5);
    row.ip_address = text(6);
    row.user_agent = text(7);
    row.route_name = text(8);
    row.http_method = text(9);
    row.metadata = decode_metadata(text(10));
    row.created_at = text(11).substr(0, 19);
    row.sealed = ind[12] != soci::i_null && !v[12].empty();
    row.actor_name = core::trim(text(13) + " " + text(14));
    row.actor_email = text(15);
    page.rows.push_back(std::move(row));
  }
  return page;
}

std::vector<std::string> audit_events(db::Database& database) { return distinct_column(database, "event"); }
std::vector<std::string> audit_subject_types(db::Database& database) {
  return distinct_column(database, "subject_type");
}

}  // namespace audit
