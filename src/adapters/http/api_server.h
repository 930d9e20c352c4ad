// ApiServer: `storydesk serve` — the HTTP JSON API and the web page over one store file.
//
//   GET  /healthz                 {"status":"ok","articles":N,"stories":M}
//   GET  /api/stories             ?since=&until=&q=&source=&limit=&cursor= — newest activity first
//   GET  /api/stories/{id}        the story digest (docs/digest-schema.md)
//   GET  /api/articles/{id}       metadata, text, story and copy relation
//   GET  /api/search?q=&limit=    stories whose articles match, best match first (SQLite FTS5)
//   POST /api/articles            one JSON article or JSON Lines: stores them (the ingest pipeline)
//   GET  /api/openapi.json        OpenAPI 3 description of all of the above
//   GET  /, /static/*             the web page (embedded at build time from web/)
// Errors are {"error": {"code", "message"}} with the matching status: 400 bad_request, 401
// unauthorized (POST without the bearer token when one is configured), 404 not_found, 413
// payload_too_large (bodies over max_body_bytes), 503 busy (another writer holds the store
// longer than writer_wait), 500 internal.
//
// Every error body is JSON of valid UTF-8; no store path or library message reaches a client
// (they go to the server's log, stderr). The limits and why libmicrohttpd: http_server.h.
// The token is checked, and the body's announced size, before any body byte is read.
//
// Concurrency: a few event-loop threads (connections cost no thread), each reading through its
// own SQLite connection (WAL: readers never wait for the writer); one writer connection, used
// by one POST at a time. A story's digest is computed once for concurrent first requests and
// bounded whatever the story's size (stored_story_digest.h).
// Thread-safety: Start/Stop from one controlling thread; handlers run on the pool.
#pragma once

#include <chrono>
#include <cstddef>
#include <memory>
#include <optional>
#include <string>

#include "storydesk/status.h"

namespace storydesk::http {

struct ServerOptions {
  std::string db_path = "storydesk.db";
  std::string bind = "127.0.0.1";
  int port = 8080;                    // 0: any free port (see Port())
  std::optional<std::string> token;   // required as "Authorization: Bearer TOKEN" on POST
  size_t max_body_bytes = 16u << 20;  // 16 MiB, whatever the transfer encoding
  // Event-loop threads (http_server.h): each serves many connections; a request is handled on
  // its connection's thread, so this bounds the requests worked on at once, not the clients.
  size_t threads = 4;
  size_t max_header_bytes = 64u << 10;  // request line and headers together (414/431 beyond)
  unsigned idle_timeout_seconds = 10;   // a connection silent this long is closed
  unsigned max_connections = 4096;      // open at once; more are refused at accept
  // How long a POST waits for the store's writer lock (an `ingest` holds it) before 503.
  std::chrono::milliseconds writer_wait{10000};
  // POSTed articles are grouped into events and storylines (IngestOptions::events; a store
  // holding storylines always is).
  bool events = false;
};

class ApiServer {
 public:
  explicit ApiServer(ServerOptions options);
  ~ApiServer();
  ApiServer(const ApiServer&) = delete;
  ApiServer& operator=(const ApiServer&) = delete;

  // Opens the store (creating and migrating it when needed) and binds the socket.
  // Errors: kStore (the store), kIo ("cannot listen on HOST:PORT").
  Status Bind();
  // The bound port (after Bind).
  int Port() const;
  // Serves until Stop() is called (from another thread or a signal handler's thread).
  Status Serve();
  // Safe to call from a signal handler.
  void Stop();
  // How many story digests were computed (not served from the cache) since Bind.
  size_t DigestsComputed() const;

 private:
  struct Impl;
  std::unique_ptr<Impl> impl_;
};

}  // namespace storydesk::http
