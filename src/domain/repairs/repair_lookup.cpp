// Public repair lookup (see repair_lookup.hpp).
#include "domain/repairs/repair_lookup.hpp"

#include <algorithm>
#include <cctype>
#include <cstdio>

#include <chrono>

#include "core/clock.hpp"
#include "core/phone.hpp"
#include "core/strings.hpp"
#include "db/database.hpp"
#include "db/statement_cache.hpp"

namespace repairs {

namespace {
constexpr std::size_t kMaxCode = 50;
constexpr std::size_t kMaxPhone = 30;

std::string value_or_empty(const std::string& value, soci::indicator indicator) {
  return indicator == soci::i_ok ? value : std::string();
}
}  // namespace

std::string normalise_lookup_code(std::string_view code) {
  std::string result = core::trim(code);
  for (auto& c : result) c = static_cast<char>(std::toupper(static_cast<unsigned char>(c)));
  return result;
}

namespace {
constexpr const char* kSelectPublic =
    "SELECT id, code, status, device_brand, device_model, issue_reported, diagnosis, updated_at, created_at FROM repairs ";
// The lookup reads the stored phone with the public columns in one statement: preparing a statement is most of
// the lookup's database time on SQLite (its parser runs on every prepare), and a second statement for the same
// row doubled it. The phone is still compared here, never shown: it is not a member of PublicRepairStatus.
constexpr const char* kSelectLookup =
    "SELECT id, code, status, device_brand, device_model, issue_reported, diagnosis, updated_at, created_at, "
    "customer_phone FROM repairs WHERE code = :code";

// The columns of kSelectPublic, bound as outputs of one statement.
struct PublicRow {
  PublicRepairStatus repair;
  std::string code, brand, model, diagnosis, updated_at, created_at;
  soci::indicator code_ind = soci::i_null, brand_ind = soci::i_null, model_ind = soci::i_null,
                  diagnosis_ind = soci::i_null, updated_ind = soci::i_null, created_ind = soci::i_null;

  // Runs the prepared statement and converts its row, if any.
  std::optional<PublicRepairStatus> fetch(soci::statement& query) {
    query.execute();
    if (!query.fetch()) return std::nullopt;
    return converted();
  }

  // The fetched row as the public view.
  PublicRepairStatus converted() {
    repair.code = value_or_empty(code, code_ind);
    repair.status = parse_status(repair.status_key);
    repair.device_brand = value_or_empty(brand, brand_ind);
    repair.device_model = value_or_empty(model, model_ind);
    repair.diagnosis = value_or_empty(diagnosis, diagnosis_ind);
    repair.updated_at = updated_ind == soci::i_ok ? updated_at : value_or_empty(created_at, created_ind);
    return repair;
  }
};
}  // namespace

namespace {
// Binds the columns of kSelectPublic, in order, as outputs of `query` into `row`.
void bind_public_columns(soci::statement& query, PublicRow& row) {
  query.exchange(soci::into(row.repair.id));
  query.exchange(soci::into(row.code, row.code_ind));
  query.exchange(soci::into(row.repair.status_key));
  query.exchange(soci::into(row.brand, row.brand_ind));
  query.exchange(soci::into(row.model, row.model_ind));
  query.exchange(soci::into(row.repair.issue_reported));
  query.exchange(soci::into(row.diagnosis, row.diagnosis_ind));
  query.exchange(soci::into(row.updated_at, row.updated_ind));
  query.exchange(soci::into(row.created_at, row.created_ind));
}

// kSelectLookup kept prepared per pooled connection (db/statement_cache.hpp): the public lookup is a guest POST on
// every visit, and parsing and planning this SELECT was most of its database time. Owns what it binds.
struct LookupStatement final : db::CachedStatement {
  std::string code;
  PublicRow row;
  std::string stored;
  soci::indicator stored_ind = soci::i_null;

  explicit LookupStatement(soci::session& sql) : CachedStatement(sql) {
    statement.exchange(soci::use(code));
    bind_public_columns(statement, row);
    statement.exchange(soci::into(stored, stored_ind));
    statement.alloc();
    statement.prepare(kSelectLookup);
    statement.define_and_bind();
  }
};

// The lookup's row with the stored phone, copied out of the kept statement.
struct LookupRow {
  PublicRow row;
  std::string stored;
  soci::indicator stored_ind = soci::i_null;
};
}  // namespace

std::optional<PublicRepairStatus> RepairLookupRepository::find(const std::string& code,
                                                               const std::string& phone) const {
  // The code picks the repair; the phone is compared as a number, not as text, so "341 15-555-7788" finds a
  // repair stored as +5493415557788 (or a legacy row kept as typed). Both misses give the same answer.
  std::optional<LookupRow> found;
  {
    auto sql = database_.lease();
    found = db::with_statement<LookupStatement>(sql, [&](LookupStatement& query) -> std::optional<LookupRow> {
      query.code = code;
      query.statement.execute();
      if (!query.statement.fetch()) return std::nullopt;
      return LookupRow{query.row, query.stored, query.stored_ind};
    });
  }  // the connection goes back to the pool before the phone is parsed
  if (!found || found->stored_ind != soci::i_ok || !core::phone::same_number(found->stored, phone)) return std::nullopt;
  return found->row.converted();
}

std::optional<PublicRepairStatus> RepairLookupRepository::find_by_id(long long repair_id) const {
  auto sql = database_.lease();
  PublicRow row;
  soci::statement query(*sql);
  query.exchange(soci::use(repair_id));
  bind_public_columns(query, row);
  query.alloc();
  query.prepare(std::string(kSelectPublic) + "WHERE id = :id");
  query.define_and_bind();
  return row.fetch(query);
}

LookupResult lookup_repair(const RepairLookupRepository& repository, std::string_view raw_code,
                           std::string_view raw_phone) {
  LookupResult result;
  std::string code = normalise_lookup_code(raw_code);
  std::string phone = core::trim(raw_phone);

  if (code.empty()) result.errors.add("code", "Ingresá el código de la reparación.");
  else if (core::exceeds_length(code, kMaxCode)) result.errors.add("code", "El código no puede superar 50 caracteres.");
  if (phone.empty()) result.errors.add("phone", "Ingresá el teléfono.");
  else if (core::exceeds_length(phone, kMaxPhone)) result.errors.add("phone", "El teléfono no puede superar 30 caracteres.");
  else if (!core::is_valid_phone(phone))
    result.errors.add("phone", core::phone::kInvalidMessage);
  if (!result.errors.empty()) return result;

  result.repair = repository.find(code, phone);
  if (!result.repair) result.errors.add("code", std::string(kLookupNotFoundMessage));
  return result;
}

CustomerRepairPage customer_repairs(db::Database& database, long long user_id, int page, int per_page) {
  CustomerRepairPage result;
  result.per_page = per_page;
  auto sql = database.lease();
  *sql << "SELECT COUNT(*) FROM repairs WHERE user_id = :u", soci::use(user_id), soci::into(result.total);
  result.page = std::max(1, std::min(page, result.last_page()));
  long long offset = static_cast<long long>(result.page - 1) * per_page, limit = per_page;
  CustomerRepairSummary row;
  std::string code, brand, model, created_at;
  soci::indicator code_ind, brand_ind, model_ind, created_ind;
  soci::statement query =
      (sql->prepare << "SELECT id, code, status, device_brand, device_model, created_at FROM repairs "
                       "WHERE user_id = :u ORDER BY created_at DESC, id DESC LIMIT :limit OFFSET :offset",
       soci::use(user_id), soci::use(limit), soci::use(offset), soci::into(row.id), soci::into(code, code_ind),
       soci::into(row.status_key), soci::into(brand, brand_ind), soci::into(model, model_ind),
       soci::into(created_at, created_ind));
  query.execute();
  while (query.fetch()) {
    CustomerRepairSummary item = row;
    item.code = value_or_empty(code, code_ind);
    item.status = parse_status(item.status_key);
    item.device_brand = value_or_empty(brand, brand_ind);
    item.device_model = value_or_empty(model, model_ind);
    item.created_at = value_or_empty(created_at, created_ind);
    result.items.push_back(std::move(item));
  }
  return result;
}

std::optional<CustomerRepairDetail> customer_repair(db::Database& database, long long user_id, long long repair_id) {
  CustomerRepairDetail detail;
  {
    auto sql = database.lease();
    long long final_price = 0, paid = 0, warranty = 0;
    std::string method, notes, delivered, created;
    soci::indicator price_ind, paid_ind, method_ind, notes_ind, delivered_ind, created_ind;
    *sql << "SELECT final_price, paid_amount, payment_method, payment_notes, warranty_days, delivered_at, created_at "
            "FROM repairs WHERE id = :id AND user_id = :u",
        soci::use(repair_id), soci::use(user_id), soci::into(final_price, price_ind), soci::into(paid, paid_ind),
        soci::into(method, method_ind), soci::into(notes, notes_ind), soci::into(warranty),
        soci::into(delivered, delivered_ind), soci::into(created, created_ind);
    if (!sql->got_data()) return std::nullopt;
    detail.id = repair_id;
    if (price_ind == soci::i_ok) detail.final_price_cents = final_price;
    detail.paid_cents = paid_ind == soci::i_ok ? paid : 0;
    detail.payment_method = value_or_empty(method, method_ind);
    detail.payment_notes = value_or_empty(notes, notes_ind);
    detail.warranty_days = warranty;
    detail.delivered_at = value_or_empty(delivered, delivered_ind);
    detail.created_at = value_or_empty(created, created_ind);
  }
  auto view = RepairLookupRepository(database).find_by_id(repair_id);
  if (!view) return std::nullopt;
  detail.public_view = std::move(*view);
  return detail;
}

std::string warranty_expiry_date(const std::string& delivered_at_utc, long long warranty_days) {
  if (delivered_at_utc.empty() || warranty_days <= 0) return "";
  std::string local = core::format_local(delivered_at_utc, "%Y-%m-%d");
  int year = 0;
  unsigned month = 0, day = 0;
  if (std::sscanf(local.c_str(), "%d-%u-%u", &year, &month, &day) != 3) return "";
  std::chrono::year_month_day date{std::chrono::year{year}, std::chrono::month{month}, std::chrono::day{day}};
  std::chrono::year_month_day expiry{std::chrono::sys_days{date} + std::chrono::days{warranty_days}};
  char text[16];
  std::snprintf(text, sizeof text, "%04d-%02u-%02u", static_cast<int>(expiry.year()),
                static_cast<unsigned>(expiry.month()), static_cast<unsigned>(expiry.day()));
  return text;
}

bool in_warranty(const std::string& expiry_date) {
  if (expiry_date.empty()) return false;
  return core::format_local(core::utc_now_sql(), "%Y-%m-%d") <= expiry_date;
}

}  // namespace repairs
