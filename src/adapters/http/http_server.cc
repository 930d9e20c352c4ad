#include "adapters/http/http_server.h"

#include <arpa/inet.h>
#include <fcntl.h>
#include <microhttpd.h>
#include <netinet/in.h>
#include <poll.h>
#include <sys/resource.h>
#include <sys/socket.h>
#include <unistd.h>

#include <algorithm>
#include <atomic>
#include <charconv>
#include <cstring>
#include <exception>
#include <new>
#include <nlohmann/json.hpp>

namespace storydesk::http {
namespace {

// One request's state between the library's calls (its "connection class" pointer).
struct Exchange {
  HttpRequest request;
  bool answered = false;  // a response is queued: anything after is ignored
};

MHD_Result CollectValue(void* cls, MHD_ValueKind, const char* key, const char* value) {
  auto* values = static_cast<std::vector<std::pair<std::string, std::string>>*>(cls);
  values->emplace_back(key ? key : "", value ? value : "");
  return MHD_YES;
}

// Header values go on the wire as they are: a line break in one would split the response.
bool SafeHeaderValue(const std::string& v) { return v.find_first_of("\r\n") == std::string::npos; }

MHD_Result Send(MHD_Connection* connection, const HttpResponse& r) {
  MHD_Response* response =
      MHD_create_response_from_buffer(r.body.size(), const_cast<char*>(r.body.data()), MHD_RESPMEM_MUST_COPY);
  if (response == nullptr) return MHD_NO;
  MHD_add_response_header(response, MHD_HTTP_HEADER_CONTENT_TYPE, r.content_type.c_str());
  MHD_add_response_header(response, "X-Content-Type-Options", "nosniff");
  for (const auto& [name, value] : r.headers) {
    if (SafeHeaderValue(name) && SafeHeaderValue(value)) MHD_add_response_header(response, name.c_str(), value.c_str());
  }
  const MHD_Result queued = MHD_queue_response(connection, static_cast<unsigned>(r.status), response);
  MHD_destroy_response(response);
  return queued;
}

std::optional<uint64_t> ContentLength(MHD_Connection* connection) {
  const char* value = MHD_lookup_connection_value(connection, MHD_HEADER_KIND, MHD_HTTP_HEADER_CONTENT_LENGTH);
  if (value == nullptr) return std::nullopt;
  uint64_t n = 0;
  const char* end = value + std::strlen(value);
  if (std::from_chars(value, end, n).ec != std::errc()) return std::nullopt;
  return n;
}

HttpResponse TooLarge() { return JsonError(413, "payload_too_large", "the body is larger than the server accepts"); }

}  // namespace

HttpResponse JsonError(int status, const std::string& code, const std::string& message) {
  HttpResponse r;
  r.status = status;
  const nlohmann::json body = {{"error", {{"code", code}, {"message", message}}}};
  r.body = body.dump(-1, ' ', false, nlohmann::json::error_handler_t::replace);
  return r;
}

struct HttpServer::Impl {
  Impl(HttpLimits l, HttpService& s) : limits(l), service(s) {
    if (::pipe2(stop_pipe, O_CLOEXEC | O_NONBLOCK) != 0) stop_pipe[0] = stop_pipe[1] = -1;
  }
  ~Impl() {
    for (int fd : stop_pipe) {
      if (fd >= 0) ::close(fd);
    }
  }

  HttpLimits limits;
  HttpService& service;
  int listen_fd = -1;
  int port = 0;
  // Stop() writes a byte that Serve() waits for: write(2) is safe in a signal handler, which is
  // where `serve` calls Stop() from (a mutex and a condition variable are not).
  int stop_pipe[2] = {-1, -1};
  std::atomic<bool> stop_requested{false};

  // The service's answers, with nothing escaping as an exception into the C library.
  std::optional<HttpResponse> SafeAdmit(const HttpRequest& request) {
    try {
      return service.Admit(request);
    } catch (...) {
      return JsonError(500, "internal", "unexpected failure");
    }
  }
  HttpResponse SafeHandle(const HttpRequest& request) {
    try {
      return service.Handle(request);
    } catch (...) {
      return JsonError(500, "internal", "unexpected failure");
    }
  }

  static MHD_Result OnRequest(void* cls, MHD_Connection* connection, const char* url, const char* method,
                              const char* /*version*/, const char* upload_data, size_t* upload_data_size,
                              void** state) {
    Impl& self = *static_cast<Impl*>(cls);
    auto* exchange = static_cast<Exchange*>(*state);
    if (exchange == nullptr) {
      // The headers are in and no body byte has been read: admit, or answer now.
      exchange = new (std::nothrow) Exchange;
      if (exchange == nullptr) return MHD_NO;
      *state = exchange;
      try {
        exchange->request.method = method;
        exchange->request.path = url;
        MHD_get_connection_values(connection, MHD_GET_ARGUMENT_KIND, CollectValue, &exchange->request.query);
        MHD_get_connection_values(connection, MHD_HEADER_KIND, CollectValue, &exchange->request.headers);
      } catch (const std::bad_alloc&) {
        return MHD_NO;
      }
      std::optional<HttpResponse> early = self.SafeAdmit(exchange->request);
      if (!early) {
        if (auto length = ContentLength(connection); length && *length > self.limits.max_body_bytes) early = TooLarge();
      }
      if (early) {
        exchange->answered = true;
        return Send(connection, *early);
      }
      return MHD_YES;
    }
    if (*upload_data_size != 0) {
      if (exchange->answered) {
        *upload_data_size = 0;
        return MHD_YES;
      }
      // A chunked body (or one longer than it said) past the limit: answer 413 where the
      // library allows it, else close the connection; nothing more is read or kept.
      if (exchange->request.body.size() + *upload_data_size > self.limits.max_body_bytes) {
        exchange->answered = true;
        exchange->request.body = std::string();
        *upload_data_size = 0;
        return Send(connection, TooLarge()) == MHD_YES ? MHD_YES : MHD_NO;
      }
      try {
        exchange->request.body.append(upload_data, *upload_data_size);
      } catch (const std::bad_alloc&) {
        return MHD_NO;
      }
      *upload_data_size = 0;
      return MHD_YES;
    }
    if (exchange->answered) return MHD_YES;
    exchange->answered = true;
    return Send(connection, self.SafeHandle(exchange->request));
  }

  static void OnCompleted(void* /*cls*/, MHD_Connection*, void** state, MHD_RequestTerminationCode) {
    delete static_cast<Exchange*>(*state);
    *state = nullptr;
  }
};

HttpServer::HttpServer(HttpLimits limits, HttpService& service) : impl_(std::make_unique<Impl>(limits, service)) {}

HttpServer::~HttpServer() {
  Stop();
  if (impl_->listen_fd >= 0) ::close(impl_->listen_fd);
}

Status HttpServer::Bind(const std::string& bind, int port) {
  Impl& s = *impl_;
  const std::string where = bind + ":" + (port == 0 ? std::string("(any port)") : std::to_string(port));
  sockaddr_storage address{};
  socklen_t length = 0;
  auto* v4 = reinterpret_cast<sockaddr_in*>(&address);
  auto* v6 = reinterpret_cast<sockaddr_in6*>(&address);
  if (::inet_pton(AF_INET, bind.c_str(), &v4->sin_addr) == 1) {
    v4->sin_family = AF_INET;
    v4->sin_port = htons(static_cast<uint16_t>(port));
    length = sizeof *v4;
  } else if (::inet_pton(AF_INET6, bind.c_str(), &v6->sin6_addr) == 1) {
    v6->sin6_family = AF_INET6;
    v6->sin6_port = htons(static_cast<uint16_t>(port));
    length = sizeof *v6;
  } else {
    return Status::Error(ErrorCode::kIo, "cannot listen on " + where + " (not an IP address)");
  }
  const int fd = ::socket(address.ss_family, SOCK_STREAM | SOCK_CLOEXEC, 0);
  if (fd < 0) return Status::Error(ErrorCode::kIo, "cannot listen on " + where + ": " + std::strerror(errno));
  int yes = 1;
  ::setsockopt(fd, SOL_SOCKET, SO_REUSEADDR, &yes, sizeof yes);
  if (::bind(fd, reinterpret_cast<sockaddr*>(&address), length) != 0 || ::listen(fd, SOMAXCONN) != 0) {
    const std::string why = std::strerror(errno);
    ::close(fd);
    return Status::Error(ErrorCode::kIo, "cannot listen on " + where + " (" + why + ")");
  }
  sockaddr_storage bound{};
  socklen_t bound_length = sizeof bound;
  ::getsockname(fd, reinterpret_cast<sockaddr*>(&bound), &bound_length);
  s.port = ntohs(bound.ss_family == AF_INET ? reinterpret_cast<sockaddr_in*>(&bound)->sin_port
                                            : reinterpret_cast<sockaddr_in6*>(&bound)->sin6_port);
  s.listen_fd = fd;
  // Room for the connections allowed at once: the soft limit on descriptors (often 1,024) is
  // raised towards the hard one.
  rlimit files{};
  if (::getrlimit(RLIMIT_NOFILE, &files) == 0) {
    const rlim_t wanted = std::min<rlim_t>(files.rlim_max, s.limits.max_connections + 64);
    if (files.rlim_cur < wanted) {
      files.rlim_cur = wanted;
      ::setrlimit(RLIMIT_NOFILE, &files);
    }
  }
  return Status::Ok();
}

int HttpServer::Port() const { return impl_->port; }

Status HttpServer::Serve() {
  Impl& s = *impl_;
  if (s.listen_fd < 0) return Status::Error(ErrorCode::kIo, "the server is not bound (Bind first)");
  MHD_Daemon* daemon =
      MHD_start_daemon(MHD_USE_INTERNAL_POLLING_THREAD | MHD_USE_EPOLL, 0, nullptr, nullptr, &Impl::OnRequest, &s,
                       MHD_OPTION_LISTEN_SOCKET, s.listen_fd,                                               //
                       MHD_OPTION_THREAD_POOL_SIZE, static_cast<unsigned>(std::max(1u, s.limits.threads)),  //
                       MHD_OPTION_CONNECTION_TIMEOUT, s.limits.idle_timeout_seconds,                        //
                       MHD_OPTION_CONNECTION_LIMIT, s.limits.max_connections,                               //
                       MHD_OPTION_CONNECTION_MEMORY_LIMIT, s.limits.connection_memory_bytes,                //
                       MHD_OPTION_NOTIFY_COMPLETED, &Impl::OnCompleted, &s,                                 //
                       MHD_OPTION_END);
  if (daemon == nullptr) return Status::Error(ErrorCode::kIo, "the HTTP server could not start");
  s.listen_fd = -1;  // the daemon owns and closes it
  while (!s.stop_requested.load()) {
    pollfd wait_for_stop{s.stop_pipe[0], POLLIN, 0};
    ::poll(&wait_for_stop, 1, s.stop_pipe[0] >= 0 ? 1000 : 100);  // EINTR or a timeout: look again
  }
  MHD_stop_daemon(daemon);
  return Status::Ok();
}

void HttpServer::Stop() {
  impl_->stop_requested.store(true);
  if (impl_->stop_pipe[1] >= 0) {
    const char byte = 1;
    [[maybe_unused]] const ssize_t written = ::write(impl_->stop_pipe[1], &byte, 1);
  }
}

}  // namespace storydesk::http
