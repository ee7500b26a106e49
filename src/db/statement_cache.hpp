// Prepared statements kept per pooled connection: a hot SELECT run on every request (the public repair lookup,
// the catalog version) is parsed and planned once per connection instead of once per request, which is most of its
// database time on SQLite.
//
// Rules that keep a kept statement safe:
// - It belongs to one pooled connection and is used only by the thread holding that connection's lease (the side
//   table below is keyed by the connection; the entry itself is never shared).
// - SOCI binds use/into by address: the entry (a subclass of CachedStatement) owns every variable it binds; callers
//   copy their inputs in and the results out inside `use`.
// - After every use the statement is reset, so it holds no read transaction while it waits for the next request (an
//   un-reset SQLite statement keeps its snapshot and blocks WAL checkpoints).
// - A use that throws drops the entry (finalized at once): its state after a failed step is not trusted.
// - db::Database forgets a connection's statements before it closes or reopens it, and when it is destroyed: a
//   statement finalized after its connection was closed is a crash.
// - Only SQLite keeps them. SOCI's MySQL backend prepares nothing on the server (it substitutes the parameters into
//   the text), so there is nothing to save; PostgreSQL would keep server-side statements across schema changes
//   ("cached plan must not change result type") and is not measured here. There `use` runs on a statement prepared
//   for this call only, exactly as before.
#pragma once

#include <soci/soci.h>

#include <exception>
#include <memory>
#include <typeindex>
#include <typeinfo>
#include <utility>

#include "db/database.hpp"

namespace db {

// Base of a kept statement. A subclass declares the variables it binds as members and builds `statement` in its
// constructor from the session it is given: statement.exchange(soci::use(…)/soci::into(…)) for each, then
// statement.alloc(); statement.prepare(sql); statement.define_and_bind(). Never moved (held by unique_ptr).
class CachedStatement {
 public:
  explicit CachedStatement(soci::session& sql) : statement(sql) {}
  virtual ~CachedStatement() = default;
  CachedStatement(const CachedStatement&) = delete;
  CachedStatement& operator=(const CachedStatement&) = delete;

  soci::statement statement;
};

// Destroys every statement kept on `sql`'s connection. db::Database calls it before it closes or reopens a pooled
// connection and when it is destroyed; harmless when none is kept.
void forget_statements(soci::session& sql);

// How many statements are kept on `sql`'s connection (tests).
std::size_t kept_statements(soci::session& sql);

namespace detail {
bool keeps_statements(soci::session& sql);  // SQLite only (see above)
CachedStatement* find_statement(soci::session& sql, std::type_index type);
CachedStatement& keep_statement(soci::session& sql, std::type_index type, std::unique_ptr<CachedStatement> entry);
void drop_statement(soci::session& sql, std::type_index type);
void reset_statement(CachedStatement& entry) noexcept;

// Ends one use of a kept statement: reset when `use` returned, dropped when it threw.
class StatementUse final {
 public:
  StatementUse(soci::session& sql, std::type_index type, CachedStatement& entry)
      : sql_(sql), type_(type), entry_(entry), uncaught_at_start_(std::uncaught_exceptions()) {}
  ~StatementUse() {
    if (std::uncaught_exceptions() > uncaught_at_start_) {
      try {
        drop_statement(sql_, type_);
      } catch (...) {  // finalizing never fails in a way we could act on while unwinding
      }
    } else {
      reset_statement(entry_);
    }
  }
  StatementUse(const StatementUse&) = delete;
  StatementUse& operator=(const StatementUse&) = delete;

 private:
  soci::session& sql_;
  std::type_index type_;
  CachedStatement& entry_;
  int uncaught_at_start_;
};
}  // namespace detail

// Runs `use(Entry&)` on the Entry statement kept on the lease's connection (prepared on first use) and returns what
// it returns. `use` sets the entry's inputs, executes and fetches, and copies the results out: the entry is reset
// (or dropped, if `use` threw) as soon as it returns, before the lease goes back. The Entry type is the key: one kept
// statement per Entry type and connection.
template <class Entry, class Use>
auto with_statement(const Lease& lease, Use&& use) {
  static_assert(std::is_base_of_v<CachedStatement, Entry>, "Entry must derive from db::CachedStatement");
  soci::session& sql = *lease;
  if (!detail::keeps_statements(sql)) {
    Entry once(sql);  // prepared for this call only, finalized when it returns
    return use(once);
  }
  const std::type_index type(typeid(Entry));
  auto* entry = static_cast<Entry*>(detail::find_statement(sql, type));
  if (!entry) entry = &static_cast<Entry&>(detail::keep_statement(sql, type, std::make_unique<Entry>(sql)));
  detail::StatementUse end_of_use(sql, type, *entry);
  return use(*entry);
}

}  // namespace db
