#include "adapters/http/api_server.h"

#include <algorithm>
#include <atomic>
#include <cctype>
#include <charconv>
#include <chrono>
#include <cstdio>
#include <map>
#include <mutex>
#include <nlohmann/json.hpp>
#include <variant>

#include "adapters/http/api_json.h"
#include "adapters/http/correction_request.h"
#include "adapters/http/cursor.h"
#include "adapters/http/digest_cache.h"
#include "adapters/http/embedded_files.h"
#include "adapters/http/http_server.h"
#include "adapters/read/post_body.h"
#include "adapters/read/text_checks.h"
#include "adapters/service/corrections.h"
#include "adapters/service/digest_output.h"
#include "adapters/service/ingest_pipeline.h"
#include "adapters/service/open_store.h"
#include "adapters/service/shipped_models.h"
#include "adapters/service/store_writer_lock.h"
#include "adapters/service/stored_story_digest.h"
#include "adapters/service/stories_naming.h"
#include "adapters/service/storylines.h"
#include "adapters/store/writer_lock.h"
#include "storydesk/article_id.h"
#include "storydesk/time/published_time.h"

namespace storydesk::http {
namespace {

// Pages of the story list read to fill one page of ?entity= results.
constexpr int kMaxEntityPages = 50;

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
// The store's message may name files and carries library text: it goes to the server's log,
// the client gets a message that says what failed, not where.
ApiError Internal(const Status& s) {
  std::fprintf(stderr, "storydesk serve: %s\n", read::OneLine(s.message(), 2000).c_str());
  return {500, "internal", "the store could not answer the request (the server log has the details)"};
}

HttpResponse Json(int status, const json& body) {
  HttpResponse r;
  r.status = status;
  // Invalid UTF-8 from a request (echoed in a message) becomes U+FFFD instead of throwing.
  r.body = body.dump(-1, ' ', false, json::error_handler_t::replace);
  return r;
}

HttpResponse ErrorResponse(const ApiError& e) { return JsonError(e.status, e.code, e.message); }

// A request's text as a message may quote it: one line, bounded.
std::string Quoted(std::string_view text) { return read::OneLine(text, 200); }

std::optional<int64_t> ParseInt(std::string_view s) {
  int64_t v = 0;
  const auto [end, ec] = std::from_chars(s.data(), s.data() + s.size(), v);
  if (ec != std::errc() || end != s.data() + s.size()) return std::nullopt;
  return v;
}

// A query parameter that must be a date ("YYYY-MM-DD" or RFC 3339): unix seconds.
std::variant<std::optional<int64_t>, ApiError> DateParam(const HttpRequest& req, const char* name, bool end_of_day) {
  const std::string value = req.Param(name).value_or("");
  if (value.empty()) return std::optional<int64_t>();
  auto t = timeutil::ParseDateFlag(value);
  if (!t.ok()) return BadRequest(std::string(name) + ": " + t.status().message());
  return std::optional<int64_t>(t.value() + (end_of_day && value.size() == 10 ? 24 * 3600 : 0));
}

std::variant<int, ApiError> LimitParam(const HttpRequest& req) {
  const auto limit = req.Param("limit");
  if (!limit) return kDefaultLimit;
  auto v = ParseInt(*limit);
  if (!v || *v < 1 || *v > kMaxLimit) {
    return BadRequest("limit: expected a whole number from 1 to " + std::to_string(kMaxLimit));
  }
  return static_cast<int>(*v);
}

// The filters /api/stories and /api/storylines share: since, until, limit, q and source.
std::variant<store::StoryFilter, ApiError> ListFilter(const HttpRequest& req) {
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
  if (auto q = req.Param("q"); q && !q->empty()) filter.query = *q;
  if (auto source = req.Param("source"); source && !source->empty()) filter.source = *source;
  return filter;
}

// The routes: a path and the method it takes.
enum class Route {
  kHealthz,
  kStories,
  kStory,
  kStorylines,
  kStoryline,
  kArticle,
  kSearch,
  kPostArticles,
  kCorrections,
  kPostCorrection,
  kOpenApi,
  kIndex,
  kStatic
};

struct RouteMatch {
  Route route;
  std::string capture;  // the story id, article id or file name
};

// A name under /static/ ("app.js", "js/api.js"): '/'-separated segments of letters, digits, '.',
// '_' and '-', none empty, "." or "..".
bool IsStaticName(std::string_view name) {
  auto segment = [](std::string_view s) {
    return !s.empty() && s != "." && s != ".." && std::all_of(s.begin(), s.end(), [](char c) {
      return std::isalnum(static_cast<unsigned char>(c)) || c == '.' || c == '_' || c == '-';
    });
  };
  for (size_t start = 0;;) {
    const size_t slash = name.find('/', start);
    if (!segment(name.substr(start, slash - start))) return false;
    if (slash == std::string_view::npos) return true;
    start = slash + 1;
  }
}

// Every route whose path pattern `path` matches, with its method.
std::vector<std::pair<std::string_view, RouteMatch>> RoutesFor(std::string_view path) {
  std::vector<std::pair<std::string_view, RouteMatch>> out;
  auto after = [&](std::string_view prefix) -> std::optional<std::string_view> {
    if (path.size() <= prefix.size() || path.substr(0, prefix.size()) != prefix) return std::nullopt;
    return path.substr(prefix.size());
  };
  if (path == "/healthz") out.push_back({"GET", {Route::kHealthz, ""}});
  if (path == "/api/stories") out.push_back({"GET", {Route::kStories, ""}});
  if (path == "/api/search") out.push_back({"GET", {Route::kSearch, ""}});
  if (path == "/api/storylines") out.push_back({"GET", {Route::kStorylines, ""}});
  if (auto id = after("/api/storylines/"); id && id->find('/') == std::string_view::npos) {
    out.push_back({"GET", {Route::kStoryline, std::string(*id)}});
  }
  if (path == "/api/articles") out.push_back({"POST", {Route::kPostArticles, ""}});
  if (path == "/api/corrections") {
    out.push_back({"GET", {Route::kCorrections, ""}});
    out.push_back({"POST", {Route::kPostCorrection, ""}});
  }
  if (path == "/api/openapi.json") out.push_back({"GET", {Route::kOpenApi, ""}});
  if (path == "/") out.push_back({"GET", {Route::kIndex, ""}});
  if (auto id = after("/api/stories/"); id && id->find('/') == std::string_view::npos) {
    out.push_back({"GET", {Route::kStory, std::string(*id)}});
  }
  if (auto id = after("/api/articles/")) out.push_back({"GET", {Route::kArticle, std::string(*id)}});
  if (auto name = after("/static/"); name && IsStaticName(*name))
    out.push_back({"GET", {Route::kStatic, std::string(*name)}});
  return out;
}

// The route of a request, or the error that answers it: 404 (no route), 405 (another method's).
std::variant<RouteMatch, HttpResponse> Resolve(const HttpRequest& req) {
  // HEAD is GET without the body (the library drops it).
  const std::string_view method = req.method == "HEAD" ? std::string_view("GET") : std::string_view(req.method);
  std::string allow;
  for (auto& [route_method, match] : RoutesFor(req.path)) {
    if (route_method == method) return std::move(match);
    if (allow.find(route_method) == std::string::npos) allow += (allow.empty() ? "" : ", ") + std::string(route_method);
  }
  if (allow.empty()) return ErrorResponse(NotFound("no such resource: " + Quoted(req.path)));
  HttpResponse r = ErrorResponse({405, "method_not_allowed", "method not allowed on " + Quoted(req.path)});
  r.headers.push_back({"Allow", allow});
  return r;
}

}  // namespace

struct ApiServer::Impl : public HttpService {
  explicit Impl(ServerOptions o)
      : options(std::move(o)), ingest_session([this] {
          service::IngestOptions ingest;
          ingest.events = options.events;
          return ingest;
        }()) {}

  ServerOptions options;
  std::unique_ptr<HttpServer> server;
  std::unique_ptr<store::Store> writer;  // guarded by write_mutex
  // Keeps the engine between POSTs (a stream posted an article at a time would otherwise
  // replay the stored window per request); guarded by write_mutex.
  service::IngestSession ingest_session;
  std::mutex write_mutex;
  std::atomic<int64_t> corrections_made{0};  // by this server: part of every digest's cache key

  DigestCache digests{kDigestCacheSize};

  // This worker thread's read connection to the store.
  Result<store::Store*> Reader() {
    thread_local std::map<std::string, std::unique_ptr<store::Store>> readers;
    auto it = readers.find(options.db_path);
    if (it == readers.end()) {
      auto opened = service::OpenStoreForReading(options.db_path);
      if (!opened.ok()) return opened.status();
      it = readers.emplace(options.db_path, std::move(opened).value()).first;
    }
    return it->second.get();
  }

  // Runs `body` with a reader.
  template <typename Body>
  HttpResponse WithReader(Body body) {
    auto reader = Reader();
    if (!reader.ok()) return ErrorResponse(Internal(reader.status()));
    return body(*reader.value());
  }

  std::optional<HttpResponse> Admit(const HttpRequest& req) override;
  HttpResponse Handle(const HttpRequest& req) override;

  HttpResponse Healthz(store::Store& db);
  HttpResponse ListStories(store::Store& db, const HttpRequest& req);
  HttpResponse GetStory(store::Store& db, const std::string& id_text);
  HttpResponse ListStorylines(store::Store& db, const HttpRequest& req);
  HttpResponse GetStoryline(store::Store& db, const std::string& id_text);
  HttpResponse GetArticle(store::Store& db, const std::string& id);
  HttpResponse Search(store::Store& db, const HttpRequest& req);
  // The store's writer lock (hold it while writing; call under write_mutex), or the answer
  // when it cannot be had: 503 busy while another writer holds it, 500 otherwise.
  std::variant<service::StoreWriterLock, HttpResponse> AcquireWriterLock();
  HttpResponse PostArticles(const HttpRequest& req);
  HttpResponse PostCorrection(const HttpRequest& req);
  HttpResponse ListCorrections(store::Store& db);
  bool Authorized(const HttpRequest& req) const;
};

HttpResponse ApiServer::Impl::Healthz(store::Store& db) {
  auto articles = db.ArticleCount();
  if (!articles.ok()) return ErrorResponse(Internal(articles.status()));
  auto stories = db.StoryCount();
  if (!stories.ok()) return ErrorResponse(Internal(stories.status()));
  return Json(200, {{"status", "ok"}, {"articles", articles.value()}, {"stories", stories.value()}});
}

HttpResponse ApiServer::Impl::ListStories(store::Store& db, const HttpRequest& req) {
  auto parsed = ListFilter(req);
  if (auto* e = std::get_if<ApiError>(&parsed)) return ErrorResponse(*e);
  store::StoryFilter& filter = std::get<store::StoryFilter>(parsed);
  if (auto cursor = req.Param("cursor"); cursor && !cursor->empty()) {
    filter.after = ParseCursor(*cursor);
    if (!filter.after)
      return ErrorResponse(BadRequest("cursor: not a cursor this server gave (use next_cursor as it is)"));
  }
  // ?entity=NAME: only the stories that name it (service/stories_naming.h), pages read on
  // until the limit is filled (a bounded number of them: a page may hold fewer stories than
  // its limit, and next_cursor still leads on).
  std::optional<service::StoriesNaming> naming;
  if (auto entity = req.Param("entity"); entity && !entity->empty()) {
    const auto& model = service::BuiltinEntityModel();
    if (!model.ok()) return ErrorResponse(Internal(model.status()));
    auto found = service::FindStoriesNaming(db, *model.value(), *entity);
    if (!found.ok()) {
      if (found.status().code() == ErrorCode::kUsage)
        return ErrorResponse(BadRequest("entity: " + found.status().message()));
      return ErrorResponse(Internal(found.status()));
    }
    naming = std::move(found).value();
  }
  auto page = db.ListStoryPage(filter);
  if (!page.ok()) return ErrorResponse(Internal(page.status()));
  json stories = json::array();
  const size_t wanted = static_cast<size_t>(filter.limit.value_or(store::kDefaultStoryPageSize));
  auto named = [&](const store::StorySummary& s) { return !naming || naming->stories.count(s.id) > 0; };
  for (int pages = 1;; ++pages) {
    const auto& got = page.value().stories;
    const size_t here = static_cast<size_t>(std::count_if(got.begin(), got.end(), named));
    if (stories.size() + here > wanted) {
      // Too many on this page: read it again up to the last story needed, so that
      // next_cursor continues right after it.
      size_t need = wanted - stories.size(), upto = 0;
      while (need > 0) need -= named(got[upto++]) ? 1 : 0;
      filter.limit = static_cast<int>(upto);
      page = db.ListStoryPage(filter);
      if (!page.ok()) return ErrorResponse(Internal(page.status()));
    }
    for (const store::StorySummary& s : page.value().stories) {
      if (named(s)) stories.push_back(StoryItemJson(s));
    }
    if (!naming || stories.size() >= wanted || !page.value().next || pages == kMaxEntityPages) break;
    filter.after = page.value().next;
    filter.limit = static_cast<int>(wanted);
    page = db.ListStoryPage(filter);
    if (!page.ok()) return ErrorResponse(Internal(page.status()));
  }
  return Json(200, {{"stories", stories},
                    {"next_cursor", page.value().next ? json(FormatCursor(*page.value().next)) : json(nullptr)}});
}

HttpResponse ApiServer::Impl::ListStorylines(store::Store& db, const HttpRequest& req) {
  auto parsed = ListFilter(req);
  if (auto* e = std::get_if<ApiError>(&parsed)) return ErrorResponse(*e);
  store::StoryFilter& filter = std::get<store::StoryFilter>(parsed);
  auto lines = service::ListStorylines(db, filter);
  if (!lines.ok()) return ErrorResponse(Internal(lines.status()));
  json out = json::array();
  for (const service::StorylineSummary& line : lines.value())
    out.push_back(service::StorylineJson(line, StoryItemJson));
  return Json(200, {{"storylines", out}});
}

HttpResponse ApiServer::Impl::GetStoryline(store::Store& db, const std::string& id_text) {
  const auto id = ParseInt(id_text);
  if (!id || *id <= 0) return ErrorResponse(BadRequest("storyline id: expected a positive whole number"));
  auto line = service::GetStoryline(db, *id);
  if (!line.ok()) {
    return ErrorResponse(line.status().code() == ErrorCode::kNotFound ? NotFound("no storyline " + std::to_string(*id))
                                                                      : Internal(line.status()));
  }
  return Json(200, service::StorylineJson(line.value(), StoryItemJson));
}

HttpResponse ApiServer::Impl::GetStory(store::Store& db, const std::string& id_text) {
  const auto id = ParseInt(id_text);
  if (!id || *id <= 0) return ErrorResponse(BadRequest("story id: expected a positive whole number"));
  auto summary = db.GetStory(*id);
  if (!summary.ok()) {
    return ErrorResponse(summary.status().code() == ErrorCode::kNotFound ? NotFound("no story " + std::to_string(*id))
                                                                         : Internal(summary.status()));
  }
  // The story's summary row changes whenever its membership does (an article joins, a story
  // merges in, a copy is found): it keys the cached digest, so a hit reads no article.
  const store::StorySummary& s = summary.value();
  const int64_t story = s.id;
  const std::string key = std::to_string(corrections_made.load()) + "/" + std::to_string(s.articles) + "/" +
                          std::to_string(s.copies) + "/" + std::to_string(s.sources) + "/" +
                          s.first_published.value_or("") + "/" + s.last_published.value_or("") + "/" + s.headline;
  Result<std::string> body = std::string();
  try {
    body = digests.GetOrCompute(story, key, [&]() -> Result<std::string> {
      auto digested = service::DigestStoredStory(db, story);
      if (!digested.ok()) return digested.status();
      return service::DigestJson(digested.value()).dump(-1, ' ', false, json::error_handler_t::replace);
    });
  } catch (...) {
    return ErrorResponse({500, "internal", "unexpected failure"});
  }
  if (!body.ok()) return ErrorResponse(Internal(body.status()));
  HttpResponse r;
  r.body = std::move(body).value();
  return r;
}

HttpResponse ApiServer::Impl::GetArticle(store::Store& db, const std::string& id) {
  if (id.size() > kMaxArticleIdBytes) return ErrorResponse(NotFound("no article with an id that long"));
  auto found = db.GetArticle(id);
  if (!found.ok()) return ErrorResponse(Internal(found.status()));
  if (!found.value()) return ErrorResponse(NotFound("no article '" + Quoted(id) + "'"));
  auto story = db.ResolveStory(found.value()->story);
  if (!story.ok()) return ErrorResponse(Internal(story.status()));
  return Json(200, ArticleJson(*found.value(), story.value()));
}

HttpResponse ApiServer::Impl::Search(store::Store& db, const HttpRequest& req) {
  const std::string q = req.Param("q").value_or("");
  if (q.find_first_not_of(" \t") == std::string::npos) {
    return ErrorResponse(BadRequest("q: the words to search for are missing"));
  }
  auto limit = LimitParam(req);
  if (auto* e = std::get_if<ApiError>(&limit)) return ErrorResponse(*e);
  const int stories_wanted = std::get<int>(limit);
  // Each story shows its best few matches; at most that many per story, so the matches read
  // reach every story wanted however many articles one big story has.
  constexpr int kMatchesPerStory = 3;
  auto matches = db.SearchArticles(q, stories_wanted * kMatchesPerStory, kMatchesPerStory);
  if (!matches.ok()) return ErrorResponse(Internal(matches.status()));
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
  return Json(200, {{"query", q}, {"stories", stories}});
}

bool ApiServer::Impl::Authorized(const HttpRequest& req) const {
  if (!options.token) return true;
  const std::string header = req.Header("Authorization");
  const std::string expected = "Bearer " + *options.token;
  // Compared in full, whatever the first difference, so timing does not reveal the token.
  if (header.size() != expected.size()) return false;
  unsigned char diff = 0;
  for (size_t i = 0; i < header.size(); ++i) diff |= static_cast<unsigned char>(header[i] ^ expected[i]);
  return diff == 0;
}

std::variant<service::StoreWriterLock, HttpResponse> ApiServer::Impl::AcquireWriterLock() {
  // One writer at a time on the store, across processes (an `ingest` may be running): wait a
  // little for it, then ask the client to come back rather than hold its connection.
  store::WriterLockOptions lock_options;
  lock_options.max_wait = options.writer_wait;
  auto writer_lock = service::StoreWriterLock::Acquire(options.db_path, lock_options);
  if (writer_lock.ok()) return std::move(writer_lock).value();
  if (writer_lock.status().code() != ErrorCode::kConflict) return ErrorResponse(Internal(writer_lock.status()));
  HttpResponse busy = ErrorResponse({503, "busy", "another writer is storing into the database; try again later"});
  busy.headers.push_back({"Retry-After", "5"});
  return busy;
}

HttpResponse ApiServer::Impl::PostArticles(const HttpRequest& req) {
  read::PostBody split = read::SplitPostBody(req.body);
  std::vector<RawArticle> articles = std::move(split.articles);
  json rejected = json::array();
  for (const read::RejectedRecord& r : split.rejected) {
    rejected.push_back({{"line", r.line}, {"status", "rejected"}, {"error", r.error}});
  }
  if (articles.empty() && rejected.empty()) {
    return ErrorResponse(BadRequest("the body holds no article: send one JSON object or JSON Lines"));
  }
  service::IngestReport report;
  if (!articles.empty()) {
    std::lock_guard lock(write_mutex);
    auto writer_lock = AcquireWriterLock();
    if (auto* refused = std::get_if<HttpResponse>(&writer_lock)) return std::move(*refused);
    auto ingested = ingest_session.Ingest(std::move(articles), *writer);
    if (!ingested.ok()) return ErrorResponse(Internal(ingested.status()));
    report = std::move(ingested).value();
  }
  json results = json::array();
  for (const service::IngestedArticle& a : report.articles) {
    json r = {{"id", a.id}, {"status", service::IngestOutcomeName(a.outcome)}};
    if (a.story) r["story"] = *a.story;
    if (a.storyline > 0) r["storyline"] = a.storyline;
    r["relation"] = a.story ? json(copies::RelationLabel(a.copy_of.has_value(), a.relation)) : json(nullptr);
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
    Internal(report.failure);  // logged; the client gets the per-article outcome and a plain message
    out["error"] = {{"code", "internal"}, {"message", "the store failed while storing the articles"}};
    return Json(500, out);
  }
  if (report.stored + report.duplicates == 0) {
    out["error"] = {{"code", "bad_request"}, {"message", "no article could be stored; see \"articles\""}};
    return Json(400, out);
  }
  return Json(200, out);
}

HttpResponse ApiServer::Impl::PostCorrection(const HttpRequest& req) {
  auto parsed = ParseCorrectionRequest(req.body);
  if (auto* error = std::get_if<std::string>(&parsed)) return ErrorResponse(BadRequest(*error));
  const service::CorrectionRequest& request = std::get<service::CorrectionRequest>(parsed);
  std::lock_guard lock(write_mutex);
  auto writer_lock = AcquireWriterLock();
  if (auto* refused = std::get_if<HttpResponse>(&writer_lock)) return std::move(*refused);
  auto corrected = service::Correct(*writer, request);
  if (!corrected.ok()) {
    switch (corrected.status().code()) {
      case ErrorCode::kNotFound:
        return ErrorResponse(NotFound(corrected.status().message()));
      case ErrorCode::kUsage:
        return ErrorResponse(BadRequest(corrected.status().message()));
      case ErrorCode::kConflict:
        return ErrorResponse({409, "conflict", corrected.status().message()});
      default:
        return ErrorResponse(Internal(corrected.status()));
    }
  }
  // The kept engine holds the stories as they were; the next POST restores them from the store.
  ingest_session.Forget();
  // Digests are kept by their story's summary, which a swap of articles can leave alike.
  ++corrections_made;
  return Json(200, {{"correction", service::CorrectionJson(corrected.value())}});
}

HttpResponse ApiServer::Impl::ListCorrections(store::Store& db) {
  auto records = db.ListCorrections();
  if (!records.ok()) return ErrorResponse(Internal(records.status()));
  json list = json::array();
  for (const store::CorrectionRecord& r : records.value()) list.push_back(service::CorrectionJson(r));
  return Json(200, {{"corrections", std::move(list)}});
}

std::optional<HttpResponse> ApiServer::Impl::Admit(const HttpRequest& req) {
  // Before any body byte is read: the route, the URL's encoding, then the token.
  auto resolved = Resolve(req);
  if (auto* error = std::get_if<HttpResponse>(&resolved)) return std::move(*error);
  if (read::FindTextProblem(req.path)) return ErrorResponse(BadRequest("the path is not valid UTF-8 once decoded"));
  for (const auto& [name, value] : req.query) {
    if (read::FindTextProblem(name) || read::FindTextProblem(value)) {
      return ErrorResponse(BadRequest("query parameter '" + Quoted(name) + "' is not valid UTF-8 once decoded"));
    }
  }
  const Route route = std::get<RouteMatch>(resolved).route;
  if (route == Route::kPostCorrection && !options.token) {
    // Corrections change what every reader sees: never open to anyone who can reach the port.
    return ErrorResponse(
        {403, "forbidden", "corrections need a server started with a token (storydesk serve --token-file F)"});
  }
  if ((route == Route::kPostArticles || route == Route::kPostCorrection) && !Authorized(req)) {
    HttpResponse r =
        ErrorResponse({401, "unauthorized",
                       "POST " + std::string(route == Route::kPostArticles ? "/api/articles" : "/api/corrections") +
                           " needs \"Authorization: Bearer TOKEN\" (the token file)"});
    r.headers.push_back({"WWW-Authenticate", "Bearer"});
    return r;
  }
  return std::nullopt;
}

HttpResponse ApiServer::Impl::Handle(const HttpRequest& req) {
  auto resolved = Resolve(req);
  if (auto* error = std::get_if<HttpResponse>(&resolved)) return std::move(*error);
  const RouteMatch& match = std::get<RouteMatch>(resolved);
  auto web = [](std::string_view name) {
    const auto file = WebFile(name);
    if (!file) return ErrorResponse(NotFound("no file /static/" + Quoted(name)));
    HttpResponse r;
    r.content_type = std::string(file->content_type);
    r.body = std::string(file->content);
    r.headers.push_back({"Cache-Control", "no-cache"});
    return r;
  };
  switch (match.route) {
    case Route::kHealthz:
      return WithReader([&](store::Store& db) { return Healthz(db); });
    case Route::kStories:
      return WithReader([&](store::Store& db) { return ListStories(db, req); });
    case Route::kStory:
      return WithReader([&](store::Store& db) { return GetStory(db, match.capture); });
    case Route::kStorylines:
      return WithReader([&](store::Store& db) { return ListStorylines(db, req); });
    case Route::kStoryline:
      return WithReader([&](store::Store& db) { return GetStoryline(db, match.capture); });
    case Route::kArticle:
      return WithReader([&](store::Store& db) { return GetArticle(db, match.capture); });
    case Route::kSearch:
      return WithReader([&](store::Store& db) { return Search(db, req); });
    case Route::kPostArticles:
      return PostArticles(req);
    case Route::kPostCorrection:
      return PostCorrection(req);
    case Route::kCorrections:
      return WithReader([&](store::Store& db) { return ListCorrections(db); });
    case Route::kOpenApi: {
      HttpResponse r;
      r.body = std::string(OpenApiJson());
      return r;
    }
    case Route::kIndex:
      return web("index.html");
    case Route::kStatic:
      return web(match.capture);
  }
  return ErrorResponse({500, "internal", "unexpected failure"});
}

ApiServer::ApiServer(ServerOptions options) : impl_(std::make_unique<Impl>(std::move(options))) {
  // The digest's WordNet synonyms are read once per process: read them now, not in the first
  // story request (a failure is reported by that request, as before).
  (void)service::BuiltinClaimMatcher();
}
ApiServer::~ApiServer() { Stop(); }

Status ApiServer::Bind() {
  Impl& s = *impl_;
  auto writer = service::OpenStore(s.options.db_path);
  if (!writer.ok()) return writer.status();
  s.writer = std::move(writer).value();
  for (const Status& st : {service::BuiltinBackground().status(), service::BuiltinSentenceModel().status()}) {
    if (!st.ok()) return st;
  }
  HttpLimits limits;
  limits.max_body_bytes = s.options.max_body_bytes;
  limits.threads = static_cast<unsigned>(std::max<size_t>(1, s.options.threads));
  limits.idle_timeout_seconds = s.options.idle_timeout_seconds;
  limits.connection_memory_bytes = s.options.max_header_bytes;
  limits.max_connections = s.options.max_connections;
  s.server = std::make_unique<HttpServer>(limits, s);
  return s.server->Bind(s.options.bind, s.options.port);
}

int ApiServer::Port() const { return impl_->server ? impl_->server->Port() : 0; }

Status ApiServer::Serve() {
  if (!impl_->server) return Status::Error(ErrorCode::kIo, "the server is not bound (Bind first)");
  return impl_->server->Serve();
}

size_t ApiServer::DigestsComputed() const { return impl_->digests.Computed(); }

void ApiServer::Stop() {
  if (impl_ && impl_->server) impl_->server->Stop();
}

}  // namespace storydesk::http
