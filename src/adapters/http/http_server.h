// HttpServer: the HTTP/1.1 server under `storydesk serve`, on GNU libmicrohttpd.
//
// Why libmicrohttpd: it serves every connection from a few event-loop threads (epoll), so a
// connection costs a file descriptor and a small fixed memory pool, not a thread — hundreds of
// slow or idle clients cannot starve the others (they did with a thread per connection, see
// docs/server.md for the measurements); and it hands the application the request's headers
// before it reads any of the body, so a request is authenticated and its size checked first.
//
// Limits, all enforced before the application sees the request or while reading it:
//   - request line and headers together fit in `connection_memory_bytes` (a longer URL is
//     answered 414, larger headers 431, by the library), so no header count or size can grow
//     the server's memory;
//   - a body longer than `max_body_bytes` is refused: 413 before reading when Content-Length
//     says so, and the connection closed as soon as a chunked body passes the limit;
//   - a connection idle for `idle_timeout_seconds` is closed; at most `max_connections` at once
//     (more are refused at accept, the others go on);
//   - responses are whole bodies: no Range support, so no response is larger than its resource.
// The Service decides, with the headers only, whether a body may be read at all (Admit), then
// answers the whole request (Handle). Handle must not throw; a throw is answered 500 anyway.
//
// Thread-safety: Admit and Handle run concurrently on `threads` threads. Bind/Serve/Stop from
// one controlling thread; Stop may also come from another thread while Serve blocks.
#pragma once

#include <cstddef>
#include <memory>
#include <optional>
#include <string>

#include "adapters/http/http_exchange.h"
#include "storydesk/status.h"

namespace storydesk::http {

struct HttpLimits {
  size_t max_body_bytes = 16u << 20;
  size_t connection_memory_bytes = 64u << 10;
  unsigned idle_timeout_seconds = 10;
  unsigned max_connections = 4096;
  unsigned threads = 4;
};

class HttpService {
 public:
  virtual ~HttpService() = default;
  // Called once the headers are in, before any body byte is read (`request.body` is empty):
  // a response ends the exchange there (the body is never read); nullopt lets it go on.
  virtual std::optional<HttpResponse> Admit(const HttpRequest& request) = 0;
  virtual HttpResponse Handle(const HttpRequest& request) = 0;
};

class HttpServer {
 public:
  HttpServer(HttpLimits limits, HttpService& service);
  ~HttpServer();
  HttpServer(const HttpServer&) = delete;
  HttpServer& operator=(const HttpServer&) = delete;

  // Binds and listens on bind:port (an IPv4 or IPv6 address; port 0: any free port).
  // Errors: kIo "cannot listen on HOST:PORT (...)".
  Status Bind(const std::string& bind, int port);
  int Port() const;
  // Serves until Stop(). Errors: kIo when the server cannot start.
  Status Serve();
  void Stop();

 private:
  struct Impl;
  std::unique_ptr<Impl> impl_;
};

// A JSON error body {"error": {"code", "message"}}: always valid UTF-8 (invalid bytes of the
// message become U+FFFD), whatever the message holds.
HttpResponse JsonError(int status, const std::string& code, const std::string& message);

}  // namespace storydesk::http
