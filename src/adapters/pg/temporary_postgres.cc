#include "adapters/pg/temporary_postgres.h"

#include <pwd.h>
#include <sys/wait.h>
#include <unistd.h>

#include <array>
#include <cctype>
#include <cstdio>
#include <cstdlib>
#include <filesystem>
#include <random>
#include <system_error>

namespace storydesk::pg {
namespace fs = std::filesystem;
namespace {

// Runs `command` through the shell, its output (both streams) into *output; true when it exits 0.
bool Run(const std::string& command, std::string* output) {
  output->clear();
  FILE* pipe = popen((command + " 2>&1").c_str(), "r");
  if (pipe == nullptr) return false;
  std::array<char, 4096> buffer{};
  size_t got = 0;
  while ((got = fread(buffer.data(), 1, buffer.size(), pipe)) > 0) output->append(buffer.data(), got);
  const int status = pclose(pipe);
  return status != -1 && WIFEXITED(status) && WEXITSTATUS(status) == 0;
}

std::string Quote(const std::string& s) {
  std::string out = "'";
  for (char c : s) {
    if (c == '\'') {
      out += "'\\''";
    } else {
      out += c;
    }
  }
  return out + "'";
}

std::string LastLines(const std::string& text) {
  std::string out = text.size() > 600 ? text.substr(text.size() - 600) : text;
  for (char& c : out) {
    if (c == '\n') c = ' ';
  }
  return out;
}

}  // namespace

std::string FindPostgresBin() {
  std::error_code ec;
  std::string best;
  int best_version = 0;
  for (const auto& entry : fs::directory_iterator("/usr/lib/postgresql", ec)) {
    const int version = std::atoi(entry.path().filename().c_str());
    if (version > best_version && fs::exists(entry.path() / "bin" / "pg_ctl", ec)) {
      best_version = version;
      best = (entry.path() / "bin").string();
    }
  }
  return best;
}

TemporaryPostgres::~TemporaryPostgres() {
  (void)Stop();
  if (!dir_.empty()) {
    std::error_code ec;
    fs::remove_all(dir_, ec);
  }
}

Status TemporaryPostgres::Start() {
  if (running_) return Status::Ok();
  if (bin_.empty()) bin_ = FindPostgresBin();
  if (bin_.empty()) {
    return Status::Error(ErrorCode::kNotFound, "PostgreSQL is not installed (no /usr/lib/postgresql/*/bin/pg_ctl)");
  }
  as_postgres_ = geteuid() == 0;
  std::string output;
  if (dir_.empty()) {
    std::random_device random;
    dir_ = (fs::temp_directory_path() / ("storydesk_pg_" + std::to_string(getpid()) + "_" + std::to_string(random())))
               .string();
    fs::create_directories(dir_);
    if (as_postgres_) {
      const passwd* user = getpwnam("postgres");
      if (user == nullptr)
        return Status::Error(ErrorCode::kNotFound, "running as root and no postgres user to run PostgreSQL as");
      if (chown(dir_.c_str(), user->pw_uid, user->pw_gid) != 0) {
        return Status::Error(ErrorCode::kIo, "cannot hand " + dir_ + " to the postgres user");
      }
    }
    const std::string initdb =
        bin_ + "/initdb -D " + Quote(dir_ + "/data") + " -A trust -U storydesk -E UTF8 --locale=C.UTF-8 --no-sync";
    if (!Run((as_postgres_ ? "runuser -u postgres -- " : "") + initdb, &output)) {
      return Status::Error(ErrorCode::kIo, "initdb failed: " + LastLines(output));
    }
  }
  // No TCP at all, the socket in our folder; fsync off: a test's data need not survive a power cut.
  const std::string options = "-k " + dir_ + " -c listen_addresses='' -c fsync=off -c max_connections=50";
  const std::string start = bin_ + "/pg_ctl -D " + Quote(dir_ + "/data") + " -l " + Quote(dir_ + "/log") + " -o " +
                            Quote(options) + " -w -t 60 start";
  if (!Run((as_postgres_ ? "runuser -u postgres -- " : "") + start, &output)) {
    return Status::Error(ErrorCode::kIo, "pg_ctl start failed: " + LastLines(output));
  }
  running_ = true;
  conninfo_ = "host=" + dir_ + " user=storydesk dbname=postgres";
  // The database the tests use, made once.
  const std::string create = bin_ + "/psql -h " + Quote(dir_) +
                             " -U storydesk -d postgres -Atc \"SELECT 1 FROM pg_database WHERE datname = 'storydesk'\"";
  if (Run(create, &output) && output.find('1') == std::string::npos) {
    if (!Run(bin_ + "/createdb -h " + Quote(dir_) + " -U storydesk storydesk", &output)) {
      return Status::Error(ErrorCode::kIo, "createdb failed: " + LastLines(output));
    }
  }
  conninfo_ = "host=" + dir_ + " user=storydesk dbname=storydesk";
  return Status::Ok();
}

Status TemporaryPostgres::Stop() {
  if (!running_) return Status::Ok();
  running_ = false;
  std::string output;
  const std::string stop = bin_ + "/pg_ctl -D " + Quote(dir_ + "/data") + " -m immediate -w stop";
  if (!Run((as_postgres_ ? "runuser -u postgres -- " : "") + stop, &output)) {
    return Status::Error(ErrorCode::kIo, "pg_ctl stop failed: " + LastLines(output));
  }
  return Status::Ok();
}

Result<std::string> TemporaryPostgres::CreateDatabase(const std::string& name) {
  for (char c : name) {
    if (!(std::isalnum(static_cast<unsigned char>(c)) || c == '_')) {
      return Status::Error(ErrorCode::kUsage, "a database name of letters, digits and '_' only: " + name);
    }
  }
  auto admin = PgConnection::Connect(conninfo_);
  if (!admin.ok()) return admin.status();
  if (Status s = admin.value()->ExecScript("CREATE DATABASE " + name); !s.ok()) return s;
  return "postgresql:///" + name + "?host=" + dir_ + "&user=storydesk";
}

Status TemporaryPostgres::Restart() {
  if (Status s = Stop(); !s.ok()) return s;
  return Start();
}

}  // namespace storydesk::pg
