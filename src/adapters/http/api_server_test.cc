#include "adapters/http/api_server.h"

#include <arpa/inet.h>
#include <gtest/gtest.h>
#include <httplib.h>
#include <netinet/in.h>
#include <stdlib.h>
#include <sys/socket.h>
#include <unistd.h>

#include <algorithm>
#include <atomic>
#include <cctype>
#include <chrono>
#include <cstdio>
#include <filesystem>
#include <fstream>
#include <map>
#include <mutex>
#include <nlohmann/json.hpp>
#include <regex>
#include <set>
#include <sstream>
#include <string>
#include <thread>
#include <vector>

#include "adapters/pg/pg_connection.h"
#include "adapters/pg/temporary_postgres.h"
#include "adapters/service/store_writer_lock.h"
#include "adapters/store/writer_lock.h"
#include "temp_dir.h"

// The HTTP API of `storydesk serve`, exercised through a real server on a loopback port with
// a fresh database per test. Every article below is invented for these tests.

namespace storydesk::http {
namespace {

using storydesk::testing::ReadFile;
using storydesk::testing::TempDir;

using nlohmann::json;

// --- Invented articles --------------------------------------------------------------------
// Three stories: a river flood in Tarnwick (3 outlets, plus an exact copy of the first
// report), a robotics museum opening in Kessing (3 outlets) and a chess tournament (1).

json Article(const std::string& id, const std::string& source, const std::string& published, const std::string& title,
             const std::string& text) {
  return {{"id", id}, {"source", source}, {"published", published}, {"title", title}, {"text", text}};
}

const std::string kFloodText =
    "The Ember River broke through the old levee at Tarnwick early on Monday, flooding about two hundred homes in the "
    "low-lying Millbrook district. Mayor Odile Fenwright said rescue crews used boats to reach residents trapped on "
    "upper floors. No deaths have been reported. The regional water board said the levee had been scheduled for "
    "repairs next year.";

std::vector<json> SeedArticles() {
  return {
      Article("ledger-flood", "Harbor Ledger", "2024-03-04", "Ember River floods Tarnwick after levee breach",
              kFloodText),
      Article("courier-flood", "Valley Courier", "2024-03-04",
              "Tarnwick residents evacuated as Ember River levee fails",
              "Hundreds of Tarnwick residents left their homes on Monday after a levee on the Ember River gave way and "
              "water poured into the Millbrook district. Mayor Odile Fenwright thanked rescue crews who brought "
              "families out by boat. The water board admitted the levee repairs had been delayed until next year. "
              "Schools in Tarnwick will stay closed on Tuesday."),
      Article("wire-flood", "North Wire", "2024-03-05", "Tarnwick begins clean-up as Ember River recedes",
              "The Ember River began to recede on Tuesday, a day after its levee failed and flooded the Millbrook "
              "district of Tarnwick. Mayor Odile Fenwright said about two hundred homes were damaged and asked the "
              "regional water board to explain why the levee repairs were delayed. Volunteers filled sandbags at "
              "the town hall."),
      // An exact copy of ledger-flood, published a day later by another outlet.
      Article("echo-flood", "Daily Echo", "2024-03-05", "Ember River floods Tarnwick after levee breach", kFloodText),
      Article("ledger-museum", "Harbor Ledger", "2024-03-10", "Kessing opens Orvella robotics museum",
              "The Orvella Museum of Robotics opened its doors in Kessing on Sunday, showing more than three hundred "
              "machines from clockwork automatons to factory arms. Director Priya Halloran said the museum hopes to "
              "draw fifty thousand visitors in its first year. Entry is free for children under twelve."),
      Article("courier-museum", "Valley Courier", "2024-03-10", "Clockwork automatons star at new Kessing museum",
              "Clockwork automatons and old factory arms fill the new Orvella Museum of Robotics, which opened in "
              "Kessing on Sunday. Director Priya Halloran told visitors the collection of more than three hundred "
              "machines took a decade to assemble. The museum expects fifty thousand visitors in its first year."),
      Article("wire-museum", "North Wire", "2024-03-11", "Crowds queue for Orvella robotics museum",
              "Long queues formed outside the Orvella Museum of Robotics in Kessing on Monday, the day after its "
              "opening. Director Priya Halloran said the museum, with more than three hundred machines, had already "
              "welcomed six thousand visitors. Children under twelve enter free."),
      Article("board-chess", "Board Weekly", "2024-02-20", "Lindqvist chess open ends in five-way tie",
              "The Lindqvist Chess Open ended on Tuesday with five players sharing first place after the ninth "
              "round. Organisers said a blitz playoff will decide the trophy next month. Two hundred and forty "
              "players from eleven clubs took part."),
  };
}

// A fourth outlet's report on the flood, posted after the seed.
json LateFloodArticle() {
  return Article("coastal-flood", "Coastal Times", "2024-03-05",
                 "Water board apologises to Tarnwick over delayed levee repairs",
                 "The regional water board apologised on Tuesday to the people of Tarnwick for delaying repairs to "
                 "the Ember River levee that failed on Monday and flooded the Millbrook district. Mayor Odile "
                 "Fenwright welcomed the apology and said about two hundred homes need repairs.");
}

std::string JsonLines(const std::vector<json>& records) {
  std::string body;
  for (const json& r : records) body += r.dump() + "\n";
  return body;
}

std::string UrlEncode(const std::string& s) {
  static const char* const kHex = "0123456789ABCDEF";
  std::string out;
  for (unsigned char c : s) {
    if (std::isalnum(c) || c == '-' || c == '_' || c == '.' || c == '~') {
      out += static_cast<char>(c);
    } else {
      out += '%';
      out += kHex[c >> 4];
      out += kHex[c & 15];
    }
  }
  return out;
}

// --- The server under test ------------------------------------------------------------------

// An answer: status -1 when the request failed at the transport level.
struct Reply {
  int status = -1;
  std::string body;
  httplib::Headers headers;
  std::string transport_error;

  json Json() const { return json::parse(body, nullptr, /*allow_exceptions=*/false); }
  std::string Header(const std::string& name) const {
    auto it = headers.find(name);
    return it == headers.end() ? "" : it->second;
  }
};

Reply ToReply(const httplib::Result& r) {
  Reply reply;
  if (!r) {
    reply.transport_error = httplib::to_string(r.error());
    return reply;
  }
  reply.status = r->status;
  reply.body = r->body;
  reply.headers = r->headers;
  return reply;
}

// An ApiServer serving on its own thread; stopped and joined on destruction.
class RunningServer {
 public:
  explicit RunningServer(ServerOptions options) : server_(std::move(options)) {}
  ~RunningServer() { Stop(); }

  // Binds, serves on a thread and waits until /healthz answers (the accept loop runs).
  ::testing::AssertionResult Start() {
    if (Status s = server_.Bind(); !s.ok()) return ::testing::AssertionFailure() << "Bind: " << s.message();
    if (server_.Port() <= 0) return ::testing::AssertionFailure() << "no port after Bind";
    thread_ = std::thread([this] { served_ = server_.Serve(); });
    const auto deadline = std::chrono::steady_clock::now() + std::chrono::seconds(5);
    while (std::chrono::steady_clock::now() < deadline) {
      if (Get("/healthz").status == 200) return ::testing::AssertionSuccess();
      std::this_thread::sleep_for(std::chrono::milliseconds(10));
    }
    return ::testing::AssertionFailure() << "/healthz did not answer within 5 s";
  }

  void Stop() {
    if (thread_.joinable()) {
      server_.Stop();
      thread_.join();
    }
  }

  int Port() const { return server_.Port(); }
  const ApiServer& api() const { return server_; }

  httplib::Client Client() const {
    httplib::Client c("127.0.0.1", server_.Port());
    c.set_connection_timeout(5, 0);
    c.set_read_timeout(20, 0);
    c.set_write_timeout(5, 0);
    return c;
  }

  Reply Get(const std::string& path, const httplib::Headers& headers = {}) const {
    auto c = Client();
    return ToReply(c.Get(path, headers));
  }

  Reply Post(const std::string& path, const std::string& body, const httplib::Headers& headers = {},
             const std::string& content_type = "application/x-ndjson") const {
    auto c = Client();
    return ToReply(c.Post(path, headers, body, content_type));
  }

 private:
  ApiServer server_;
  std::thread thread_;
  Status served_;
};

// Checks that `r` is an error in the API's shape: {"error": {"code", "message"}}, JSON.
::testing::AssertionResult IsError(const Reply& r, int status, const std::string& code) {
  if (r.status != status) {
    return ::testing::AssertionFailure() << "status " << r.status << ", expected " << status << "; body: " << r.body;
  }
  if (r.Header("Content-Type").rfind("application/json", 0) != 0) {
    return ::testing::AssertionFailure() << "Content-Type '" << r.Header("Content-Type") << "'; body: " << r.body;
  }
  const json j = r.Json();
  if (!j.is_object() || !j.contains("error") || !j["error"].is_object()) {
    return ::testing::AssertionFailure() << "no error object in: " << r.body;
  }
  const json& e = j["error"];
  if (!e.contains("code") || !e["code"].is_string() || e["code"] != code) {
    return ::testing::AssertionFailure() << "error code is not '" << code << "' in: " << r.body;
  }
  if (!e.contains("message") || !e["message"].is_string() || e["message"].get<std::string>().empty()) {
    return ::testing::AssertionFailure() << "no error message in: " << r.body;
  }
  return ::testing::AssertionSuccess();
}

// The store the API tests run on: a SQLite file, or with STORYDESK_API_TEST_STORE=postgres a
// fresh database of one PostgreSQL server the process starts (the ctest entry
// api_server_postgres): the same tests against a PostgreSQL-backed server.
bool OnPostgres() {
  const char* backend = std::getenv("STORYDESK_API_TEST_STORE");
  return backend != nullptr && std::string(backend) == "postgres";
}

pg::TemporaryPostgres& PostgresServer(Status* started) {
  static pg::TemporaryPostgres server;
  static const Status kStarted = server.Start();
  *started = kStarted;
  return server;
}

class ApiServerTest : public ::testing::Test {
 protected:
  void SetUp() override { StartServer({}); }

  // A new, empty store: its path or URL.
  std::string FreshStore() {
    if (!OnPostgres()) return (dir_->path() / "api.db").string();
    Status started = Status::Ok();
    pg::TemporaryPostgres& server = PostgresServer(&started);
    EXPECT_TRUE(started.ok()) << started.message();
    static int databases = 0;
    auto url = server.CreateDatabase("api_" + std::to_string(++databases));
    EXPECT_TRUE(url.ok()) << url.status().message();
    return url.ok() ? url.value() : std::string();
  }

  // (Re)starts the fixture's server on a fresh database with `options` (db_path and port are
  // set here).
  void StartServer(ServerOptions options) {
    server_.reset();
    dir_ = std::make_unique<TempDir>();
    ASSERT_FALSE(dir_->path().empty());
    db_ = FreshStore();
    ASSERT_FALSE(db_.empty());
    options.db_path = db_;
    options.port = 0;
    server_ = std::make_unique<RunningServer>(std::move(options));
    ASSERT_TRUE(server_->Start());
  }

  void TearDown() override {
    server_.reset();  // Stop() and join
    dir_.reset();
  }

  RunningServer& server() { return *server_; }
  Reply Get(const std::string& path) { return server_->Get(path); }
  Reply Post(const std::string& body, const httplib::Headers& headers = {}) {
    return server_->Post("/api/articles", body, headers);
  }

  // POSTs the seed articles; remembers each article's story.
  void Seed() {
    const Reply r = Post(JsonLines(SeedArticles()));
    ASSERT_EQ(r.status, 200) << r.body;
    const json j = r.Json();
    ASSERT_EQ(j["stored"], 8) << r.body;
    for (const json& a : j["articles"]) story_of_[a["id"].get<std::string>()] = a["story"].get<int64_t>();
    flood_ = story_of_.at("ledger-flood");
    museum_ = story_of_.at("ledger-museum");
    chess_ = story_of_.at("board-chess");
  }

  // The ids of a /api/stories (or /api/search) answer's stories, in order.
  static std::vector<int64_t> StoryIds(const Reply& r) {
    std::vector<int64_t> ids;
    const json j = r.Json();
    if (!j.is_object() || !j.contains("stories")) return ids;
    for (const json& s : j["stories"]) ids.push_back(s["id"].get<int64_t>());
    return ids;
  }

  std::vector<int64_t> ListIds(const std::string& query) {
    const Reply r = Get("/api/stories" + query);
    EXPECT_EQ(r.status, 200) << query << ": " << r.body;
    return StoryIds(r);
  }

  std::unique_ptr<TempDir> dir_;
  std::string db_;  // the store: a file's path or a postgresql:// URL
  std::unique_ptr<RunningServer> server_;
  std::map<std::string, int64_t> story_of_;
  int64_t flood_ = 0, museum_ = 0, chess_ = 0;
};

// --- Health, OpenAPI, the web page ------------------------------------------------------------

TEST_F(ApiServerTest, HealthzCountsArticlesAndStories) {
  Reply r = Get("/healthz");
  ASSERT_EQ(r.status, 200);
  EXPECT_EQ(r.Json(), (json{{"status", "ok"}, {"articles", 0}, {"stories", 0}}));
  EXPECT_EQ(r.Header("Content-Type").rfind("application/json", 0), 0u);

  Seed();
  r = Get("/healthz");
  ASSERT_EQ(r.status, 200);
  EXPECT_EQ(r.Json(), (json{{"status", "ok"}, {"articles", 8}, {"stories", 3}}));
}

TEST_F(ApiServerTest, OpenApiListsEveryPathTheServerServes) {
  ServerOptions events;
  events.events = true;  // so that a storyline exists to be served
  StartServer(events);
  Seed();
  const Reply r = Get("/api/openapi.json");
  ASSERT_EQ(r.status, 200);
  EXPECT_EQ(r.Header("Content-Type").rfind("application/json", 0), 0u);
  const json doc = r.Json();
  ASSERT_TRUE(doc.is_object()) << "not JSON";
  EXPECT_EQ(doc["openapi"].get<std::string>().substr(0, 2), "3.");
  ASSERT_TRUE(doc["paths"].is_object());

  const std::map<std::string, std::set<std::string>> served = {
      {"/healthz", {"get"}},
      {"/api/stories", {"get"}},
      {"/api/stories/{id}", {"get"}},
      {"/api/articles/{id}", {"get"}},
      {"/api/search", {"get"}},
      {"/api/articles", {"post"}},
      {"/api/openapi.json", {"get"}},
      {"/api/storylines", {"get"}},
      {"/api/storylines/{id}", {"get"}},
      {"/api/corrections", {"get", "post"}},
  };
  std::map<std::string, std::set<std::string>> documented;
  for (const auto& [path, operations] : doc["paths"].items()) {
    for (const auto& [method, operation] : operations.items()) {
      if (method == "parameters") continue;
      documented[path].insert(method);
    }
  }
  EXPECT_EQ(documented, served);

  // Every documented operation is routed (no "no such resource" 404).
  for (const auto& [path, methods] : documented) {
    std::string concrete = path;
    if (path == "/api/stories/{id}") concrete = "/api/stories/" + std::to_string(flood_);
    if (path == "/api/articles/{id}") concrete = "/api/articles/ledger-flood";
    if (path == "/api/storylines/{id}") concrete = "/api/storylines/1";
    if (path == "/api/search") concrete += "?q=levee";
    for (const std::string& method : methods) {
      if (method == "post" && path == "/api/corrections") {
        // Routed, and refused by a server started without a token.
        EXPECT_TRUE(IsError(server().Post(path, R"({"kind":"merge","story":1,"into":2})"), 403, "forbidden"));
        continue;
      }
      const Reply answer = method == "post" ? Post(JsonLines({SeedArticles()[0]})) : Get(concrete);
      EXPECT_EQ(answer.status, 200) << method << " " << concrete << ": " << answer.body;
    }
  }
}

TEST_F(ApiServerTest, ServesTheWebPageWithContentTypes) {
  struct Case {
    std::string path, content_type, file;
  };
  const std::vector<Case> cases = {
      {"/", "text/html", "web/index.html"},
      {"/static/app.js", "text/javascript", "web/app.js"},
      {"/static/style.css", "text/css", "web/style.css"},
  };
  for (const Case& c : cases) {
    const Reply r = Get(c.path);
    ASSERT_EQ(r.status, 200) << c.path;
    EXPECT_EQ(r.Header("Content-Type").rfind(c.content_type, 0), 0u) << c.path << ": " << r.Header("Content-Type");
    EXPECT_FALSE(r.body.empty()) << c.path;
    EXPECT_EQ(r.body, ReadFile(std::filesystem::path(STORYDESK_SOURCE_DIR) / c.file)) << c.path;
  }
}

// Every file of web/ is served at /static/ under its path in web/, as it is, with the content
// type of its extension (so a file added to web/ but not embedded fails here).
TEST_F(ApiServerTest, ServesEveryFileOfTheWebDirectory) {
  const std::map<std::string, std::string> content_types = {
      {".html", "text/html"}, {".css", "text/css"}, {".js", "text/javascript"}};
  const std::filesystem::path web = std::filesystem::path(STORYDESK_SOURCE_DIR) / "web";
  int files = 0;
  for (const auto& entry : std::filesystem::recursive_directory_iterator(web)) {
    if (!entry.is_regular_file()) continue;
    const std::string name = entry.path().lexically_relative(web).generic_string();
    const auto type = content_types.find(entry.path().extension().string());
    ASSERT_NE(type, content_types.end()) << "web/" << name << ": no content type for its extension";
    const Reply r = Get("/static/" + name);
    ASSERT_EQ(r.status, 200) << "/static/" << name;
    EXPECT_EQ(r.Header("Content-Type").rfind(type->second, 0), 0u) << name << ": " << r.Header("Content-Type");
    EXPECT_EQ(r.body, ReadFile(entry.path())) << name;
    ++files;
  }
  EXPECT_GE(files, 4);
}

// The modules `js` imports, as written: the "..." of each `import "..."`, `import ... from "..."`
// and `export ... from "..."` statement that starts a line.
std::vector<std::string> ImportedModules(const std::string& js) {
  const std::regex import_statement(
      R"((?:^|\n)[ \t]*(?:import[ \t]*|(?:import|export)\b[^;'"]*\bfrom[ \t]*)['"]([^'"\n]+)['"])");
  std::vector<std::string> out;
  for (auto it = std::sregex_iterator(js.begin(), js.end(), import_statement); it != std::sregex_iterator(); ++it) {
    out.push_back((*it)[1].str());
  }
  return out;
}

// The path of the module `specifier` imported by the module at `importer` ("/static/app.js"):
// `specifier` is absolute ("/static/js/api.js") or relative to the importer ("./js/api.js").
std::string ResolveImport(const std::string& importer, const std::string& specifier) {
  std::vector<std::string> segments;
  auto walk = [&](std::string_view path) {
    for (size_t start = 0; start <= path.size();) {
      const size_t slash = std::min(path.find('/', start), path.size());
      const std::string_view segment = path.substr(start, slash - start);
      if (segment == "..") {
        if (!segments.empty()) segments.pop_back();
      } else if (!segment.empty() && segment != ".") {
        segments.emplace_back(segment);
      }
      start = slash + 1;
    }
  };
  if (!specifier.starts_with("/")) walk(std::string_view(importer).substr(0, importer.rfind('/')));
  walk(specifier);
  std::string path;
  for (const std::string& segment : segments) path += "/" + segment;
  return path;
}

// The page's entry module and every module it imports, directly or not, are served as JavaScript.
TEST_F(ApiServerTest, EveryModuleThePageImportsIsServedAsJavaScript) {
  const Reply page = Get("/");
  ASSERT_EQ(page.status, 200);
  std::vector<std::string> pending;
  const std::regex module_script(R"re(<script type="module" src="([^"]+)")re");
  for (auto it = std::sregex_iterator(page.body.begin(), page.body.end(), module_script); it != std::sregex_iterator();
       ++it) {
    pending.push_back((*it)[1].str());
  }
  ASSERT_EQ(pending, std::vector<std::string>{"/static/app.js"}) << "the page's module scripts";

  std::set<std::string> served;
  while (!pending.empty()) {
    const std::string path = pending.back();
    pending.pop_back();
    if (!served.insert(path).second) continue;
    const Reply r = Get(path);
    ASSERT_EQ(r.status, 200) << path;
    EXPECT_EQ(r.Header("Content-Type").rfind("text/javascript", 0), 0u) << path << ": " << r.Header("Content-Type");
    for (const std::string& specifier : ImportedModules(r.body)) {
      // A browser resolves only these without an import map.
      EXPECT_TRUE(specifier.starts_with("/static/") || specifier.starts_with("./") || specifier.starts_with("../"))
          << path << " imports " << specifier;
      pending.push_back(ResolveImport(path, specifier));
    }
  }

  // Every module of web/ is reached (the parse above misses none, and none is left unused).
  std::set<std::string> on_disk;
  const std::filesystem::path web = std::filesystem::path(STORYDESK_SOURCE_DIR) / "web";
  for (const auto& entry : std::filesystem::recursive_directory_iterator(web)) {
    if (entry.is_regular_file() && entry.path().extension() == ".js") {
      on_disk.insert("/static/" + entry.path().lexically_relative(web).generic_string());
    }
  }
  EXPECT_EQ(served, on_disk);
  EXPECT_GT(served.size(), 1u);
}

TEST_F(ApiServerTest, AKnownPathWithAnotherMethodIsA405NamingTheAllowedOnes) {
  const Reply get_articles = Get("/api/articles");
  EXPECT_TRUE(IsError(get_articles, 405, "method_not_allowed"));
  EXPECT_EQ(get_articles.Header("Allow"), "POST");
  const Reply post_stories = server().Post("/api/stories", "{}");
  EXPECT_TRUE(IsError(post_stories, 405, "method_not_allowed"));
  EXPECT_EQ(post_stories.Header("Allow"), "GET");
  auto c = server().Client();
  const Reply delete_article = ToReply(c.Delete("/api/articles/some-id"));
  EXPECT_TRUE(IsError(delete_article, 405, "method_not_allowed"));
  EXPECT_EQ(delete_article.Header("Allow"), "GET");
  EXPECT_TRUE(IsError(server().Post("/no/such/path", "{}"), 404, "not_found")) << "an unknown path stays 404";
}

TEST_F(ApiServerTest, UnknownStaticFileIsA404JsonError) {
  EXPECT_TRUE(IsError(Get("/static/x"), 404, "not_found"));
  EXPECT_TRUE(IsError(Get("/static/index.htm"), 404, "not_found"));
  EXPECT_TRUE(IsError(Get("/static/..%2F..%2FCMakeLists.txt"), 404, "not_found"));
  EXPECT_TRUE(IsError(Get("/static/"), 404, "not_found"));
  EXPECT_TRUE(IsError(Get("/static/js/"), 404, "not_found"));
  EXPECT_TRUE(IsError(Get("/static/js/nope.js"), 404, "not_found"));
  EXPECT_TRUE(IsError(Get("/static/js//api.js"), 404, "not_found"));
  EXPECT_TRUE(IsError(Get("/static/js/../app.js"), 404, "not_found"));
  EXPECT_TRUE(IsError(Get("/static/./app.js"), 404, "not_found"));
}

// --- POST /api/articles -----------------------------------------------------------------------

TEST_F(ApiServerTest, PostOneJsonObjectStoresIt) {
  const Reply r = server().Post("/api/articles", SeedArticles()[7].dump(), {}, "application/json");
  ASSERT_EQ(r.status, 200) << r.body;
  EXPECT_EQ(r.Header("Content-Type").rfind("application/json", 0), 0u);
  const json j = r.Json();
  EXPECT_EQ(j["stored"], 1);
  EXPECT_EQ(j["duplicates"], 0);
  EXPECT_EQ(j["rejected"], 0);
  ASSERT_EQ(j["articles"].size(), 1u);
  const json& a = j["articles"][0];
  EXPECT_EQ(a["id"], "board-chess");
  EXPECT_EQ(a["status"], "stored");
  EXPECT_TRUE(a["story"].is_number_integer());
  EXPECT_EQ(a["relation"], "original");
  EXPECT_TRUE(a["copy_of"].is_null());
  EXPECT_EQ(Get("/healthz").Json()["articles"], 1);
}

TEST_F(ApiServerTest, PostJsonLinesAnswersPerArticleAndCatchesTheExactCopy) {
  const Reply r = Post(JsonLines(SeedArticles()));
  ASSERT_EQ(r.status, 200) << r.body;
  const json j = r.Json();
  EXPECT_EQ(j["stored"], 8);
  EXPECT_EQ(j["duplicates"], 0);
  EXPECT_EQ(j["rejected"], 0);
  ASSERT_EQ(j["articles"].size(), 8u);
  std::map<std::string, json> by_id;
  for (const json& a : j["articles"]) by_id[a["id"].get<std::string>()] = a;
  ASSERT_EQ(by_id.size(), 8u);
  for (const auto& [id, a] : by_id) {
    EXPECT_EQ(a["status"], "stored") << id;
    EXPECT_TRUE(a["story"].is_number_integer()) << id;
    if (id == "echo-flood") {
      EXPECT_EQ(a["relation"], "exact");
      EXPECT_EQ(a["copy_of"], "ledger-flood");
    } else {
      // The engine may judge a close retelling a rewrite; only the copy is exact.
      EXPECT_TRUE(a["relation"] == "original" || a["relation"] == "near" || a["relation"] == "excerpt" ||
                  a["relation"] == "rewrite")
          << id << ": " << a;
      EXPECT_EQ(a["relation"] == "original", a["copy_of"].is_null()) << id << ": " << a;
    }
  }
  for (const auto& [id, a] : by_id) {
    if (a["copy_of"].is_string()) {
      ASSERT_TRUE(by_id.count(a["copy_of"].get<std::string>())) << id << ": " << a;
      EXPECT_EQ(by_id.at(a["copy_of"].get<std::string>())["story"], a["story"]) << id;
    }
  }
  EXPECT_EQ(by_id["ledger-flood"]["relation"], "original");
  // Two stories of several outlets and one of a single outlet.
  const int64_t flood = by_id["ledger-flood"]["story"];
  const int64_t museum = by_id["ledger-museum"]["story"];
  const int64_t chess = by_id["board-chess"]["story"];
  EXPECT_EQ(std::set<int64_t>({flood, museum, chess}).size(), 3u);
  for (const char* id : {"courier-flood", "wire-flood", "echo-flood"}) EXPECT_EQ(by_id[id]["story"], flood) << id;
  for (const char* id : {"courier-museum", "wire-museum"}) EXPECT_EQ(by_id[id]["story"], museum) << id;
}

TEST_F(ApiServerTest, RepostingTheSameBodyIsIdempotent) {
  Seed();
  const json before = Get("/healthz").Json();
  const Reply r = Post(JsonLines(SeedArticles()));
  ASSERT_EQ(r.status, 200) << r.body;
  const json j = r.Json();
  EXPECT_EQ(j["stored"], 0);
  EXPECT_EQ(j["duplicates"], 8);
  EXPECT_EQ(j["rejected"], 0);
  ASSERT_EQ(j["articles"].size(), 8u);
  for (const json& a : j["articles"]) {
    const std::string id = a["id"];
    EXPECT_EQ(a["status"], "duplicate") << id;
    EXPECT_EQ(a["story"], story_of_.at(id)) << id;
    if (id == "echo-flood") {
      EXPECT_EQ(a["relation"], "exact");
      EXPECT_EQ(a["copy_of"], "ledger-flood");
    }
  }
  EXPECT_EQ(Get("/healthz").Json(), before);
}

TEST_F(ApiServerTest, MalformedLineIsRejectedWhileTheOthersAreStored) {
  const auto seed = SeedArticles();
  const std::string body = seed[0].dump() + "\n{\"id\": \"broken\", \"text\": \n" + seed[4].dump() + "\n" +
                           json{{"id", "no-text"}, {"source", "Nowhere"}}.dump() + "\n";
  const Reply r = Post(body);
  ASSERT_EQ(r.status, 200) << r.body;
  const json j = r.Json();
  EXPECT_EQ(j["stored"], 2);
  EXPECT_EQ(j["rejected"], 2);
  std::set<std::string> stored;
  std::map<int, std::string> errors;
  for (const json& a : j["articles"]) {
    if (a["status"] == "stored") stored.insert(a["id"].get<std::string>());
    if (a["status"] == "rejected") errors[a["line"].get<int>()] = a["error"].get<std::string>();
  }
  EXPECT_EQ(stored, (std::set<std::string>{"ledger-flood", "ledger-museum"}));
  ASSERT_EQ(errors.size(), 2u) << r.body;
  EXPECT_EQ(errors[2].rfind("request:2:", 0), 0u) << errors[2];
  EXPECT_EQ(errors[4].rfind("request:4:", 0), 0u) << errors[4];
  EXPECT_EQ(Get("/healthz").Json()["articles"], 2);
}

TEST_F(ApiServerTest, AStoredIdWithAnotherTextIsRejected) {
  Seed();
  json changed = SeedArticles()[0];
  changed["text"] = "An entirely different invented text under an id that is already stored.";
  const Reply r = Post(JsonLines({SeedArticles()[7], changed}));
  // Nothing stored, one duplicate: still 200 (duplicates count as accepted).
  ASSERT_EQ(r.status, 200) << r.body;
  const json j = r.Json();
  EXPECT_EQ(j["stored"], 0);
  EXPECT_EQ(j["duplicates"], 1);
  EXPECT_EQ(j["rejected"], 1);
  bool found = false;
  for (const json& a : j["articles"]) {
    if (a["id"] != "ledger-flood") continue;
    found = true;
    EXPECT_EQ(a["status"], "rejected");
    EXPECT_EQ(a["error"].get<std::string>().rfind("request:2:", 0), 0u) << a;
  }
  EXPECT_TRUE(found) << r.body;
  EXPECT_EQ(Get("/healthz").Json()["articles"], 8);
}

TEST_F(ApiServerTest, BodyOfOnlyBadLinesIsA400WithTheReasons) {
  const Reply r = Post("not json\n[1, 2]\n{\"text\": \"\"}\n");
  ASSERT_TRUE(IsError(r, 400, "bad_request"));
  const json j = r.Json();
  EXPECT_EQ(j["stored"], 0);
  EXPECT_EQ(j["rejected"], 3);
  ASSERT_EQ(j["articles"].size(), 3u);
  for (int i = 0; i < 3; ++i) {
    EXPECT_EQ(j["articles"][i]["status"], "rejected");
    EXPECT_EQ(j["articles"][i]["error"].get<std::string>().rfind("request:" + std::to_string(i + 1) + ":", 0), 0u)
        << j["articles"][i];
  }
  EXPECT_EQ(Get("/healthz").Json()["articles"], 0);
}

TEST_F(ApiServerTest, EmptyBodyIsA400) {
  EXPECT_TRUE(IsError(Post(""), 400, "bad_request"));
  EXPECT_TRUE(IsError(Post("\n  \n\t\n"), 400, "bad_request"));
  EXPECT_EQ(Get("/healthz").Json()["articles"], 0);
}

// The OpenAPI description offers "application/json: one JSON object"; a JSON object may span
// lines (what JSON.stringify(x, null, 2) or json.dumps(x, indent=2) send). The server splits
// every body into lines first, so such a body is rejected line by line (400). Disabled until
// the server reads a body that is one whole JSON value as one article.
TEST_F(ApiServerTest, PostOnePrettyPrintedJsonObjectStoresIt) {
  const Reply r = server().Post("/api/articles", SeedArticles()[7].dump(2), {}, "application/json");
  ASSERT_EQ(r.status, 200) << r.body;
  EXPECT_EQ(r.Json()["stored"], 1);
}

TEST_F(ApiServerTest, BodyOverTheLimitIsA413) {
  ServerOptions options;
  options.max_body_bytes = 64 << 10;
  StartServer(options);
  // Under the limit: fine.
  ASSERT_EQ(Post(JsonLines(SeedArticles())).status, 200);
  // Over it: many copies of one (valid) line, about 100 KiB.
  std::string body;
  for (int i = 0; body.size() < (100u << 10); ++i) {
    json a = SeedArticles()[7];
    a["id"] = "big-" + std::to_string(i);
    body += a.dump() + "\n";
  }
  const Reply r = Post(body);
  EXPECT_TRUE(IsError(r, 413, "payload_too_large"));
  EXPECT_EQ(Get("/healthz").Json()["articles"], 8);
}

// Corrections: only with the token, each refused request named, and what readers see (stories,
// the record, a later POST's story) follows the correction.
TEST_F(ApiServerTest, CorrectionsNeedTheTokenAndChangeWhatReadersSee) {
  ServerOptions options;
  options.token = "test-token-7f3a9c21e4b8";
  StartServer(options);
  const httplib::Headers auth = {{"Authorization", "Bearer test-token-7f3a9c21e4b8"}};
  Reply r = Post(JsonLines(SeedArticles()), auth);
  ASSERT_EQ(r.status, 200) << r.body;
  const json seeded = r.Json();
  for (const json& a : seeded["articles"]) story_of_[a["id"].get<std::string>()] = a["story"].get<int64_t>();
  const int64_t flood = story_of_.at("ledger-flood");
  const int64_t museum = story_of_.at("ledger-museum");
  const int64_t chess = story_of_.at("board-chess");
  const size_t flood_articles = Get("/api/stories/" + std::to_string(flood)).Json()["articles"].size();
  auto correct = [&](const json& body, const httplib::Headers& headers) {
    return server().Post("/api/corrections", body.dump(), headers, "application/json");
  };

  const json move = {{"kind", "move"}, {"articles", {"board-chess"}}, {"to", flood}, {"note", "test"}};
  EXPECT_TRUE(IsError(correct(move, {}), 401, "unauthorized"));
  struct Refused {
    json body;
    int status;
    const char* code;
  };
  const Refused refused[] = {
      {json("not an object"), 400, "bad_request"},
      {{{"kind", "rename"}}, 400, "bad_request"},
      {{{"kind", "move"}, {"articles", json::array()}, {"to", flood}}, 400, "bad_request"},
      {{{"kind", "move"}, {"articles", {"board-chess"}}, {"to", -3}}, 400, "bad_request"},
      {{{"kind", "merge"}, {"story", museum}, {"into", flood}, {"intto", 1}}, 400, "bad_request"},
      {{{"kind", "move"}, {"articles", {"no-such-article"}}, {"to", flood}}, 404, "not_found"},
      {{{"kind", "move"}, {"articles", {"board-chess"}}, {"to", 999}}, 404, "not_found"},
      {{{"kind", "move"}, {"articles", {"ledger-flood"}}, {"to", flood}}, 400, "bad_request"},
      {{{"kind", "move-event"}, {"story", flood}, {"storyline", "old"}}, 400, "bad_request"},
      {{{"kind", "move-event"}, {"story", flood}, {"storyline", "new"}}, 400, "bad_request"},  // one level
  };
  for (const Refused& c : refused) {
    EXPECT_TRUE(IsError(correct(c.body, auth), c.status, c.code)) << c.body.dump();
  }
  EXPECT_EQ(Get("/api/corrections").Json()["corrections"].size(), 0u);

  r = correct(move, auth);
  ASSERT_EQ(r.status, 200) << r.body;
  const json made = r.Json()["correction"];
  EXPECT_EQ(made["kind"], "move");
  EXPECT_EQ(made["into"], flood);
  EXPECT_EQ(made["note"], "test");
  EXPECT_EQ(made["emptied"], json::array({chess})) << "the chess story had one article";
  EXPECT_EQ(Get("/api/stories/" + std::to_string(flood)).Json()["articles"].size(), flood_articles + 1);
  EXPECT_EQ(Get("/api/stories/" + std::to_string(chess)).Json()["story"], flood) << "the emptied id finds the story";
  EXPECT_EQ(Get("/api/articles/board-chess").Json()["story"], flood);

  r = correct({{"kind", "merge"}, {"story", museum}, {"into", flood}}, auth);
  ASSERT_EQ(r.status, 200) << r.body;
  EXPECT_EQ(Get("/healthz").Json()["stories"], 1);
  const json listed = Get("/api/corrections").Json();
  ASSERT_EQ(listed["corrections"].size(), 2u);
  EXPECT_EQ(listed["corrections"][1]["kind"], "merge");

  // The server's kept engine starts again from the corrected stories: a reprint of the chess
  // report goes where the analyst put the original.
  json reprint = SeedArticles()[7];
  ASSERT_EQ(reprint["id"], "board-chess");
  reprint["id"] = "board-chess-reprint";
  reprint["source"] = "Reprint Weekly";
  r = Post(JsonLines({reprint}), auth);
  ASSERT_EQ(r.status, 200) << r.body;
  EXPECT_EQ(r.Json()["articles"][0]["story"], flood) << r.body;
}

TEST_F(ApiServerTest, TokenIsRequiredForPostOnly) {
  ServerOptions options;
  options.token = "test-token-7f3a9c21e4b8";
  StartServer(options);
  const std::string body = JsonLines({SeedArticles()[0]});

  Reply r = Post(body);
  EXPECT_TRUE(IsError(r, 401, "unauthorized"));
  EXPECT_EQ(r.Header("WWW-Authenticate").rfind("Bearer", 0), 0u) << r.Header("WWW-Authenticate");

  r = Post(body, {{"Authorization", "Bearer wrong-token-7f3a9c21e4b"}});
  EXPECT_TRUE(IsError(r, 401, "unauthorized"));
  r = Post(body, {{"Authorization", "Bearer test-token-7f3a9c21e4b8x"}});
  EXPECT_TRUE(IsError(r, 401, "unauthorized"));
  r = Post(body, {{"Authorization", "test-token-7f3a9c21e4b8"}});
  EXPECT_TRUE(IsError(r, 401, "unauthorized"));
  EXPECT_EQ(Get("/healthz").Json()["articles"], 0);

  r = Post(body, {{"Authorization", "Bearer test-token-7f3a9c21e4b8"}});
  ASSERT_EQ(r.status, 200) << r.body;
  EXPECT_EQ(r.Json()["stored"], 1);

  // Reads never need it.
  const int64_t story = r.Json()["articles"][0]["story"];
  const std::vector<std::string> reads = {"/healthz",
                                          "/api/stories",
                                          "/api/stories/" + std::to_string(story),
                                          "/api/articles/ledger-flood",
                                          "/api/search?q=levee",
                                          "/api/openapi.json",
                                          "/"};
  for (const std::string& path : reads) {
    EXPECT_EQ(Get(path).status, 200) << path;
  }
}

// Defect 2: concurrent writers merged unrelated stories. A POST takes the store's writer lock
// like `ingest` does; while another writer holds it, the POST waits, then answers 503.
TEST_F(ApiServerTest, PostWaitsForAnotherWriterThenAnswersBusy) {
  ServerOptions options;
  options.writer_wait = std::chrono::milliseconds(300);
  StartServer(options);
  {
    auto held = service::StoreWriterLock::Acquire(db_);
    ASSERT_TRUE(held.ok()) << held.status().message();
    const Reply r = Post(JsonLines({SeedArticles()[0]}));
    EXPECT_TRUE(IsError(r, 503, "busy")) << r.body;
    EXPECT_EQ(r.Header("Retry-After"), "5");
    EXPECT_EQ(Get("/healthz").Json()["articles"], 0);
  }
  const Reply r = Post(JsonLines({SeedArticles()[0]}));
  ASSERT_EQ(r.status, 200) << r.body;
  EXPECT_EQ(r.Json()["stored"], 1);
}

// --- GET /api/stories -------------------------------------------------------------------------

TEST_F(ApiServerTest, StoriesAreNewestActivityFirstWithEveryField) {
  Seed();
  const Reply r = Get("/api/stories");
  ASSERT_EQ(r.status, 200) << r.body;
  const json j = r.Json();
  EXPECT_TRUE(j["next_cursor"].is_null());
  EXPECT_EQ(StoryIds(r), (std::vector<int64_t>{museum_, flood_, chess_}));

  const json& flood = j["stories"][1];
  for (const char* field : {"id", "headline", "first_published", "last_published", "articles", "sources", "copies",
                            "source_names", "activity"}) {
    EXPECT_TRUE(flood.contains(field)) << field;
  }
  EXPECT_EQ(flood["id"], flood_);
  EXPECT_EQ(flood["headline"], "Ember River floods Tarnwick after levee breach");
  EXPECT_EQ(flood["first_published"], "2024-03-04");
  EXPECT_EQ(flood["last_published"], "2024-03-05");
  EXPECT_EQ(flood["articles"], 4);
  EXPECT_EQ(flood["sources"], 4);
  EXPECT_EQ(flood["copies"], 1);
  EXPECT_EQ(flood["source_names"], (json{"Daily Echo", "Harbor Ledger", "North Wire", "Valley Courier"}));
  EXPECT_EQ(flood["activity"],
            (json{{{"date", "2024-03-04"}, {"articles", 2}}, {{"date", "2024-03-05"}, {"articles", 2}}}));

  const json& chess = j["stories"][2];
  EXPECT_EQ(chess["headline"], "Lindqvist chess open ends in five-way tie");
  EXPECT_EQ(chess["first_published"], "2024-02-20");
  EXPECT_EQ(chess["last_published"], "2024-02-20");
  EXPECT_EQ(chess["articles"], 1);
  EXPECT_EQ(chess["sources"], 1);
  EXPECT_EQ(chess["copies"], 0);
  EXPECT_EQ(chess["source_names"], (json{"Board Weekly"}));
  EXPECT_EQ(chess["activity"], (json{{{"date", "2024-02-20"}, {"articles", 1}}}));
}

TEST_F(ApiServerTest, EmptyStoreListsNoStories) {
  const Reply r = Get("/api/stories");
  ASSERT_EQ(r.status, 200);
  EXPECT_EQ(r.Json(), (json{{"stories", json::array()}, {"next_cursor", nullptr}}));
}

TEST_F(ApiServerTest, LimitCutsTheList) {
  Seed();
  const Reply r = Get("/api/stories?limit=2");
  ASSERT_EQ(r.status, 200);
  EXPECT_EQ(StoryIds(r), (std::vector<int64_t>{museum_, flood_}));
  EXPECT_TRUE(r.Json()["next_cursor"].is_string());
  EXPECT_EQ(ListIds("?limit=3"), (std::vector<int64_t>{museum_, flood_, chess_}));
  EXPECT_EQ(ListIds("?limit=100"), (std::vector<int64_t>{museum_, flood_, chess_}));
}

TEST_F(ApiServerTest, CursorPaginationVisitsEveryStoryOnce) {
  Seed();
  const std::vector<int64_t> all = ListIds("");
  ASSERT_EQ(all.size(), 3u);
  for (int size : {1, 2}) {
    std::vector<int64_t> seen;
    std::string cursor;
    int pages = 0;
    for (; pages < 10; ++pages) {
      const Reply r =
          Get("/api/stories?limit=" + std::to_string(size) + (cursor.empty() ? "" : "&cursor=" + UrlEncode(cursor)));
      ASSERT_EQ(r.status, 200) << r.body;
      const auto ids = StoryIds(r);
      EXPECT_LE(ids.size(), static_cast<size_t>(size));
      seen.insert(seen.end(), ids.begin(), ids.end());
      const json next = r.Json()["next_cursor"];
      if (next.is_null()) break;
      cursor = next.get<std::string>();
    }
    EXPECT_EQ(seen, all) << "page size " << size;
    EXPECT_EQ(pages + 1, size == 1 ? 3 : 2) << "page size " << size;
  }
  // A cursor combines with filters.
  const Reply first = Get("/api/stories?limit=1&source=" + UrlEncode("Valley Courier"));
  ASSERT_EQ(StoryIds(first), (std::vector<int64_t>{museum_}));
  const Reply second = Get("/api/stories?limit=1&source=" + UrlEncode("Valley Courier") +
                           "&cursor=" + UrlEncode(first.Json()["next_cursor"].get<std::string>()));
  EXPECT_EQ(StoryIds(second), (std::vector<int64_t>{flood_}));
  EXPECT_TRUE(second.Json()["next_cursor"].is_null()) << second.body;
}

TEST_F(ApiServerTest, SinceAndUntilFilterByDate) {
  Seed();
  EXPECT_EQ(ListIds("?since=2024-03-06"), (std::vector<int64_t>{museum_}));
  // since: last published at or after; until: first published on or before that day.
  EXPECT_EQ(ListIds("?since=2024-03-05"), (std::vector<int64_t>{museum_, flood_}));
  EXPECT_EQ(ListIds("?until=2024-03-01"), (std::vector<int64_t>{chess_}));
  EXPECT_EQ(ListIds("?until=2024-03-04"), (std::vector<int64_t>{flood_, chess_}));
  EXPECT_EQ(ListIds("?since=2024-03-01&until=2024-03-05"), (std::vector<int64_t>{flood_}));
  EXPECT_EQ(ListIds("?since=2024-03-12"), (std::vector<int64_t>{}));
  EXPECT_EQ(ListIds("?since=2024-03-01T00:00:00Z&until=2024-03-09T23:59:59Z"), (std::vector<int64_t>{flood_}));
  // Empty values are no filter.
  EXPECT_EQ(ListIds("?since=&until="), (std::vector<int64_t>{museum_, flood_, chess_}));
}

TEST_F(ApiServerTest, QueryFindsOnlyTheStoryWithTheWord) {
  Seed();
  EXPECT_EQ(ListIds("?q=levee"), (std::vector<int64_t>{flood_}));
  EXPECT_EQ(ListIds("?q=automatons"), (std::vector<int64_t>{museum_}));
  EXPECT_EQ(ListIds("?q=blitz"), (std::vector<int64_t>{chess_}));
  EXPECT_EQ(ListIds("?q=" + UrlEncode("Halloran museum")), (std::vector<int64_t>{museum_}));
  EXPECT_EQ(ListIds("?q=zeppelin"), (std::vector<int64_t>{}));
  // FTS syntax is plain text here.
  for (const std::string q : {"\"NEAR(", "a OR", "levee AND", "title:levee", "*", "(", "-levee", "^levee"}) {
    const Reply r = Get("/api/stories?q=" + UrlEncode(q));
    EXPECT_EQ(r.status, 200) << q << ": " << r.body;
  }
}

TEST_F(ApiServerTest, SourceFilterIsExact) {
  Seed();
  EXPECT_EQ(ListIds("?source=" + UrlEncode("Board Weekly")), (std::vector<int64_t>{chess_}));
  EXPECT_EQ(ListIds("?source=" + UrlEncode("Valley Courier")), (std::vector<int64_t>{museum_, flood_}));
  EXPECT_EQ(ListIds("?source=" + UrlEncode("Daily Echo")), (std::vector<int64_t>{flood_}));
  // Stories naming a person (the tagger reads the articles the name's words are in).
  EXPECT_EQ(ListIds("?entity=" + UrlEncode("Priya Halloran")), (std::vector<int64_t>{museum_}));
  EXPECT_EQ(ListIds("?entity=" + UrlEncode("Odile Fenwright")), (std::vector<int64_t>{flood_}))
      << "\"Mayor Odile Fenwright\" names her";
  EXPECT_EQ(ListIds("?entity=" + UrlEncode("Halloran Priya")), (std::vector<int64_t>{}));
  EXPECT_EQ(ListIds("?source=" + UrlEncode("Valley")), (std::vector<int64_t>{}));
  EXPECT_EQ(ListIds("?source=" + UrlEncode("North Wire") + "&q=automatons"), (std::vector<int64_t>{museum_}));
}

TEST_F(ApiServerTest, BadListParametersAre400) {
  Seed();
  for (const std::string query :
       {"limit=0", "limit=101", "limit=x", "limit=-1", "limit=1.5", "limit=", "cursor=abc", "cursor=1.2.3",
        "cursor=5.0", "cursor=.", "since=yesterday", "since=2024-13-45", "until=2024-02-30x", "until=03/04/2024"}) {
    EXPECT_TRUE(IsError(Get("/api/stories?" + query), 400, "bad_request")) << query;
  }
}

// --- GET /api/stories/{id} --------------------------------------------------------------------

TEST_F(ApiServerTest, StoryDigestHasTheSchemaFields) {
  Seed();
  const Reply r = Get("/api/stories/" + std::to_string(flood_));
  ASSERT_EQ(r.status, 200) << r.body;
  EXPECT_EQ(r.Header("Content-Type").rfind("application/json", 0), 0u);
  const json d = r.Json();
  EXPECT_EQ(d["schema"], 1);
  EXPECT_EQ(d["story"], flood_);
  EXPECT_TRUE(d["headline"].is_string());
  EXPECT_EQ(d["first_published"], "2024-03-04");
  EXPECT_EQ(d["last_published"], "2024-03-05");
  for (const char* field : {"articles", "bullets", "entities", "quotes", "timeline", "timeline_unplaced", "sources"}) {
    EXPECT_TRUE(d[field].is_array()) << field;
  }
  std::set<std::string> ids;
  ASSERT_EQ(d["articles"].size(), 4u);
  for (const json& a : d["articles"]) {
    for (const char* field : {"id", "source", "published", "title", "relation", "copy_of"}) {
      EXPECT_TRUE(a.contains(field)) << field;
    }
    ids.insert(a["id"].get<std::string>());
    if (a["id"] == "echo-flood") {
      EXPECT_EQ(a["relation"], "exact");
      EXPECT_EQ(a["copy_of"], "ledger-flood");
    }
  }
  EXPECT_EQ(ids, (std::set<std::string>{"ledger-flood", "courier-flood", "wire-flood", "echo-flood"}));
  ASSERT_FALSE(d["bullets"].empty());
  for (const json& b : d["bullets"]) {
    EXPECT_FALSE(b["text"].get<std::string>().empty());
    ASSERT_FALSE(b["sources"].empty()) << b;
    for (const json& cited : b["sources"]) EXPECT_TRUE(ids.count(cited.get<std::string>())) << cited;
  }
  ASSERT_EQ(d["sources"].size(), 4u);
  for (const json& s : d["sources"]) {
    EXPECT_TRUE(ids.count(s["article"].get<std::string>())) << s;
    EXPECT_TRUE(s["adds"].is_array());
    EXPECT_TRUE(s["lacks"].is_array());
  }
}

TEST_F(ApiServerTest, UnknownOrMalformedStoryIds) {
  Seed();
  EXPECT_TRUE(IsError(Get("/api/stories/999"), 404, "not_found"));
  for (const std::string id : {"abc", "0", "-1", "1x", "1.0", "99999999999999999999999"}) {
    EXPECT_TRUE(IsError(Get("/api/stories/" + id), 400, "bad_request")) << id;
  }
  EXPECT_TRUE(IsError(Get("/api/stories/1/extra"), 404, "not_found"));
}

TEST_F(ApiServerTest, DigestIsCachedUntilTheStoryChanges) {
  Seed();
  const std::string path = "/api/stories/" + std::to_string(flood_);
  const Reply first = Get(path);
  const Reply second = Get(path);
  ASSERT_EQ(first.status, 200);
  ASSERT_EQ(second.status, 200);
  EXPECT_EQ(first.body, second.body);
  EXPECT_EQ(first.Json()["articles"].size(), 4u);

  // A new article in another story leaves this digest as it was.
  ASSERT_EQ(Post(JsonLines({Article("board-chess-2", "Board Weekly", "2024-02-21", "Lindqvist chess playoff set",
                                    "The Lindqvist Chess Open playoff between the five co-winners will be a blitz "
                                    "match next month, organisers said on Wednesday.")}))
                .status,
            200);
  EXPECT_EQ(Get(path).body, first.body);

  const Reply posted = Post(JsonLines({LateFloodArticle()}));
  ASSERT_EQ(posted.status, 200) << posted.body;
  ASSERT_EQ(posted.Json()["articles"][0]["story"], flood_) << posted.body;
  const Reply after = Get(path);
  ASSERT_EQ(after.status, 200);
  EXPECT_NE(after.body, first.body);
  const json d = after.Json();
  ASSERT_EQ(d["articles"].size(), 5u);
  bool found = false;
  for (const json& a : d["articles"]) found = found || a["id"] == "coastal-flood";
  EXPECT_TRUE(found);
  EXPECT_EQ(Get(path).body, after.body);
}

// Defect 8: each of 8 concurrent first requests computed the same digest again.
TEST_F(ApiServerTest, ConcurrentFirstRequestsComputeADigestOnce) {
  Seed();
  const std::string path = "/api/stories/" + std::to_string(flood_);
  const size_t before = server().api().DigestsComputed();
  std::vector<Reply> replies(8);
  std::vector<std::thread> clients;
  for (size_t i = 0; i < replies.size(); ++i) {
    clients.emplace_back([&, i] { replies[i] = Get(path); });
  }
  for (auto& t : clients) t.join();
  for (const Reply& r : replies) {
    ASSERT_EQ(r.status, 200) << r.transport_error;
    EXPECT_EQ(r.body, replies.front().body);
  }
  EXPECT_EQ(server().api().DigestsComputed() - before, 1u);
}

// --- GET /api/storylines, /api/storylines/{id} ---------------------------------------------------

TEST_F(ApiServerTest, StorylinesListTheirEventsOnATimeline) {
  ServerOptions events;
  events.events = true;
  StartServer(events);
  Seed();
  const Reply stories = Get("/api/stories");
  ASSERT_EQ(stories.status, 200);
  std::map<int64_t, int64_t> storyline_of;     // story -> storyline
  const json listed_stories = stories.Json();  // kept: a range over a temporary's member dangles
  for (const json& s : listed_stories["stories"]) {
    ASSERT_TRUE(s["storyline"].is_number_integer()) << s.dump();
    storyline_of[s["id"].get<int64_t>()] = s["storyline"].get<int64_t>();
  }
  ASSERT_EQ(storyline_of.size(), 3u) << stories.body;

  const Reply listed = Get("/api/storylines");
  ASSERT_EQ(listed.status, 200) << listed.body;
  std::set<int64_t> events_listed;
  const json lines = listed.Json();
  for (const json& line : lines["storylines"]) {
    EXPECT_EQ(line["events"].get<size_t>(), line["timeline"].size());
    for (const json& event : line["timeline"]) {
      events_listed.insert(event["id"].get<int64_t>());
      EXPECT_EQ(event["storyline"], line["id"]) << "an event is listed under its own storyline";
    }
  }
  EXPECT_EQ(events_listed.size(), 3u) << "every story is an event of one storyline: " << listed.body;

  const Reply flood = Get("/api/storylines/" + std::to_string(storyline_of.at(flood_)));
  ASSERT_EQ(flood.status, 200) << flood.body;
  const json line = flood.Json();
  EXPECT_EQ(line["id"], storyline_of.at(flood_));
  ASSERT_FALSE(line["timeline"].empty());
  bool has_flood = false;
  for (const json& event : line["timeline"]) has_flood |= event["id"] == flood_;
  EXPECT_TRUE(has_flood);
  for (const char* key :
       {"headline", "first_published", "last_published", "articles", "sources", "copies", "source_names"}) {
    EXPECT_TRUE(line.contains(key)) << key;
  }
  EXPECT_TRUE(IsError(Get("/api/storylines/999"), 404, "not_found"));
  EXPECT_TRUE(IsError(Get("/api/storylines/zero"), 400, "bad_request"));
  EXPECT_TRUE(IsError(Get("/api/storylines?limit=0"), 400, "bad_request"));
}

TEST_F(ApiServerTest, AStoreWithoutEventsHasNoStorylines) {
  Seed();
  const Reply listed = Get("/api/storylines");
  ASSERT_EQ(listed.status, 200);
  EXPECT_TRUE(listed.Json()["storylines"].empty());
  const json stories = Get("/api/stories").Json();
  ASSERT_FALSE(stories["stories"].empty());
  for (const json& s : stories["stories"]) EXPECT_TRUE(s["storyline"].is_null());
}

// --- GET /api/articles/{id} -------------------------------------------------------------------

TEST_F(ApiServerTest, ArticleHasItsFieldsAndCopyRelation) {
  Seed();
  Reply r = Get("/api/articles/courier-flood");
  ASSERT_EQ(r.status, 200) << r.body;
  json a = r.Json();
  for (const char* field : {"id", "source", "url", "published", "title", "place", "bullets", "text", "story",
                            "relation", "copy_of", "copy_score"}) {
    EXPECT_TRUE(a.contains(field)) << field;
  }
  EXPECT_EQ(a["id"], "courier-flood");
  EXPECT_EQ(a["source"], "Valley Courier");
  EXPECT_TRUE(a["url"].is_null());
  EXPECT_EQ(a["published"], "2024-03-04");
  EXPECT_EQ(a["title"], "Tarnwick residents evacuated as Ember River levee fails");
  EXPECT_EQ(a["text"], SeedArticles()[1]["text"]);
  EXPECT_EQ(a["story"], flood_);
  EXPECT_EQ(a["relation"], "original");
  EXPECT_TRUE(a["copy_of"].is_null());
  EXPECT_TRUE(a["copy_score"].is_null());
  EXPECT_TRUE(a["bullets"].is_array());

  r = Get("/api/articles/echo-flood");
  ASSERT_EQ(r.status, 200) << r.body;
  a = r.Json();
  EXPECT_EQ(a["relation"], "exact");
  EXPECT_EQ(a["copy_of"], "ledger-flood");
  EXPECT_TRUE(a["copy_score"].is_number());
  EXPECT_EQ(a["story"], flood_);
}

TEST_F(ApiServerTest, UnknownArticleIsA404) {
  Seed();
  EXPECT_TRUE(IsError(Get("/api/articles/no-such-article"), 404, "not_found"));
  EXPECT_TRUE(IsError(Get("/api/articles/ledger-flood%20"), 404, "not_found"));
  EXPECT_TRUE(IsError(Get("/api/articles/"), 404, "not_found"));
}

TEST_F(ApiServerTest, ArticleIdsAreUrlDecoded) {
  const json odd = Article("odd id/with slash", "Board Weekly", "2024-02-22", "Chess club elects a new treasurer",
                           "The Lindqvist chess club elected a new treasurer at its spring meeting on Thursday.");
  ASSERT_EQ(Post(JsonLines({odd})).status, 200);
  const Reply r = Get("/api/articles/" + UrlEncode("odd id/with slash"));
  ASSERT_EQ(r.status, 200) << r.body;
  EXPECT_EQ(r.Json()["id"], "odd id/with slash");
}

// --- GET /api/search --------------------------------------------------------------------------

TEST_F(ApiServerTest, SearchFindsStoriesWithSnippets) {
  Seed();
  Reply r = Get("/api/search?q=levee");
  ASSERT_EQ(r.status, 200) << r.body;
  json j = r.Json();
  EXPECT_EQ(j["query"], "levee");
  ASSERT_EQ(j["stories"].size(), 1u) << r.body;
  const json& s = j["stories"][0];
  EXPECT_EQ(s["id"], flood_);
  EXPECT_EQ(s["articles"], 4);
  ASSERT_FALSE(s["matches"].empty());
  for (const json& m : s["matches"]) {
    EXPECT_EQ(story_of_.at(m["article"].get<std::string>()), flood_) << m;
    EXPECT_TRUE(m.contains("title"));
    EXPECT_FALSE(m["snippet"].get<std::string>().empty()) << m;
    EXPECT_EQ(m["snippet"].get<std::string>().find('<'), std::string::npos) << m;
  }

  r = Get("/api/search?q=" + UrlEncode("Priya Halloran"));
  ASSERT_EQ(r.status, 200) << r.body;
  EXPECT_EQ(StoryIds(r), (std::vector<int64_t>{museum_}));
  EXPECT_EQ(r.Json()["stories"][0]["matches"].size(), 3u);

  // "hundred" is in all three stories; limit cuts the stories, not the matches.
  r = Get("/api/search?q=hundred");
  ASSERT_EQ(r.status, 200) << r.body;
  EXPECT_EQ(StoryIds(r).size(), 3u);
  r = Get("/api/search?q=hundred&limit=1");
  ASSERT_EQ(r.status, 200) << r.body;
  EXPECT_EQ(StoryIds(r).size(), 1u);

  r = Get("/api/search?q=zeppelin");
  ASSERT_EQ(r.status, 200);
  EXPECT_TRUE(r.Json()["stories"].empty());
}

TEST_F(ApiServerTest, SearchNeedsWordsAndAValidLimit) {
  Seed();
  EXPECT_TRUE(IsError(Get("/api/search"), 400, "bad_request"));
  EXPECT_TRUE(IsError(Get("/api/search?q="), 400, "bad_request"));
  EXPECT_TRUE(IsError(Get("/api/search?q=%20%20"), 400, "bad_request"));
  EXPECT_TRUE(IsError(Get("/api/search?q=levee&limit=0"), 400, "bad_request"));
  EXPECT_TRUE(IsError(Get("/api/search?q=levee&limit=101"), 400, "bad_request"));
  EXPECT_TRUE(IsError(Get("/api/search?q=levee&limit=x"), 400, "bad_request"));
}

TEST_F(ApiServerTest, SearchTreatsFtsSyntaxAsText) {
  Seed();
  for (const std::string q : {"\"NEAR(", "a OR", "levee AND", "OR", "NOT levee", "title:levee", "*", "levee*", "(", ")",
                              "\"", "-levee", "^levee", "{levee}", "levee + river", "!!!", "'"}) {
    const Reply r = Get("/api/search?q=" + UrlEncode(q));
    EXPECT_EQ(r.status, 200) << q << ": " << r.body;
    EXPECT_TRUE(r.Json()["stories"].is_array()) << q;
  }
  // Operators are separators: the words still match.
  EXPECT_EQ(StoryIds(Get("/api/search?q=" + UrlEncode("\"levee\" AND (Tarnwick"))), (std::vector<int64_t>{flood_}));
}

// --- Errors -----------------------------------------------------------------------------------

TEST_F(ApiServerTest, UnknownPathsAreJson404s) {
  for (const std::string path :
       {"/nope", "/api", "/api/", "/api/story", "/api/stories/1/digest", "/healthz/x", "/index.html", "/static"}) {
    EXPECT_TRUE(IsError(Get(path), 404, "not_found")) << path;
  }
  // A method the path does not serve is an error too, in JSON.
  auto c = server().Client();
  const Reply del = ToReply(c.Delete("/api/articles/ledger-flood"));
  EXPECT_GE(del.status, 400);
  EXPECT_TRUE(del.Json().contains("error")) << del.body;
  const Reply get_post = ToReply(c.Post("/healthz", "{}", "application/json"));
  EXPECT_GE(get_post.status, 400);
  EXPECT_TRUE(get_post.Json().contains("error")) << get_post.body;
}

// --- Concurrency ------------------------------------------------------------------------------

TEST_F(ApiServerTest, ReadsSucceedWhileArticlesAreIngested) {
  Seed();
  const std::string digest_path = "/api/stories/" + std::to_string(flood_);
  std::atomic<bool> stop{false};
  std::atomic<int> requests{0};
  std::mutex failures_mutex;
  std::vector<std::string> failures;
  std::vector<std::thread> readers;
  readers.reserve(4);
  for (int t = 0; t < 4; ++t) {
    readers.emplace_back([&, t] {
      auto c = server().Client();
      for (int i = 0; !stop.load(); ++i) {
        const std::string path = (i + t) % 2 == 0 ? "/api/stories?limit=5" : digest_path;
        const Reply r = ToReply(c.Get(path));
        ++requests;
        if (r.status != 200 || !r.Json().is_object()) {
          std::lock_guard lock(failures_mutex);
          failures.push_back(path + ": " + std::to_string(r.status) + " " + r.transport_error + " " + r.body);
        }
      }
    });
  }

  const auto started = std::chrono::steady_clock::now();
  int stored = 0;
  for (int batch = 0; batch < 5; ++batch) {
    std::vector<json> articles;
    for (int i = batch * 10; i < batch * 10 + 10; ++i) {
      articles.push_back(
          Article("pemberhollow-" + std::to_string(i), i % 2 == 0 ? "Harbor Ledger" : "North Wire",
                  "2024-04-0" + std::to_string(1 + i % 5), "Pemberhollow notice number " + std::to_string(i),
                  "Invented notice " + std::to_string(i) + " from the village of Pemberhollow: the bakery on lane " +
                      std::to_string(i * 7 + 3) + " changes its hours, and the ferry timetable gains " +
                      std::to_string(i % 4 + 1) + " extra crossings on day " + std::to_string(i) + "."));
    }
    const Reply r = Post(JsonLines(articles));
    ASSERT_EQ(r.status, 200) << r.body;
    stored += r.Json()["stored"].get<int>();
  }
  // Let the readers run at least a second in all.
  std::this_thread::sleep_until(started + std::chrono::milliseconds(1200));
  stop = true;
  for (auto& t : readers) t.join();

  EXPECT_EQ(stored, 50);
  EXPECT_TRUE(failures.empty()) << failures.size() << " failures, first: " << failures.front();
  EXPECT_GT(requests.load(), 8);
  EXPECT_EQ(Get("/healthz").Json()["articles"], 58);
  for (int i = 0; i < 50; ++i) {
    EXPECT_EQ(Get("/api/articles/pemberhollow-" + std::to_string(i)).status, 200) << i;
  }
}

TEST_F(ApiServerTest, SlowClientDoesNotBlockOthers) {
  const int fd = socket(AF_INET, SOCK_STREAM, 0);
  ASSERT_GE(fd, 0);
  sockaddr_in addr{};
  addr.sin_family = AF_INET;
  addr.sin_port = htons(static_cast<uint16_t>(server().Port()));
  addr.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
  ASSERT_EQ(connect(fd, reinterpret_cast<sockaddr*>(&addr), sizeof addr), 0);
  const std::string half = "GET /heal";
  ASSERT_EQ(send(fd, half.data(), half.size(), 0), static_cast<ssize_t>(half.size()));
  std::this_thread::sleep_for(std::chrono::milliseconds(100));  // the server is now reading it

  auto c = server().Client();
  c.set_connection_timeout(2, 0);
  c.set_read_timeout(2, 0);
  const auto started = std::chrono::steady_clock::now();
  const Reply r = ToReply(c.Get("/healthz"));
  const auto elapsed = std::chrono::steady_clock::now() - started;
  EXPECT_EQ(r.status, 200) << r.transport_error;
  EXPECT_LT(elapsed, std::chrono::seconds(1));
  close(fd);
}

// --- Hostile requests (issue 14) -----------------------------------------------------------------

// A raw connection to the server, for requests no well-behaved client sends.
class RawConnection {
 public:
  explicit RawConnection(int port) {
    fd_ = socket(AF_INET, SOCK_STREAM, 0);
    sockaddr_in addr{};
    addr.sin_family = AF_INET;
    addr.sin_port = htons(static_cast<uint16_t>(port));
    addr.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
    if (fd_ >= 0 && connect(fd_, reinterpret_cast<sockaddr*>(&addr), sizeof addr) != 0) {
      close(fd_);
      fd_ = -1;
    }
    if (fd_ >= 0) {
      timeval timeout{5, 0};
      setsockopt(fd_, SOL_SOCKET, SO_RCVTIMEO, &timeout, sizeof timeout);
      setsockopt(fd_, SOL_SOCKET, SO_SNDTIMEO, &timeout, sizeof timeout);
    }
  }
  ~RawConnection() {
    if (fd_ >= 0) close(fd_);
  }
  RawConnection(const RawConnection&) = delete;
  RawConnection& operator=(const RawConnection&) = delete;

  bool ok() const { return fd_ >= 0; }
  // Sends all of `bytes`; false once the server has closed the connection (or on a timeout).
  bool Send(std::string_view bytes) {
    while (!bytes.empty()) {
      const ssize_t n = send(fd_, bytes.data(), bytes.size(), MSG_NOSIGNAL);
      if (n <= 0) return false;
      bytes.remove_prefix(static_cast<size_t>(n));
    }
    return true;
  }
  // Everything the server sends until it closes the connection or goes quiet for 5 s.
  std::string ReceiveAll() {
    std::string out;
    char buffer[65536];
    while (true) {
      const ssize_t n = recv(fd_, buffer, sizeof buffer, 0);
      if (n <= 0) return out;
      out.append(buffer, static_cast<size_t>(n));
    }
  }

 private:
  int fd_ = -1;
};

// The status of a raw HTTP answer ("HTTP/1.1 404 ..."), -1 when there is none.
int StatusOf(const std::string& answer) {
  if (answer.rfind("HTTP/1.1 ", 0) != 0 || answer.size() < 12) return -1;
  return std::atoi(answer.substr(9, 3).c_str());
}

std::string BodyOf(const std::string& answer) {
  const size_t end = answer.find("\r\n\r\n");
  return end == std::string::npos ? "" : answer.substr(end + 4);
}

// This process's resident memory (the server under test runs in it), in bytes.
size_t ResidentBytes() {
  std::ifstream status("/proc/self/status");
  std::string line;
  while (std::getline(status, line)) {
    if (line.rfind("VmRSS:", 0) == 0) return std::strtoull(line.c_str() + 6, nullptr, 10) << 10;
  }
  return 0;
}

// Defect 1: the error handler put the raw path into the JSON body and the library threw on the
// invalid UTF-8 — an unauthenticated request killed the server.
TEST_F(ApiServerTest, InvalidUtf8InTheUrlIsAJsonErrorNotACrash) {
  Seed();
  const struct {
    std::string method, path;
    int status;
    std::string code;
  } cases[] = {
      {"GET", "/%ff", 404, "not_found"},
      {"GET", "/static/%ff", 404, "not_found"},
      {"DELETE", "/api/stories/%ff", 405, "method_not_allowed"},
      {"GET", "/api/search?q=%ff", 400, "bad_request"},
      {"GET", "/api/articles/%ff", 400, "bad_request"},
      {"GET", "/api/stories/%ff", 400, "bad_request"},
      {"GET", "/api/stories?source=%c0%af", 400, "bad_request"},  // overlong encoding of '/'
      {"GET", "/api/stories?entity=%21%21", 400, "bad_request"},
      {"GET", "/%ed%a0%80", 404, "not_found"},  // a UTF-16 surrogate
  };
  for (const auto& c : cases) {
    RawConnection conn(server().Port());
    ASSERT_TRUE(conn.ok());
    ASSERT_TRUE(conn.Send(c.method + " " + c.path + " HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n"));
    const std::string answer = conn.ReceiveAll();
    EXPECT_EQ(StatusOf(answer), c.status) << c.method << " " << c.path << ": " << answer;
    const json body = json::parse(BodyOf(answer), nullptr, false);
    ASSERT_TRUE(body.is_object()) << c.path << ": " << answer;
    EXPECT_EQ(body["error"]["code"], c.code) << c.path;
    // No library text in the message.
    EXPECT_EQ(body.dump().find("json.exception"), std::string::npos) << c.path;
  }
  EXPECT_EQ(Get("/healthz").status, 200);
}

// Defect 3: one deeply nested JSON value crashed the server (SIGSEGV) on POST.
TEST_F(ApiServerTest, DeeplyNestedJsonIsRejectedNotACrash) {
  for (const std::string& body : {"{\"text\": \"x\", \"a\": " + std::string(60000, '[') + std::string(60000, ']') + "}",
                                  std::string(60000, '{'), "{\"a\":" + std::string(60000, '[')}) {
    const Reply r = Post(body);
    EXPECT_TRUE(IsError(r, 400, "bad_request")) << r.status << " " << r.body.substr(0, 200);
  }
  EXPECT_EQ(Get("/healthz").Json()["articles"], 0);
}

// Defect 4: a chunked body ignored the size limit and was read, whole, before the token check.
TEST_F(ApiServerTest, BodyIsNeitherReadBeforeTheTokenNorPastTheLimitInAnyEncoding) {
  ServerOptions options;
  options.token = "test-token-7f3a9c21e4b8";
  options.max_body_bytes = 1 << 20;
  StartServer(options);
  const size_t resident_before = ResidentBytes();
  const std::string chunk = "100000\r\n" + std::string(0x100000, 'a') + "\r\n";  // 1 MiB chunks
  // Without the token: 401 at once; the server reads (almost) none of a 256 MiB body.
  {
    RawConnection conn(server().Port());
    ASSERT_TRUE(conn.Send("POST /api/articles HTTP/1.1\r\nHost: x\r\nTransfer-Encoding: chunked\r\n\r\n"));
    size_t sent = 0;
    while (sent < (256u << 20) && conn.Send(chunk)) sent += chunk.size();
    EXPECT_LT(sent, 64u << 20) << "the server kept reading a body it had refused";
    const std::string answer = conn.ReceiveAll();
    EXPECT_EQ(StatusOf(answer), 401) << answer.substr(0, 200);
  }
  // With the token, past the limit: the connection is closed once the limit is passed.
  for (const std::string& framing :
       {std::string("Transfer-Encoding: chunked"), std::string("Content-Length: 268435456")}) {
    RawConnection conn(server().Port());
    ASSERT_TRUE(
        conn.Send("POST /api/articles HTTP/1.1\r\nHost: x\r\nAuthorization: Bearer test-token-7f3a9c21e4b8\r\n" +
                  framing + "\r\n\r\n"));
    const bool chunked = framing.find("chunked") != std::string::npos;
    const std::string piece = chunked ? chunk : std::string(0x100000, 'a');
    size_t sent = 0;
    while (sent < (256u << 20) && conn.Send(piece)) sent += piece.size();
    EXPECT_LT(sent, 64u << 20) << framing;
    const std::string answer = conn.ReceiveAll();
    if (!chunked) {
      EXPECT_EQ(StatusOf(answer), 413) << answer.substr(0, 200);
    }
  }
  EXPECT_LT(ResidentBytes(), resident_before + (48u << 20)) << "the refused bodies were buffered";
  EXPECT_EQ(Get("/healthz").Json()["articles"], 0);
}

// Defect 5: header size and count were unbounded (20,000 headers of 8 KB grew the server by
// 1.2 GB; one 300 MB header line was buffered whole). URLs too.
TEST_F(ApiServerTest, HeadersAndUrlsAreBounded) {
  const size_t resident_before = ResidentBytes();
  {
    RawConnection conn(server().Port());
    std::string headers = "GET /healthz HTTP/1.1\r\nHost: x\r\n";
    bool open = conn.Send(headers);
    const std::string one = "X-Filler: " + std::string(8000, 'a') + "\r\n";
    size_t sent = 0;
    for (int i = 0; i < 20000 && open; ++i) {
      open = conn.Send(one);
      sent += one.size();
    }
    EXPECT_LT(sent, 64u << 20);
    EXPECT_EQ(StatusOf(conn.ReceiveAll()), 431);
  }
  {
    RawConnection conn(server().Port());
    bool open = conn.Send("GET /healthz HTTP/1.1\r\nHost: x\r\nX-Long: ");
    const std::string piece(1 << 20, 'b');
    size_t sent = 0;
    while (open && sent < (300u << 20)) {
      open = conn.Send(piece);
      sent += piece.size();
    }
    EXPECT_LT(sent, 64u << 20) << "a 300 MB header line was read";
  }
  {
    RawConnection conn(server().Port());
    ASSERT_TRUE(conn.Send("GET /" + std::string(200000, 'u') + " HTTP/1.1\r\nHost: x\r\n\r\n"));
    const int status = StatusOf(conn.ReceiveAll());
    EXPECT_TRUE(status == 414 || status == 431) << status;
  }
  EXPECT_LT(ResidentBytes(), resident_before + (48u << 20));
  EXPECT_EQ(Get("/healthz").status, 200);
}

// Defect 6: a thread per connection — 300 slow connections starved every worker.
TEST_F(ApiServerTest, SlowConnectionsDoNotStarveANormalClient) {
  std::vector<std::unique_ptr<RawConnection>> slow;
  for (int i = 0; i < 300; ++i) {
    auto conn = std::make_unique<RawConnection>(server().Port());
    ASSERT_TRUE(conn->ok()) << i;
    ASSERT_TRUE(conn->Send("GET /heal"));  // and then nothing, or a byte now and then
    slow.push_back(std::move(conn));
  }
  for (int round = 0; round < 3; ++round) {
    for (size_t i = 0; i < slow.size(); i += 2) slow[i]->Send("t");
    auto c = server().Client();
    c.set_connection_timeout(1, 0);
    c.set_read_timeout(1, 0);
    const auto started = std::chrono::steady_clock::now();
    const Reply r = ToReply(c.Get("/healthz"));
    EXPECT_EQ(r.status, 200) << r.transport_error;
    EXPECT_LT(std::chrono::steady_clock::now() - started, std::chrono::seconds(1));
  }
}

// Defect 7: 1,300 ranges of /static/app.js made a 49.9 MB answer of a 3.9 KB request; the API
// answered multipart ranges too. No range is served: every answer is the resource, once.
TEST_F(ApiServerTest, RangesDoNotAmplifyAnswers) {
  Seed();
  std::string ranges = "bytes=0-";
  for (int i = 1; i < 1300; ++i) ranges += ",0-";
  for (const std::string& path :
       {std::string("/static/app.js"), std::string("/api/stories"), "/api/stories/" + std::to_string(flood_)}) {
    const Reply plain = server().Get(path);
    const Reply ranged = server().Get(path, {{"Range", ranges}});
    EXPECT_EQ(ranged.status, 200) << path;
    EXPECT_EQ(ranged.body.size(), plain.body.size()) << path;
    EXPECT_EQ(ranged.Header("Content-Type"), plain.Header("Content-Type")) << path;
  }
}

// Defect 10: curl's default content type (a form) got 413 above 8 KiB.
TEST_F(ApiServerTest, AnyContentTypeCanCarryALargeBody) {
  std::string body;
  for (int i = 0; body.size() < (40u << 10); ++i) {
    json a = SeedArticles()[7];
    a["id"] = "form-" + std::to_string(i);
    body += a.dump() + "\n";
  }
  const Reply r = server().Post("/api/articles", body, {}, "application/x-www-form-urlencoded");
  ASSERT_EQ(r.status, 200) << r.body.substr(0, 300);
  EXPECT_GT(r.Json()["stored"].get<int>(), 10);
}

// Defect 10: a 500 could carry the database path and library text; errors say what failed.
TEST_F(ApiServerTest, ErrorsNeverCarryTheDatabasePath) {
  Seed();
  const std::string db = db_;
  if (OnPostgres()) {
    // The tables are dropped under the server: reads fail.
    auto admin = pg::PgConnection::Connect(db);
    ASSERT_TRUE(admin.ok()) << admin.status().message();
    ASSERT_TRUE(admin.value()->ExecScript("DROP SCHEMA public CASCADE").ok());
  } else {
    // The database file is overwritten under the server: reads fail.
    {
      std::ofstream junk(db, std::ios::binary | std::ios::trunc);
      junk << std::string(1 << 16, 'j');
    }
    std::filesystem::remove(db + "-wal");
    std::filesystem::remove(db + "-shm");
  }
  int failures = 0;
  for (const std::string& path :
       {std::string("/api/stories"), std::string("/api/search?q=levee"), std::string("/api/articles/nope"),
        std::string("/api/stories/99999"), std::string("/healthz")}) {
    const Reply r = Get(path);
    if (r.status == 500) {
      ++failures;
      EXPECT_TRUE(IsError(r, 500, "internal")) << path;
    }
    EXPECT_EQ(r.body.find(db), std::string::npos) << path << ": " << r.body;
    EXPECT_EQ(r.body.find("api.db"), std::string::npos) << path << ": " << r.body;
    EXPECT_EQ(r.body.find("sqlite"), std::string::npos) << path << ": " << r.body;
    EXPECT_EQ(r.body.find("PostgreSQL"), std::string::npos) << path << ": " << r.body;
    EXPECT_EQ(r.body.find("postgresql:"), std::string::npos) << path << ": " << r.body;
  }
  EXPECT_GT(failures, 0) << "the overwritten store still answered";
}

}  // namespace
}  // namespace storydesk::http
