// TemporaryPostgres: a PostgreSQL server of its own for a test, in a temporary folder, on a
// Unix socket in that folder (no TCP port, nothing shared with the machine's services), started
// with Debian's initdb and pg_ctl and stopped (and its folder removed) when the object goes.
// As root (a CI container) the server runs as the `postgres` user the Debian package creates,
// since PostgreSQL refuses to run as root.
//
// Start() returns kUnavailable-like errors (kNotFound) when PostgreSQL is not installed, so a
// test can skip with the reason. Not thread-safe; one object per test.
#pragma once

#include <string>

#include "adapters/pg/pg_connection.h"
#include "storydesk/status.h"

namespace storydesk::pg {

class TemporaryPostgres {
 public:
  TemporaryPostgres() = default;
  ~TemporaryPostgres();
  TemporaryPostgres(const TemporaryPostgres&) = delete;
  TemporaryPostgres& operator=(const TemporaryPostgres&) = delete;

  // initdb, then pg_ctl start (waiting until it accepts connections). Errors: kNotFound when
  // the server binaries are not installed; kIo when a step fails (its output in the message).
  Status Start();
  // pg_ctl stop -m immediate: what a crash looks like to the clients. Start() again restarts
  // it on the same data.
  Status Stop();
  Status Restart();

  // A libpq connection string to the database `storydesk` (created by Start), as the
  // superuser `storydesk`, over the socket.
  const std::string& ConnInfo() const { return conninfo_; }
  // A new, empty database `name` (letters, digits and '_'), and its URL
  // "postgresql:///NAME?host=DIR&user=storydesk" (the form storydesk's --store takes).
  Result<std::string> CreateDatabase(const std::string& name);

 private:
  std::string dir_;  // the temporary folder: data/, the socket, the log
  std::string bin_;  // /usr/lib/postgresql/NN/bin
  std::string conninfo_;
  bool running_ = false;
  bool as_postgres_ = false;  // run the server binaries as the postgres user
};

// The folder of the newest PostgreSQL server binaries installed (/usr/lib/postgresql/NN/bin), or
// "" when none is.
std::string FindPostgresBin();

}  // namespace storydesk::pg
