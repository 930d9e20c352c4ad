// storydesk serve [--bind 127.0.0.1] [--port 8080] [--token-file F] [--max-body-mib 16] — the
// HTTP JSON API and the web page over the database (adapters/http/api_server.h), until
// interrupted (Ctrl-C or SIGTERM stop it cleanly).
#include <csignal>
#include <cstdio>
#include <fstream>
#include <sstream>
#include <thread>

#include "adapters/cli/cli_common.h"
#include "adapters/cli/commands.h"
#include "adapters/http/api_server.h"

namespace storydesk::cli {
namespace {

struct ServeFlags {
  std::string bind = "127.0.0.1";
  int port = 8080;
  std::string token_file;
  size_t max_body_mib = 16;
  size_t threads = 4;
  bool events = false;
};

http::ApiServer* g_server = nullptr;

// Reads the bearer token: the file's first line, trimmed. Errors name the file.
Result<std::string> ReadToken(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  if (!in) return Status::Error(ErrorCode::kIo, path + ": cannot read the token file");
  std::string token;
  std::getline(in, token);
  const size_t first = token.find_first_not_of(" \t\r");
  const size_t last = token.find_last_not_of(" \t\r");
  token = first == std::string::npos ? "" : token.substr(first, last - first + 1);
  if (token.size() < 16)
    return Status::Error(ErrorCode::kInvalidInput, path + ": the token must be at least 16 characters");
  return token;
}

int RunServe(const ServeFlags& flags, const std::string& db_path) {
  http::ServerOptions options;
  options.db_path = db_path;
  options.bind = flags.bind;
  options.port = flags.port;
  options.max_body_bytes = flags.max_body_mib << 20;
  options.threads = flags.threads;
  options.events = flags.events;
  if (!flags.token_file.empty()) {
    auto token = ReadToken(flags.token_file);
    if (!token.ok()) {
      PrintError(token.status().message());
      return kExitUsage;
    }
    options.token = token.value();
  }
  http::ApiServer server(options);
  if (Status s = server.Bind(); !s.ok()) {
    PrintError(s.message());
    return s.code() == ErrorCode::kIo ? kExitUsage : kExitStore;
  }
  g_server = &server;
  std::signal(SIGINT, [](int) { g_server->Stop(); });
  std::signal(SIGTERM, [](int) { g_server->Stop(); });
  std::printf("storydesk: serving %s on http://%s:%d/ (API under /api, Ctrl-C to stop)%s\n", db_path.c_str(),
              flags.bind.c_str(), server.Port(), options.token ? "; POST needs the bearer token" : "");
  std::fflush(stdout);
  const Status served = server.Serve();
  g_server = nullptr;
  if (!served.ok()) {
    PrintError(served.message());
    return kExitStore;
  }
  return kExitOk;
}

}  // namespace

void AddServeCommand(CLI::App& app, const GlobalOptions& globals, int* exit_code) {
  auto* cmd = app.add_subcommand("serve", "serve the HTTP JSON API and the web page over the database");
  auto flags = std::make_shared<ServeFlags>();
  cmd->add_option("--bind", flags->bind, "address to listen on (loopback by default)")->capture_default_str();
  cmd->add_option("--port", flags->port, "port to listen on (0: any free port, printed)")
      ->check(CLI::Range(0, 65535))
      ->capture_default_str();
  cmd->add_option("--token-file", flags->token_file,
                  "a file whose first line is the bearer token POST /api/articles then requires");
  cmd->add_option("--max-body-mib", flags->max_body_mib, "largest request body accepted, in MiB (larger: 413)")
      ->check(CLI::Range(1, 1024))
      ->capture_default_str();
  cmd->add_flag("--events", flags->events,
                "group POSTed articles into events and storylines (as `ingest --events`; a store holding "
                "storylines always is)");
  cmd->add_option("--threads", flags->threads,
                  "event-loop threads: the requests worked on at once (connections cost no thread)")
      ->check(CLI::Range(1, 256))
      ->capture_default_str();
  cmd->footer(
      "Endpoints: /healthz, /api/stories, /api/stories/{id}, /api/articles/{id}, /api/search, POST /api/articles, "
      "/api/openapi.json; the web page at /.");
  cmd->callback([flags, &globals, exit_code] { *exit_code = RunServe(*flags, globals.db); });
}

}  // namespace storydesk::cli
