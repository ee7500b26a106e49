// After-commit actions: work that must follow a write transaction's COMMIT instead of running inside it — e.g. bumping
// a shared counter row, whose lock, taken inside the transaction, would be held until the commit and queue every other
// writer behind it.
//
// Keyed by connection and thread: db::Transaction opens a frame for its session when it begins; on commit it runs the
// actions registered meanwhile, in order, on the same session (then in autocommit, each statement its own short
// transaction); a rollback drops them. A function deep inside a use case that only receives the session (e.g.
// inventory::move_stock) can so defer work to its caller's commit without knowing who the caller is. db::Transaction
// and db::write are the only transactions that open frames: code that runs its own BEGIN (db:import's engines) must
// call after its COMMIT instead. Runs on the worker thread that holds the lease.
#pragma once

#include <functional>

namespace soci {
class session;
}

namespace db {

using AfterCommit = std::function<void(soci::session&)>;

// Runs `action` once the db::Transaction open on `sql` on this thread commits, or at once when none is open (the
// write it follows is already durable). A non-null `key` deduplicates: registered again with the same key in the
// same transaction, it runs once. An action that throws is logged (warning) and skipped: the transaction has
// committed, and its caller must not see an error for it.
void after_commit(soci::session& sql, const void* key, AfterCommit action);

namespace detail {
// db::Transaction only: its BEGIN succeeded / it ended (committed = the COMMIT succeeded; runs the actions).
void open_commit_frame(soci::session& sql);
void close_commit_frame(soci::session& sql, bool committed);
}  // namespace detail

}  // namespace db
