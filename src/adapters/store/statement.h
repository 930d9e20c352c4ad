// Statement: one prepared SQLite statement (an owned sqlite3_stmt) with bind, step and column
// helpers that report failures as Status values.
//
// Binding never fails loudly: the first bind error is remembered and returned by the next
// Step(), so a caller binds every parameter and checks once. Text and blobs are bound with
// explicit lengths and copied (SQLITE_TRANSIENT), so bytes round-trip exactly — embedded NULs
// included — and the caller's buffers need not outlive the call. Column getters copy out too.
//
// StatementReset resets a statement when it goes out of scope: a statement left mid-result
// keeps its read transaction open, which pins the WAL snapshot and blocks checkpoints.
// Thread-safety: none; a Statement belongs to the connection (and thread) that prepared it.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "storydesk/status.h"

struct sqlite3;
struct sqlite3_stmt;

namespace storydesk::store {

class Statement {
 public:
  // Compiles `sql` (one statement) for `db`. Errors: kStore with SQLite's message.
  static Result<Statement> Prepare(sqlite3* db, std::string_view sql);

  Statement() = default;
  ~Statement();
  Statement(Statement&& other) noexcept;
  Statement& operator=(Statement&& other) noexcept;
  Statement(const Statement&) = delete;
  Statement& operator=(const Statement&) = delete;

  // Parameters are 1-based, as in SQLite.
  void BindInt64(int index, int64_t value);
  // A uint64 stored as the int64 with the same bit pattern (SQLite integers are signed).
  void BindUint64(int index, uint64_t value) { BindInt64(index, static_cast<int64_t>(value)); }
  void BindDouble(int index, double value);
  void BindNull(int index);
  void BindText(int index, std::string_view value);
  void BindBlob(int index, std::string_view bytes);
  void BindOptionalText(int index, const std::optional<std::string>& value);
  void BindOptionalInt64(int index, const std::optional<int64_t>& value);

  // Runs the statement one step: true when a row is ready, false when it is done.
  // Errors: kStore with SQLite's message (or the first bind error).
  Result<bool> Step();
  // Steps until done, ignoring any rows (for INSERT/UPDATE/DDL).
  Status Run();
  // Rewinds the statement and clears its bindings; it can then be run again.
  void Reset();

  bool ColumnIsNull(int column) const;
  int64_t ColumnInt64(int column) const;
  uint64_t ColumnUint64(int column) const { return static_cast<uint64_t>(ColumnInt64(column)); }
  double ColumnDouble(int column) const;
  // Text or blob bytes of the column, exactly as stored ("" for NULL).
  std::string ColumnText(int column) const;
  std::string ColumnBlob(int column) const;
  std::optional<std::string> ColumnOptionalText(int column) const;
  std::optional<int64_t> ColumnOptionalInt64(int column) const;

  sqlite3_stmt* get() const { return stmt_; }

 private:
  Statement(sqlite3* db, sqlite3_stmt* stmt) : db_(db), stmt_(stmt) {}
  void NoteBind(int rc);

  sqlite3* db_ = nullptr;
  sqlite3_stmt* stmt_ = nullptr;
  int bind_error_ = 0;  // first failed bind's result code (0 = SQLITE_OK)
};

// Resets `statement` on scope exit (see above). The statement must outlive the guard.
class StatementReset {
 public:
  explicit StatementReset(Statement* statement) : statement_(statement) {}
  ~StatementReset() { statement_->Reset(); }
  StatementReset(const StatementReset&) = delete;
  StatementReset& operator=(const StatementReset&) = delete;

 private:
  Statement* statement_;
};

// The kStore status for the last error on `db`: "<what>: <sqlite3_errmsg>".
Status StoreError(sqlite3* db, std::string_view what);

// Runs one or more SQL statements that take no parameters and return no needed rows
// (pragmas, BEGIN/COMMIT, migration scripts). Errors: kStore with SQLite's message.
Status ExecScript(sqlite3* db, const char* sql);

}  // namespace storydesk::store
