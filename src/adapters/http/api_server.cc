#include "adapters/http/api_server.h"

#include <httplib.h>
#include <sys/socket.h>

#include <algorithm>
#include <charconv>
#include <list>
#include <map>
#include <mutex>
#include <regex>
#include <nlohmann/json.hpp>
#include <unordered_map>

#include "adapters/http/api_json.h"
#include "adapters/http/embedded_files.h"
#include "adapters/read/post_body.h"
#include "adapters/service/digest_output.h"
#include "adapters/service/ingest_pipeline.h"
#include "adapters/service/open_store.h"
#include "adapters/service/shipped_models.h"
#include "core/article_id.h"
#include "core/time/published_time.h"

namespace storydesk::http {
namespace {

using nlohmann::json;

constexpr int kDefaultLimit = 20;
constexpr int kMaxLimit = 100;
constexpr size_t kDigestCacheSize = 256;

// A handler's failure: the HTTP status and the error's code and message.
struct ApiError {
  int status = 500;
  std::string code = "internal";
  std::string message;
};

ApiError BadRequest(std::string message) { return {400, "bad_request", std::move(message)}; }
ApiError NotFound(std::string message) { return {404, "not_found", std::move(message)}; }
ApiError Internal(const Status& s) { return {500, "internal", s.message()}; }

void SendJson(httplib::Response& res, int status, const json& body) {
  res.status = status;
  res.set_content(body.dump(), "application/json; charset=utf-8");
}

void SendError(httplib::Response& res, const ApiError& e) {
  SendJson(res, e.status, json{{"error", {{"code", e.code}, {"message", e.message}}}});
}

// The code of an HTTP status's error, for errors raised by the HTTP layer itself.
std::string CodeOf(int status) {
  switch (status) {
    case 400:
      return "bad_request";
    case 401:
      return "unauthorized";
    case 404:
      return "not_found";
    case 405:
      return "method_not_allowed";
    case 413:
      return "payload_too_large";
    default:
      return status >= 500 ? "internal" : "error";
  }
}

std::optional<int64_t> ParseInt(std::string_view s) {
  int64_t v = 0;
  const auto [end, ec] = std::from_chars(s.data(), s.data() + s.size(), v);
  if (ec != std::errc() || end != s.data() + s.size()) return std::nullopt;
  return v;
}

// The cursor of a page: "LAST_PUBLISHED_AT.ID" ("n" for an undated story), opaque to clients.
std::string FormatCursor(const store::StoryCursor& c) {
  return (c.last_published_at ? std::to_string(*c.last_published_at) : std::string("n")) + "." + std::to_string(c.id);
}

std::optional<store::StoryCursor> ParseCursor(const std::string& s) {
  const size_t dot = s.find('.');
  if (dot == std::string::npos) return std::nullopt;
  store::StoryCursor c;
  const std::string_view when = std::string_view(s).substr(0, dot);
  if (when != "n") {
    auto t = ParseInt(when);
    if (!t) return std::nullopt;
    c.last_published_at = t;
  }
  auto id = ParseInt(std::string_view(s).substr(dot + 1));
  if (!id || *id <= 0) return std::nullopt;
  c.id = *id;
  return c;
}

// A query parameter that must be a date ("YYYY-MM-DD" or RFC 3339): unix seconds.
std::variant<std::optional<int64_t>, ApiError> DateParam(const httplib::Request& req, const char* name, bool end_of_day) {
  if (!req.has_param(name) || req.get_param_value(name).empty()) return std::optional<int64_t>();
  const std::string value = req.get_param_value(name);
  auto t = timeutil::ParseDateFlag(value);
  if (!t.ok()) return BadRequest(std::string(name) + ": " + t.status().message());
  return std::optional<int64_t>(t.value() + (end_of_day && value.size() == 10 ? 24 * 3600 : 0));
}

std::variant<int, ApiError> LimitParam(const httplib::Request& req) {
  if (!req.has_param("limit")) return kDefaultLimit;
  auto v = ParseInt(req.get_param_value("limit"));
  if (!v || *v < 1 || *v > kMaxLimit) {
    return BadRequest("limit: expected a whole number from 1 to " + std::to_string(kMaxLimit));
  }
  return static_cast<int>(*v);
}

}  // namespace

struct ApiServer::Impl {
  explicit Impl(ServerOptions o) : options(std::move(o)) {}

  ServerOptions options;
  httplib::Server server;
  int port = 0;
  int listen_socket = -1;
  std::unique_ptr<store::SqliteStore> writer;  // guarded by write_mutex
  // Keeps the engine between POSTs (a stream posted an article at a time would otherwise
  // replay the stored window per request); guarded by write_mutex.
  service::IngestSession ingest_session;
  std::mutex write_mutex;
  // (method, path pattern) of every route, for 405 answers; written before the server starts.
  std::vector<std::pair<std::string, std::regex>> route_patterns;

  // Digests by story, while the story's summary row has not changed.
  struct CachedDigest {
    std::string key;
    std::string body;
  };
  std::mutex cache_mutex;
  std::list<int64_t> cache_order;  // most recent first
  std::unordered_map<int64_t, std::pair<CachedDigest, std::list<int64_t>::iterator>> cache;

  // This worker thread's read connection to the store.
  Result<store::SqliteStore*> Reader() {
    thread_local std::map<std::string, std::unique_ptr<store::SqliteStore>> readers;
    auto it = readers.find(options.db_path);
    if (it == readers.end()) {
      auto opened = store::SqliteStore::Open(options.db_path, service::CurrentFingerprintSettings());
      if (!opened.ok()) return opened.status();
      it = readers.emplace(options.db_path, std::move(opened).value()).first;
    }
    return it->second.get();
  }

  // Runs `body` with a reader, answering its errors.
  template <typename Body>
  void WithReader(httplib::Response& res, Body body) {
    auto reader = Reader();
    if (!reader.ok()) return SendError(res, Internal(reader.status()));
    std::optional<ApiError> error = body(*reader.value());
    if (error) SendError(res, *error);
  }

  void Routes();
  std::optional<ApiError> ListStories(store::SqliteStore& db, const httplib::Request& req, httplib::Response& res);
  std::optional<ApiError> GetStory(store::SqliteStore& db, const httplib::Request& req, httplib::Response& res);
  std::optional<ApiError> GetArticle(store::SqliteStore& db, const httplib::Request& req, httplib::Response& res);
  std::optional<ApiError> Search(store::SqliteStore& db, const httplib::Request& req, httplib::Response& res);
  void PostArticles(const httplib::Request& req, httplib::Response& res);
  bool Authorized(const httplib::Request& req) const;
};

std::optional<ApiError> ApiServer::Impl::ListStories(store::SqliteStore& db, const httplib::Request& req,
                                                      httplib::Response& res) {
  store::StoryFilter filter;
  auto since = DateParam(req, "since", false);
  if (auto* e = std::get_if<ApiError>(&since)) return *e;
  auto until = DateParam(req, "until", true);
  if (auto* e = std::get_if<ApiError>(&until)) return *e;
  auto limit = LimitParam(req);
  if (auto* e = std::get_if<ApiError>(&limit)) return *e;
  filter.since = std::get<std::optional<int64_t>>(since);
  filter.until = std::get<std::optional<int64_t>>(until);
  filter.limit = std::get<int>(limit);
  if (req.has_param("q") && !req.get_param_value("q").empty()) filter.query = req.get_param_value("q");
  if (req.has_param("source") && !req.get_param_value("source").empty()) filter.source = req.get_param_value("source");
  if (req.has_param("cursor") && !req.get_param_value("cursor").empty()) {
    filter.after = ParseCursor(req.get_param_value("cursor"));
    if (!filter.after) return BadRequest("cursor: not a cursor this server gave (use next_cursor as it is)");
  }
  auto page = db.ListStoryPage(filter);
  if (!page.ok()) return Internal(page.status());
  json stories = json::array();
  for (const store::StorySummary& s : page.value().stories) stories.push_back(StoryItemJson(s));
  SendJson(res, 200,
           {{"stories", stories},
            {"next_cursor", page.value().next ? json(FormatCursor(*page.value().next)) : json(nullptr)}});
  return std::nullopt;
}

std::optional<ApiError> ApiServer::Impl::GetStory(store::SqliteStore& db, const httplib::Request& req,
                                                   httplib::Response& res) {
  const auto id = ParseInt(req.matches[1].str());
  if (!id || *id <= 0) return BadRequest("story id: expected a positive whole number");
  auto summary = db.GetStory(*id);
  if (!summary.ok()) {
    return summary.status().code() == ErrorCode::kNotFound ? NotFound("no story " + std::to_string(*id))
                                                            : Internal(summary.status());
  }
  // The story's summary row changes whenever its membership does (an article joins, a story
  // merges in, a copy is found): it keys the cached digest, so a hit reads no article.
  const store::StorySummary& s = summary.value();
  const std::string key = std::to_string(s.articles) + "/" + std::to_string(s.copies) + "/" + std::to_string(s.sources) +
                          "/" + s.first_published.value_or("") + "/" + s.last_published.value_or("") + "/" + s.headline;
  {
    std::lock_guard lock(cache_mutex);
    if (auto it = cache.find(summary.value().id); it != cache.end() && it->second.first.key == key) {
      cache_order.splice(cache_order.begin(), cache_order, it->second.second);
      res.status = 200;
      res.set_content(it->second.first.body, "application/json; charset=utf-8");
      return std::nullopt;
    }
  }
  auto articles = db.StoryArticles(summary.value().id);
  if (!articles.ok()) return Internal(articles.status());
  const auto& background = service::BuiltinBackground();
  const auto& matcher = service::BuiltinSentenceModel();
  if (!background.ok()) return Internal(background.status());
  if (!matcher.ok()) return Internal(matcher.status());
  service::DigestedStory digested;
  digested.story = summary.value().id;
  for (const auto& a : articles.value()) digested.articles.push_back(service::DigestArticleOf(a.raw, a.relation, a.copy_of));
  stories::TermStatistics statistics = service::SeededStatistics(background.value());
  digested.digest = digest::BuildStoryDigest(digested.articles, matcher.value(), statistics);
  const std::string body = service::DigestJson(digested).dump();
  {
    std::lock_guard lock(cache_mutex);
    if (auto it = cache.find(digested.story); it != cache.end()) {
      cache_order.erase(it->second.second);
      cache.erase(it);
    }
    cache_order.push_front(digested.story);
    cache.emplace(digested.story, std::make_pair(CachedDigest{key, body}, cache_order.begin()));
    if (cache.size() > kDigestCacheSize) {
      cache.erase(cache_order.back());
      cache_order.pop_back();
    }
  }
  res.status = 200;
  res.set_content(body, "application/json; charset=utf-8");
  return std::nullopt;
}

std::optional<ApiError> ApiServer::Impl::GetArticle(store::SqliteStore& db, const httplib::Request& req,
                                                     httplib::Response& res) {
  const std::string id = req.matches[1].str();
  auto found = db.GetArticle(id);
  if (!found.ok()) return Internal(found.status());
  if (!found.value()) return NotFound("no article '" + id + "'");
  auto story = db.ResolveStory(found.value()->story);
  if (!story.ok()) return Internal(story.status());
  SendJson(res, 200, ArticleJson(*found.value(), story.value()));
  return std::nullopt;
}

std::optional<ApiError> ApiServer::Impl::Search(store::SqliteStore& db, const httplib::Request& req,
                                                 httplib::Response& res) {
  const std::string q = req.has_param("q") ? req.get_param_value("q") : "";
  if (q.find_first_not_of(" \t") == std::string::npos) return BadRequest("q: the words to search for are missing");
  auto limit = LimitParam(req);
  if (auto* e = std::get_if<ApiError>(&limit)) return *e;
  const int stories_wanted = std::get<int>(limit);
  // Each story shows its best few matches; at most that many per story, so the matches read
  // reach every story wanted however many articles one big story has.
  constexpr int kMatchesPerStory = 3;
  auto matches = db.SearchArticles(q, stories_wanted * kMatchesPerStory, kMatchesPerStory);
  if (!matches.ok()) return Internal(matches.status());
  std::vector<int64_t> order;
  std::map<int64_t, json> found;
  for (const store::ArticleMatch& m : matches.value()) {
    if (!found.count(m.story)) {
      if (static_cast<int>(order.size()) >= stories_wanted) continue;
      auto summary = db.GetStory(m.story);
      if (!summary.ok()) continue;  // a story emptied since: skip it
      order.push_back(m.story);
      found[m.story] = StoryItemJson(summary.value());
      found[m.story]["matches"] = json::array();
    }
    found[m.story]["matches"].push_back(
        {{"article", m.article_id}, {"title", m.title ? json(*m.title) : json(nullptr)}, {"snippet", m.snippet}});
  }
  json stories = json::array();
  for (int64_t id : order) stories.push_back(std::move(found[id]));
  SendJson(res, 200, {{"query", q}, {"stories", stories}});
  return std::nullopt;
}

bool ApiServer::Impl::Authorized(const httplib::Request& req) const {
  if (!options.token) return true;
  const std::string header = req.get_header_value("Authorization");
  const std::string expected = "Bearer " + *options.token;
  // Compared in full, whatever the first difference, so timing does not reveal the token.
  if (header.size() != expected.size()) return false;
  unsigned char diff = 0;
  for (size_t i = 0; i < header.size(); ++i) diff |= static_cast<unsigned char>(header[i] ^ expected[i]);
  return diff == 0;
}

void ApiServer::Impl::PostArticles(const httplib::Request& req, httplib::Response& res) {
  if (!Authorized(req)) {
    res.set_header("WWW-Authenticate", "Bearer");
    return SendError(res, {401, "unauthorized", "POST /api/articles needs \"Authorization: Bearer TOKEN\" (the token file)"});
  }
  read::PostBody split = read::SplitPostBody(req.body);
  std::vector<RawArticle> articles = std::move(split.articles);
  json rejected = json::array();
  for (const read::RejectedRecord& r : split.rejected) {
    rejected.push_back({{"line", r.line}, {"status", "rejected"}, {"error", r.error}});
  }
  if (articles.empty() && rejected.empty()) {
    return SendError(res, BadRequest("the body holds no article: send one JSON object or JSON Lines"));
  }
  service::IngestReport report;
  if (!articles.empty()) {
    std::lock_guard lock(write_mutex);
    auto ingested = ingest_session.Ingest(std::move(articles), *writer);
    if (!ingested.ok()) return SendError(res, Internal(ingested.status()));
    report = std::move(ingested).value();
  }
  json results = json::array();
  for (const service::IngestedArticle& a : report.articles) {
    json r = {{"id", a.id}, {"status", service::IngestOutcomeName(a.outcome)}};
    if (a.story) r["story"] = *a.story;
    r["relation"] = a.story ? json(a.relation.value_or("original")) : json(nullptr);
    r["copy_of"] = a.copy_of ? json(*a.copy_of) : json(nullptr);
    if (!a.error.empty()) r["error"] = a.error;
    results.push_back(std::move(r));
  }
  for (auto& r : rejected) results.push_back(std::move(r));
  json out = {{"stored", report.stored},
              {"duplicates", report.duplicates},
              {"rejected", report.rejected + rejected.size()},
              {"articles", results}};
  if (!report.failure.ok()) {
    out["error"] = {{"code", "internal"}, {"message", report.failure.message()}};
    return SendJson(res, 500, out);
  }
  if (report.stored + report.duplicates == 0) {
    out["error"] = {{"code", "bad_request"}, {"message", "no article could be stored; see \"articles\""}};
    return SendJson(res, 400, out);
  }
  SendJson(res, 200, out);
}

void ApiServer::Impl::Routes() {
  // Every route is registered through these, which also note its pattern: a request whose
  // path has a route for another method is answered 405 with an Allow header, not 404.
  auto get = [this](const std::string& pattern, httplib::Server::Handler handler) {
    route_patterns.push_back({"GET", std::regex(pattern)});
    server.Get(pattern, std::move(handler));
  };
  auto post = [this](const std::string& pattern, httplib::Server::Handler handler) {
    route_patterns.push_back({"POST", std::regex(pattern)});
    server.Post(pattern, std::move(handler));
  };
  get("/healthz", [this](const httplib::Request&, httplib::Response& res) {
    WithReader(res, [&](store::SqliteStore& db) -> std::optional<ApiError> {
      auto articles = db.ArticleCount();
      if (!articles.ok()) return Internal(articles.status());
      auto stories = db.StoryCount();
      if (!stories.ok()) return Internal(stories.status());
      SendJson(res, 200, {{"status", "ok"}, {"articles", articles.value()}, {"stories", stories.value()}});
      return std::nullopt;
    });
  });
  get("/api/stories", [this](const httplib::Request& req, httplib::Response& res) {
    WithReader(res, [&](store::SqliteStore& db) { return ListStories(db, req, res); });
  });
  get(R"(/api/stories/([^/]+))", [this](const httplib::Request& req, httplib::Response& res) {
    WithReader(res, [&](store::SqliteStore& db) { return GetStory(db, req, res); });
  });
  get(R"(/api/articles/(.+))", [this](const httplib::Request& req, httplib::Response& res) {
    WithReader(res, [&](store::SqliteStore& db) { return GetArticle(db, req, res); });
  });
  get("/api/search", [this](const httplib::Request& req, httplib::Response& res) {
    WithReader(res, [&](store::SqliteStore& db) { return Search(db, req, res); });
  });
  post("/api/articles", [this](const httplib::Request& req, httplib::Response& res) { PostArticles(req, res); });
  get("/api/openapi.json", [](const httplib::Request&, httplib::Response& res) {
    res.set_content(std::string(OpenApiJson()), "application/json; charset=utf-8");
  });
  auto web = [](std::string_view name, httplib::Response& res) {
    const auto file = WebFile(name);
    if (!file) return SendError(res, NotFound("no file /static/" + std::string(name)));
    res.set_header("Cache-Control", "no-cache");
    res.set_content(std::string(file->content), std::string(file->content_type));
  };
  get("/", [web](const httplib::Request&, httplib::Response& res) { web("index.html", res); });
  get(R"(/static/([A-Za-z0-9._-]+))",
             [web](const httplib::Request& req, httplib::Response& res) { web(req.matches[1].str(), res); });
  // Errors raised by the HTTP layer (no route, body too large, ...) get the JSON error body too.
  server.set_error_handler([this](const httplib::Request& req, httplib::Response& res) {
    if (!res.body.empty()) return;
    if (res.status == 404) {
      std::string allow;
      for (const auto& [method, pattern] : route_patterns) {
        if (method == req.method || !std::regex_match(req.path, pattern)) continue;
        if (allow.find(method) == std::string::npos) allow += (allow.empty() ? "" : ", ") + method;
      }
      if (!allow.empty()) {
        res.status = 405;
        res.set_header("Allow", allow);
      }
    }
    std::string message = res.status == 413 ? "the body is larger than the server accepts" : "no such resource: " + req.path;
    if (res.status == 405) message = "method not allowed on " + req.path;
    SendError(res, {res.status, CodeOf(res.status), message});
  });
  server.set_exception_handler([](const httplib::Request&, httplib::Response& res, std::exception_ptr e) {
    std::string message = "unexpected failure";
    try {
      if (e) std::rethrow_exception(e);
    } catch (const std::exception& ex) {
      message = ex.what();
    } catch (...) {
    }
    SendError(res, {500, "internal", message});
  });
}

ApiServer::ApiServer(ServerOptions options) : impl_(std::make_unique<Impl>(std::move(options))) {}
ApiServer::~ApiServer() { Stop(); }

Status ApiServer::Bind() {
  Impl& s = *impl_;
  auto writer = service::OpenStore(s.options.db_path);
  if (!writer.ok()) return writer.status();
  s.writer = std::move(writer).value();
  for (const Status& st : {service::BuiltinBackground().status(), service::BuiltinSentenceModel().status()}) {
    if (!st.ok()) return st;
  }
  // cpp-httplib gives a worker to each connection for its whole keep-alive life, so the pool
  // must exceed the connections expected at once (others wait, unread, in the queue).
  const size_t threads = std::max<size_t>(2, s.options.threads);
  s.server.new_task_queue = [threads] { return new httplib::ThreadPool(threads); };
  // Without TCP_NODELAY every reply after the first on a keep-alive connection waits for the
  // client's delayed ACK (Nagle's algorithm): ~40 ms each.
  s.server.set_tcp_nodelay(true);
  // Replaces the library's own socket setup (SO_REUSEADDR), and keeps the listening socket to
  // widen its backlog after binding (below).
  s.server.set_socket_options([&s](socket_t sock) {
    int yes = 1;
    ::setsockopt(sock, SOL_SOCKET, SO_REUSEADDR, &yes, sizeof yes);
    s.listen_socket = sock;
  });
  s.server.set_payload_max_length(s.options.max_body_bytes);
  s.server.set_read_timeout(5, 0);
  s.server.set_write_timeout(5, 0);
  s.server.set_keep_alive_timeout(2);
  s.server.set_keep_alive_max_count(1000);
  s.Routes();
  if (s.options.port == 0) {
    s.port = s.server.bind_to_any_port(s.options.bind);
    if (s.port <= 0) return Status::Error(ErrorCode::kIo, "cannot listen on " + s.options.bind + " (any port)");
  } else {
    if (!s.server.bind_to_port(s.options.bind, s.options.port)) {
      return Status::Error(ErrorCode::kIo, "cannot listen on " + s.options.bind + ":" + std::to_string(s.options.port) +
                                               " (in use, or not an address of this machine)");
    }
    s.port = s.options.port;
  }
  // The library listens with a backlog of 5: a burst of new connections overflows it and
  // clients stall for seconds. Listening again on a bound socket only resizes the queue.
  if (s.listen_socket >= 0) ::listen(s.listen_socket, SOMAXCONN);
  return Status::Ok();
}

int ApiServer::Port() const { return impl_->port; }

Status ApiServer::Serve() {
  if (!impl_->server.listen_after_bind()) return Status::Error(ErrorCode::kIo, "the server stopped listening");
  return Status::Ok();
}

void ApiServer::Stop() {
  if (impl_ && impl_->server.is_running()) impl_->server.stop();
}

}  // namespace storydesk::http
