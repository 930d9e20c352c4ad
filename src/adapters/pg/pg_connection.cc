#include "adapters/pg/pg_connection.h"

#include <charconv>
#include <cstdio>
#include <cstring>

namespace storydesk::pg {
namespace {

// libpq's messages end in a newline and may run over several lines ("DETAIL: ..."): one line.
std::string OneLine(const char* message) {
  std::string out = message == nullptr ? "" : message;
  for (char& c : out) {
    if (c == '\n' || c == '\r' || c == '\t') c = ' ';
  }
  while (!out.empty() && out.back() == ' ') out.pop_back();
  return out;
}

int HexValue(char c) {
  if (c >= '0' && c <= '9') return c - '0';
  if (c >= 'a' && c <= 'f') return c - 'a' + 10;
  if (c >= 'A' && c <= 'F') return c - 'A' + 10;
  return -1;
}

}  // namespace

Params& Params::Text(std::string_view value) {
  values_.emplace_back(std::string(value));
  binary_.push_back(false);
  return *this;
}

Params& Params::Int(int64_t value) { return Text(std::to_string(value)); }

Params& Params::Real(double value) {
  char buffer[32];
  std::snprintf(buffer, sizeof buffer, "%.17g", value);
  return Text(buffer);
}

Params& Params::Bytes(std::string_view value) {
  values_.emplace_back(std::string(value));
  binary_.push_back(true);
  return *this;
}

Params& Params::Null() {
  values_.emplace_back(std::nullopt);
  binary_.push_back(false);
  return *this;
}

Params& Params::OptionalText(const std::optional<std::string>& value) { return value ? Text(*value) : Null(); }

Params& Params::OptionalInt(const std::optional<int64_t>& value) { return value ? Int(*value) : Null(); }

std::vector<const char*> Params::Values() const {
  std::vector<const char*> out;
  out.reserve(values_.size());
  for (const auto& v : values_) out.push_back(v ? v->data() : nullptr);
  return out;
}

std::vector<int> Params::Lengths() const {
  std::vector<int> out;
  out.reserve(values_.size());
  for (const auto& v : values_) out.push_back(v ? static_cast<int>(v->size()) : 0);
  return out;
}

std::vector<int> Params::Formats() const {
  std::vector<int> out;
  out.reserve(binary_.size());
  for (const bool b : binary_) out.push_back(b ? 1 : 0);
  return out;
}

int64_t Rows::Int(int row, int column) const {
  const std::string_view text = Text(row, column);
  int64_t value = 0;
  std::from_chars(text.data(), text.data() + text.size(), value);
  return value;
}

double Rows::Real(int row, int column) const {
  // strtod needs a terminated string; libpq's values are.
  return std::strtod(PQgetvalue(result_.get(), row, column), nullptr);
}

std::optional<int64_t> Rows::OptionalInt(int row, int column) const {
  if (IsNull(row, column)) return std::nullopt;
  return Int(row, column);
}

std::optional<std::string> Rows::OptionalText(int row, int column) const {
  if (IsNull(row, column)) return std::nullopt;
  return std::string(Text(row, column));
}

std::string Rows::Bytes(int row, int column) const {
  const std::string_view text = Text(row, column);
  std::string out;
  if (text.substr(0, 2) != "\\x") return std::string(text);
  out.reserve((text.size() - 2) / 2);
  for (size_t i = 2; i + 1 < text.size(); i += 2) {
    const int high = HexValue(text[i]);
    const int low = HexValue(text[i + 1]);
    if (high < 0 || low < 0) break;
    out.push_back(static_cast<char>(high * 16 + low));
  }
  return out;
}

int64_t Rows::Affected() const {
  const char* n = PQcmdTuples(result_.get());
  int64_t value = 0;
  std::from_chars(n, n + std::strlen(n), value);
  return value;
}

Result<std::unique_ptr<PgConnection>> PgConnection::Connect(const std::string& conninfo) {
  PGconn* conn = PQconnectdb(conninfo.c_str());
  std::unique_ptr<PgConnection> connection(new PgConnection(conn));
  if (conn == nullptr) return Status::Error(ErrorCode::kStore, "cannot connect to PostgreSQL: out of memory");
  if (PQstatus(conn) != CONNECTION_OK) {
    return Status::Error(ErrorCode::kStore, "cannot connect to PostgreSQL: " + OneLine(PQerrorMessage(conn)));
  }
  // Notices (a table that exists already, say) are not the user's business.
  PQsetNoticeProcessor(
      conn, [](void*, const char*) {}, nullptr);
  return connection;
}

PgConnection::~PgConnection() {
  if (conn_ != nullptr) PQfinish(conn_);
}

Status PgConnection::ErrorOf(PGresult* result, const std::string& what) const {
  const char* state = result == nullptr ? nullptr : PQresultErrorField(result, PG_DIAG_SQLSTATE);
  const std::string message =
      result == nullptr ? OneLine(PQerrorMessage(conn_)) : OneLine(PQresultErrorMessage(result));
  const std::string sqlstate = state == nullptr ? "" : state;
  const bool retry = sqlstate == "23505" || sqlstate == "40001" || sqlstate == "40P01";
  return Status::Error(retry ? ErrorCode::kConflict : ErrorCode::kStore, what + ": " + message);
}

Result<Rows> PgConnection::Query(const std::string& sql, const Params& params) {
  const std::vector<const char*> values = params.Values();
  const std::vector<int> lengths = params.Lengths();
  const std::vector<int> formats = params.Formats();
  PGresult* result = PQexecParams(conn_, sql.c_str(), static_cast<int>(params.size()), nullptr, values.data(),
                                  lengths.data(), formats.data(), /*resultFormat=*/0);
  Rows rows(result);
  const ExecStatusType status = result == nullptr ? PGRES_FATAL_ERROR : PQresultStatus(result);
  if (status != PGRES_TUPLES_OK && status != PGRES_COMMAND_OK) {
    const std::string head = sql.substr(0, sql.find_first_of(" \n"));
    return ErrorOf(result, "PostgreSQL " + head);
  }
  return rows;
}

Status PgConnection::Exec(const std::string& sql, const Params& params) {
  auto rows = Query(sql, params);
  return rows.ok() ? Status::Ok() : rows.status();
}

Status PgConnection::ExecScript(const std::string& sql) {
  PGresult* result = PQexec(conn_, sql.c_str());
  Rows rows(result);
  const ExecStatusType status = result == nullptr ? PGRES_FATAL_ERROR : PQresultStatus(result);
  if (status != PGRES_TUPLES_OK && status != PGRES_COMMAND_OK) return ErrorOf(result, "PostgreSQL script");
  return Status::Ok();
}

bool PgConnection::InTransaction() const { return PQtransactionStatus(conn_) != PQTRANS_IDLE; }

Status PgConnection::InTransaction(const std::function<Status()>& body, const char* isolation) {
  if (Status s = ExecScript(std::string("BEGIN ISOLATION LEVEL ") + isolation); !s.ok()) return s;
  Status result = body();
  if (result.ok()) {
    result = ExecScript("COMMIT");
    if (result.ok()) return result;
  }
  (void)ExecScript("ROLLBACK");
  return result;
}

}  // namespace storydesk::pg
