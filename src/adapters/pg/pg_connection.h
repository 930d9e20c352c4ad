// PgConnection: one libpq connection to PostgreSQL, with the few calls the PostgreSQL store
// needs — statements with text parameters, their rows as text, and transactions — and errors as
// values (kStore naming the server's message). A thin adapter over Debian's libpq; it knows
// nothing of storydesk's tables.
// Thread-safety: one connection per thread, as libpq requires.
#pragma once

#include <libpq-fe.h>

#include <cstdint>
#include <functional>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "storydesk/status.h"

namespace storydesk::pg {

// A statement's parameters, each text or NULL, bound as $1, $2, ... in order.
class Params {
 public:
  Params& Text(std::string_view value);
  Params& Int(int64_t value);
  Params& Real(double value);
  // bytea, sent in binary: any bytes, NUL included.
  Params& Bytes(std::string_view value);
  Params& Null();
  Params& OptionalText(const std::optional<std::string>& value);
  Params& OptionalInt(const std::optional<int64_t>& value);

  size_t size() const { return values_.size(); }
  // For PQexecParams: pointers into this object, valid while it lives.
  std::vector<const char*> Values() const;
  std::vector<int> Lengths() const;
  std::vector<int> Formats() const;

 private:
  std::vector<std::optional<std::string>> values_;
  std::vector<bool> binary_;
};

// The rows of one statement: text values (bytea columns in binary when the statement asks for
// binary results; see PgConnection::Query).
class Rows {
 public:
  explicit Rows(PGresult* result) : result_(result, &PQclear) {}
  int Count() const { return PQntuples(result_.get()); }
  bool IsNull(int row, int column) const { return PQgetisnull(result_.get(), row, column) != 0; }
  std::string_view Text(int row, int column) const {
    return {PQgetvalue(result_.get(), row, column), static_cast<size_t>(PQgetlength(result_.get(), row, column))};
  }
  int64_t Int(int row, int column) const;
  double Real(int row, int column) const;
  std::optional<int64_t> OptionalInt(int row, int column) const;
  std::optional<std::string> OptionalText(int row, int column) const;
  // A bytea column of a text-format result ("\x0a1b..."), as bytes.
  std::string Bytes(int row, int column) const;
  // The number of rows an INSERT, UPDATE or DELETE changed.
  int64_t Affected() const;

 private:
  std::unique_ptr<PGresult, decltype(&PQclear)> result_;
};

class PgConnection {
 public:
  // Connects with a libpq connection string ("postgresql://host/db", "host=... dbname=...").
  // Errors: kStore with libpq's message, the password never repeated.
  static Result<std::unique_ptr<PgConnection>> Connect(const std::string& conninfo);
  ~PgConnection();
  PgConnection(const PgConnection&) = delete;
  PgConnection& operator=(const PgConnection&) = delete;

  // Runs `sql` (one statement) with `params`. Errors: kStore ("what: server message"), or
  // kConflict for a unique violation, a serialization failure or a deadlock (SQLSTATE 23505,
  // 40001, 40P01), which a caller may retry.
  Result<Rows> Query(const std::string& sql, const Params& params = {});
  Status Exec(const std::string& sql, const Params& params = {});
  // Runs statements separated by ';' without parameters (a migration script).
  Status ExecScript(const std::string& sql);

  // Runs `body` in a transaction at the given isolation ("READ COMMITTED", "REPEATABLE READ",
  // "SERIALIZABLE"), committing when it returns ok, rolling back otherwise.
  Status InTransaction(const std::function<Status()>& body, const char* isolation = "READ COMMITTED");
  bool InTransaction() const;

  // The server's version number (150018 for 15.18).
  int ServerVersion() const { return PQserverVersion(conn_); }

 private:
  explicit PgConnection(PGconn* conn) : conn_(conn) {}
  Status ErrorOf(PGresult* result, const std::string& what) const;

  PGconn* conn_;
};

}  // namespace storydesk::pg
