#include "adapters/store/sqlite_store.h"

#include <sqlite3.h>
#include <unistd.h>

#include <algorithm>
#include <cerrno>
#include <chrono>
#include <cstring>
#include <limits>
#include <set>
#include <thread>
#include <utility>

#include "adapters/store/fts_query.h"
#include "adapters/store/migrations.h"
#include "adapters/store/statement.h"
#include "adapters/store/story_headlines.h"
#include "adapters/store/string_array.h"

namespace storydesk::store {
namespace {

// Why the database at `path` cannot be written, or null when it can: the file or its
// directory on a read-only file system or not writable by this user.
const char* ReadOnlyReason(const std::string& path) {
  const std::string::size_type slash = path.rfind('/');
  const std::string dir = slash == std::string::npos ? "." : (slash == 0 ? "/" : path.substr(0, slash));
  for (const std::string& p : {path, dir}) {
    if (access(p.c_str(), W_OK) == 0) continue;
    if (errno == EROFS) return "it is on a read-only file system";
    if (errno == EACCES || errno == EPERM) return p == dir ? "its directory is not writable" : "it is not writable";
  }
  return nullptr;
}

// How long a writer waits for another process's write transaction before giving up.
constexpr int kBusyTimeoutMs = 30000;

// The columns every StoredArticle is read from, in the order ReadArticle expects.
constexpr const char* kArticleColumns =
    "a.id, a.sequence, a.source, a.url, a.title, a.published, a.published_at, a.place, a.bullets, a.text, "
    "a.verbatim, a.origin, f.exact_hash, f.minhash, m.story_id, c.original_id, c.relation, c.score "
    "FROM articles a "
    "JOIN fingerprints f ON f.article_id = a.id "
    "JOIN memberships m ON m.article_id = a.id "
    "LEFT JOIN copies c ON c.article_id = a.id ";

std::string EncodeSignature(const std::vector<uint32_t>& signature) {
  std::string bytes;
  bytes.reserve(signature.size() * 4);
  for (uint32_t v : signature) {
    for (int shift = 0; shift < 32; shift += 8) bytes.push_back(static_cast<char>((v >> shift) & 0xFF));
  }
  return bytes;
}

Result<std::vector<uint32_t>> DecodeSignature(const std::string& bytes) {
  if (bytes.size() % 4 != 0) {
    return Status::Error(ErrorCode::kStore, "corrupt MinHash signature in the store (" + std::to_string(bytes.size()) +
                                                " bytes, not a multiple of 4)");
  }
  std::vector<uint32_t> signature(bytes.size() / 4);
  for (size_t i = 0; i < signature.size(); ++i) {
    uint32_t v = 0;
    for (int b = 3; b >= 0; --b) v = (v << 8) | static_cast<unsigned char>(bytes[i * 4 + static_cast<size_t>(b)]);
    signature[i] = v;
  }
  return signature;
}

Result<StoredArticle> ReadArticle(const Statement& row) {
  StoredArticle s;
  s.raw.id = row.ColumnText(0);
  s.sequence = row.ColumnInt64(1);
  s.raw.source = row.ColumnOptionalText(2);
  s.raw.url = row.ColumnOptionalText(3);
  s.raw.title = row.ColumnOptionalText(4);
  s.raw.published = row.ColumnOptionalText(5);
  s.raw.published_at = row.ColumnOptionalInt64(6);
  s.raw.place = row.ColumnOptionalText(7);
  auto bullets = DecodeStringArray(row.ColumnText(8));
  if (!bullets.ok()) return bullets.status();
  s.raw.bullets = std::move(bullets).value();
  s.raw.text = row.ColumnText(9);
  s.raw.verbatim = row.ColumnBlob(10);
  s.raw.origin = row.ColumnText(11);
  s.exact_hash = row.ColumnUint64(12);
  auto signature = DecodeSignature(row.ColumnBlob(13));
  if (!signature.ok()) return signature.status();
  s.minhash = std::move(signature).value();
  s.story = row.ColumnInt64(14);
  s.copy_of = row.ColumnOptionalText(15);
  s.relation = row.ColumnOptionalText(16);
  s.copy_score = row.ColumnIsNull(17) ? 0.0 : row.ColumnDouble(17);
  return s;
}

// Runs `query` (already bound) and appends every row as a StoredArticle.
Status CollectArticles(Statement& query, std::vector<StoredArticle>* out) {
  StatementReset reset(&query);
  while (true) {
    Result<bool> row = query.Step();
    if (!row.ok()) return row.status();
    if (!row.value()) return Status::Ok();
    auto article = ReadArticle(query);
    if (!article.ok()) return article.status();
    out->push_back(std::move(article).value());
  }
}

Result<int64_t> QueryInt64(sqlite3* db, const char* sql, int64_t if_no_row) {
  auto query = Statement::Prepare(db, sql);
  if (!query.ok()) return query.status();
  Result<bool> row = query.value().Step();
  if (!row.ok()) return row.status();
  if (!row.value() || query.value().ColumnIsNull(0)) return if_no_row;
  return query.value().ColumnInt64(0);
}

StorySummary ReadSummary(const Statement& row) {
  StorySummary s;
  s.id = row.ColumnInt64(0);
  s.headline = row.ColumnText(1);
  s.first_published = row.ColumnOptionalText(2);
  s.last_published = row.ColumnOptionalText(3);
  s.articles = static_cast<int>(row.ColumnInt64(4));
  s.sources = static_cast<int>(row.ColumnInt64(5));
  s.copies = static_cast<int>(row.ColumnInt64(6));
  return s;
}

// Column 7 (last_published_at, for cursors) is not part of StorySummary.
constexpr const char* kSummaryColumns =
    "id, headline, date(first_published_at, 'unixepoch'), date(last_published_at, 'unixepoch'), "
    "article_count, source_count, copy_count, last_published_at FROM stories ";

StoryCursor ReadPosition(const Statement& row) { return StoryCursor{row.ColumnOptionalInt64(7), row.ColumnInt64(0)}; }

// Fills source_names and activity of every story in *stories (two indexed queries each).
Status AddStoryDetails(sqlite3* db, std::vector<StorySummary>* stories) {
  if (stories->empty()) return Status::Ok();
  auto sources =
      Statement::Prepare(db,
                         "SELECT DISTINCT a.source FROM memberships m JOIN articles a ON a.id = m.article_id "
                         "WHERE m.story_id = ?1 AND a.source IS NOT NULL ORDER BY a.source");
  if (!sources.ok()) return sources.status();
  auto activity = Statement::Prepare(db,
                                     "SELECT date(a.published_at, 'unixepoch') AS day, count(*) "
                                     "FROM memberships m JOIN articles a ON a.id = m.article_id "
                                     "WHERE m.story_id = ?1 AND a.published_at IS NOT NULL GROUP BY day ORDER BY day");
  if (!activity.ok()) return activity.status();
  // Runs `q` for one story, calling `on_row` with each row.
  auto for_each_row = [](Statement& q, int64_t story, const auto& on_row) -> Status {
    StatementReset reset(&q);
    q.BindInt64(1, story);
    while (true) {
      Result<bool> row = q.Step();
      if (!row.ok()) return row.status();
      if (!row.value()) return Status::Ok();
      on_row(q);
    }
  };
  for (StorySummary& story : *stories) {
    story.source_names.clear();
    story.activity.clear();
    Status s = for_each_row(sources.value(), story.id,
                            [&](const Statement& q) { story.source_names.push_back(q.ColumnText(0)); });
    if (!s.ok()) return s;
    s = for_each_row(activity.value(), story.id, [&](const Statement& q) {
      story.activity.emplace_back(q.ColumnText(0), static_cast<int>(q.ColumnInt64(1)));
    });
    if (!s.ok()) return s;
  }
  return Status::Ok();
}

// The stories passing `filter`, in list order, at most `limit` of them (negative: all),
// without their details (AddStoryDetails); each one's list position in *positions.
Result<std::vector<StorySummary>> QueryStories(sqlite3* db, const StoryFilter& filter, int64_t limit,
                                               std::vector<StoryCursor>* positions) {
  std::vector<StorySummary> out;
  std::string match;
  if (filter.query) {
    match = FtsQuery(*filter.query);
    if (match.empty()) return out;  // no word to look for: nothing matches
  }
  // Parameters: ?1 since, ?2 until, ?3 FTS5 query, ?4 source, ?5 and ?6 the cursor's
  // last_published_at and id, ?7 limit. ?7 is always present, so every index can be bound.
  std::string sql = std::string("SELECT ") + kSummaryColumns +
                    "WHERE article_count > 0 "
                    "AND (?1 IS NULL OR last_published_at >= ?1) "
                    "AND (?2 IS NULL OR first_published_at < ?2) ";
  if (filter.query) {
    sql +=
        "AND id IN (SELECT m.story_id FROM article_search "
        "JOIN articles a ON a.sequence = article_search.rowid JOIN memberships m ON m.article_id = a.id "
        "WHERE article_search MATCH ?3) ";
  }
  if (filter.source) {
    sql +=
        "AND id IN (SELECT m.story_id FROM articles a JOIN memberships m ON m.article_id = a.id "
        "WHERE a.source = ?4) ";
  }
  // After the cursor in "last_published_at DESC NULLS LAST, id DESC": from a dated story, the
  // older ones, the same instant's smaller ids and then every undated story; from an undated
  // story, only the undated ones with smaller ids.
  if (filter.after && filter.after->last_published_at) {
    sql += "AND (last_published_at < ?5 OR (last_published_at = ?5 AND id < ?6) OR last_published_at IS NULL) ";
  } else if (filter.after) {
    sql += "AND last_published_at IS NULL AND id < ?6 ";
  }
  sql += "ORDER BY last_published_at DESC NULLS LAST, id DESC LIMIT ?7";

  auto query = Statement::Prepare(db, sql);
  if (!query.ok()) return query.status();
  Statement& q = query.value();
  q.BindOptionalInt64(1, filter.since);
  q.BindOptionalInt64(2, filter.until);
  q.BindText(3, match);
  q.BindOptionalText(4, filter.source);
  q.BindOptionalInt64(5, filter.after ? filter.after->last_published_at : std::nullopt);
  q.BindInt64(6, filter.after ? filter.after->id : 0);
  q.BindInt64(7, limit);
  while (true) {
    Result<bool> row = q.Step();
    if (!row.ok()) return row.status();
    if (!row.value()) break;
    out.push_back(ReadSummary(q));
    if (positions) positions->push_back(ReadPosition(q));
  }
  return out;
}

// Runs `body` inside BEGIN IMMEDIATE ... COMMIT, rolling back on any failure.
Status InTransaction(sqlite3* db, const std::function<Status()>& body) {
  if (Status s = ExecScript(db, "BEGIN IMMEDIATE"); !s.ok()) return s;
  Status s = body();
  if (s.ok()) s = ExecScript(db, "COMMIT");
  if (!s.ok()) ExecScript(db, "ROLLBACK");  // may fail when SQLite rolled back already
  return s;
}

// Runs `body` in one read transaction, so its several queries see one snapshot of the file
// (in WAL mode a writer committing meanwhile does not show through half-way). Inside an
// open transaction, `body` just runs in it.
Status InReadTransaction(sqlite3* db, const std::function<Status()>& body) {
  if (!sqlite3_get_autocommit(db)) return body();
  if (Status s = ExecScript(db, "BEGIN"); !s.ok()) return s;
  Status s = body();
  if (s.ok()) s = ExecScript(db, "COMMIT");
  if (!s.ok()) ExecScript(db, "ROLLBACK");  // may fail when SQLite rolled back already
  return s;
}

// Moves every member of story `from` into story `into`, records the merge (and re-points
// earlier merges into `from`), and drops `from`'s summary row.
Status MergeStory(sqlite3* db, int64_t from, int64_t into, const std::string& article_id) {
  if (from == into) return Status::Ok();
  // Parameters: ?1 the merged story, ?2 the surviving one, ?3 the bridging article.
  struct Step {
    const char* sql;
    int parameters;
  };
  const Step steps[] = {
      {"UPDATE memberships SET story_id = ?2 WHERE story_id = ?1", 2},
      {"UPDATE story_merges SET into_story_id = ?2 WHERE into_story_id = ?1", 2},
      {"INSERT INTO story_merges (story_id, into_story_id, merged_by) VALUES (?1, ?2, ?3) "
       "ON CONFLICT (story_id) DO UPDATE SET into_story_id = excluded.into_story_id",
       3},
      {"DELETE FROM stories WHERE id = ?1", 1},
  };
  for (const Step& step : steps) {
    auto statement = Statement::Prepare(db, step.sql);
    if (!statement.ok()) return statement.status();
    statement.value().BindInt64(1, from);
    if (step.parameters >= 2) statement.value().BindInt64(2, into);
    if (step.parameters >= 3) statement.value().BindText(3, article_id);
    if (Status s = statement.value().Run(); !s.ok()) return s;
  }
  return Status::Ok();
}

// Recomputes the summary row of story `id` from its members; its headline through
// `headlines` (story_headlines.h), given the articles the batch `added` to it and whether
// members moved in (`merged`).
Status RefreshStory(sqlite3* db, int64_t id, StoryHeadlines& headlines, const std::set<std::string>& added,
                    bool merged) {
  auto aggregate = Statement::Prepare(db,
                                      "SELECT min(a.published_at), max(a.published_at), count(*), "
                                      "count(DISTINCT a.source), count(c.article_id), "
                                      "(SELECT headline FROM stories WHERE id = ?1) "
                                      "FROM memberships m JOIN articles a ON a.id = m.article_id "
                                      "LEFT JOIN copies c ON c.article_id = a.id WHERE m.story_id = ?1");
  if (!aggregate.ok()) return aggregate.status();
  Statement& agg = aggregate.value();
  agg.BindInt64(1, id);
  Result<bool> row = agg.Step();
  if (!row.ok()) return row.status();
  const std::optional<int64_t> first = agg.ColumnOptionalInt64(0);
  const std::optional<int64_t> last = agg.ColumnOptionalInt64(1);
  const int64_t articles = agg.ColumnInt64(2);
  const int64_t sources = agg.ColumnInt64(3);
  const int64_t copies = agg.ColumnInt64(4);
  const std::optional<std::string> current = agg.ColumnOptionalText(5);

  Result<std::string> headline = headlines.Refresh(db, id, current, added, merged);
  if (!headline.ok()) return headline.status();

  auto upsert = Statement::Prepare(
      db,
      "INSERT INTO stories (id, first_published_at, last_published_at, article_count, source_count, copy_count, "
      "headline) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7) ON CONFLICT (id) DO UPDATE SET "
      "first_published_at = excluded.first_published_at, last_published_at = excluded.last_published_at, "
      "article_count = excluded.article_count, source_count = excluded.source_count, "
      "copy_count = excluded.copy_count, headline = excluded.headline");
  if (!upsert.ok()) return upsert.status();
  Statement& up = upsert.value();
  up.BindInt64(1, id);
  up.BindOptionalInt64(2, first);
  up.BindOptionalInt64(3, last);
  up.BindInt64(4, articles);
  up.BindInt64(5, sources);
  up.BindInt64(6, copies);
  up.BindText(7, headline.value());
  return up.Run();
}

}  // namespace

SqliteStore::SqliteStore(sqlite3* db) : db_(db), headlines_(std::make_unique<StoryHeadlines>()) {}

SqliteStore::~SqliteStore() { sqlite3_close_v2(db_); }

Result<std::unique_ptr<SqliteStore>> SqliteStore::Open(const std::string& path, const FingerprintSettings& settings) {
  const auto deadline = std::chrono::steady_clock::now() + std::chrono::milliseconds(kBusyTimeoutMs);
  for (int attempt = 0;; ++attempt) {
    bool busy = false;
    auto opened = OpenOnce(path, settings, &busy);
    if (opened.ok() || !busy || std::chrono::steady_clock::now() > deadline) return opened;
    std::this_thread::sleep_for(std::chrono::milliseconds(std::min(100, 5 << std::min(attempt, 4))));
  }
}

Result<std::unique_ptr<SqliteStore>> SqliteStore::OpenOnce(const std::string& path, const FingerprintSettings& settings,
                                                           bool* busy) {
  sqlite3* raw = nullptr;
  const int rc = sqlite3_open_v2(path.c_str(), &raw, SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE, nullptr);
  std::unique_ptr<SqliteStore> store(new SqliteStore(raw));
  if (rc != SQLITE_OK) return StoreError(raw, path + ": cannot open the database");
  sqlite3_extended_result_codes(raw, 1);
  sqlite3_busy_timeout(raw, kBusyTimeoutMs);

  auto fail = [&](const std::string& what) {
    // The error code may be reset by a rollback after the failing step; SQLite's messages for
    // the two codes ("database is locked", "database table is locked") say it as well.
    const int code = sqlite3_errcode(raw) & 0xff;
    *busy = code == SQLITE_BUSY || code == SQLITE_LOCKED || what.find("is locked") != std::string::npos ||
            what.find("database is busy") != std::string::npos;
    return Status::Error(ErrorCode::kStore, path + ": " + what);
  };

  // A file that is not SQLite fails on the first read; one written by another application
  // has tables but not our application id. The three are read in one snapshot: another process
  // creating the file commits its first migration (tables and application id together) either
  // before or after it, never between two of the reads.
  if (Status s = ExecScript(raw, "BEGIN"); !s.ok()) return fail("cannot open the database (" + s.message() + ")");
  struct EndRead {
    sqlite3* db;
    ~EndRead() {
      if (!sqlite3_get_autocommit(db)) (void)ExecScript(db, "COMMIT");
    }
  } end_read{raw};
  Result<int> version = ReadUserVersion(raw);
  if (!version.ok()) {
    // Only SQLITE_NOTADB means "not a database"; a file that cannot be opened for writing
    // (a read-only file system, say) fails here too, and must say so.
    const int code = sqlite3_errcode(raw) & 0xff;
    if (code == SQLITE_NOTADB) return fail("not a storydesk database (" + version.status().message() + ")");
    if (code == SQLITE_CANTOPEN || code == SQLITE_READONLY || code == SQLITE_IOERR) {
      if (const char* why = ReadOnlyReason(path)) {
        return fail(std::string("cannot open the database: ") + why +
                    " (storydesk writes the file and its -wal and -shm files beside it)");
      }
    }
    return fail("cannot open the database (" + version.status().message() + ")");
  }
  auto app_id = QueryInt64(raw, "PRAGMA application_id", 0);
  if (!app_id.ok()) return fail(app_id.status().message());
  auto tables = QueryInt64(raw, "SELECT count(*) FROM sqlite_schema", 0);
  if (!tables.ok()) return fail(tables.status().message());
  const bool ours = app_id.value() == kApplicationId;
  if (!ours && (tables.value() > 0 || version.value() > 0)) {
    return fail("not a storydesk database (it holds another application's tables)");
  }
  if (Status s = ExecScript(raw, "COMMIT"); !s.ok()) return fail(s.message());  // the snapshot's end
  if (version.value() > LatestSchemaVersion()) {
    return fail("written by a newer storydesk (schema " + std::to_string(version.value()) +
                ", this binary knows up to " + std::to_string(LatestSchemaVersion()) + "); upgrade storydesk");
  }

  // WAL lets readers run beside the one writer; synchronous=FULL makes every commit durable
  // across power loss, which is what "an acknowledged article is never lost" needs.
  auto journal = Statement::Prepare(raw, "PRAGMA journal_mode = WAL");
  if (!journal.ok()) return fail(journal.status().message());
  Result<bool> mode = journal.value().Step();
  if (!mode.ok()) return fail(mode.status().message());
  journal.value().Reset();
  if (Status s = ExecScript(raw, "PRAGMA synchronous = FULL; PRAGMA foreign_keys = ON"); !s.ok()) {
    return fail(s.message());
  }

  int migrated = 0;
  if (Status s = Migrate(raw, settings, &migrated); !s.ok()) return fail(s.message());
  if (Status s = store->RechooseHeadlinesOfAnotherRule(); !s.ok()) return fail(s.message());
  return store;
}

Status SqliteStore::RechooseHeadlinesOfAnotherRule() {
  const std::string rule_query = std::string("SELECT value FROM meta WHERE key = '") + kMetaHeadlineRule + "'";
  auto rule = QueryInt64(db_, rule_query.c_str(), 0);
  if (!rule.ok()) return rule.status();
  if (rule.value() == digest::kHeadlineRuleVersion) return Status::Ok();
  return InTransaction(db_, [&]() -> Status {
    // Another process may have done it meanwhile: decide again under the write lock.
    auto again = QueryInt64(db_, rule_query.c_str(), 0);
    if (!again.ok()) return again.status();
    if (again.value() == digest::kHeadlineRuleVersion) return Status::Ok();
    std::vector<int64_t> ids;
    {
      auto stories = Statement::Prepare(db_, "SELECT id FROM stories ORDER BY id");
      if (!stories.ok()) return stories.status();
      while (true) {
        Result<bool> row = stories.value().Step();
        if (!row.ok()) return row.status();
        if (!row.value()) break;
        ids.push_back(stories.value().ColumnInt64(0));
      }
    }
    auto update = Statement::Prepare(db_, "UPDATE stories SET headline = ?2 WHERE id = ?1");
    if (!update.ok()) return update.status();
    for (int64_t id : ids) {
      Result<std::string> headline = headlines_->Refresh(db_, id, std::nullopt, {}, /*force=*/true);
      if (!headline.ok()) return headline.status();
      Statement& q = update.value();
      StatementReset reset(&q);
      q.BindInt64(1, id);
      q.BindText(2, headline.value());
      if (Status st = q.Run(); !st.ok()) return st;
    }
    auto record = Statement::Prepare(db_,
                                     "INSERT INTO meta (key, value) VALUES (?1, ?2) "
                                     "ON CONFLICT (key) DO UPDATE SET value = excluded.value");
    if (!record.ok()) return record.status();
    record.value().BindText(1, kMetaHeadlineRule);
    record.value().BindInt64(2, digest::kHeadlineRuleVersion);
    return record.value().Run();
  });
}

int SqliteStore::SchemaVersion() const {
  Result<int> version = ReadUserVersion(db_);
  return version.ok() ? version.value() : 0;
}

FingerprintSettings SqliteStore::StoredFingerprintSettings() const {
  FingerprintSettings s;
  auto query = Statement::Prepare(db_, "SELECT key, value FROM meta");
  if (!query.ok()) return s;
  while (true) {
    Result<bool> row = query.value().Step();
    if (!row.ok() || !row.value()) break;
    const std::string key = query.value().ColumnText(0);
    const int64_t value = query.value().ColumnInt64(1);
    if (key == kMetaFingerprintVersion) s.version = static_cast<int>(value);
    if (key == kMetaShingleWords) s.shingle_words = static_cast<int>(value);
    if (key == kMetaPermutations) s.permutations = static_cast<int>(value);
    if (key == kMetaBands) s.bands = static_cast<int>(value);
    if (key == kMetaSeed) s.seed = static_cast<uint64_t>(value);
  }
  return s;
}

Result<std::optional<uint64_t>> SqliteStore::FindExactHash(const std::string& id) {
  auto query = Statement::Prepare(db_, "SELECT exact_hash FROM fingerprints WHERE article_id = ?1");
  if (!query.ok()) return query.status();
  query.value().BindText(1, id);
  Result<bool> row = query.value().Step();
  if (!row.ok()) return row.status();
  if (!row.value()) return std::optional<uint64_t>();
  return std::optional<uint64_t>(query.value().ColumnUint64(0));
}

Result<std::vector<StoredArticle>> SqliteStore::LoadWindow(int64_t from, int64_t to, bool include_undated) {
  auto query = Statement::Prepare(db_, std::string("SELECT ") + kArticleColumns +
                                           "WHERE a.published_at BETWEEN ?1 AND ?2 "
                                           "OR (?3 AND a.published_at IS NULL) ORDER BY a.sequence");
  if (!query.ok()) return query.status();
  query.value().BindInt64(1, from);
  query.value().BindInt64(2, to);
  query.value().BindInt64(3, include_undated ? 1 : 0);
  std::vector<StoredArticle> out;
  if (Status s = CollectArticles(query.value(), &out); !s.ok()) return s;
  return out;
}

Result<std::vector<StoredArticle>> SqliteStore::FindByExactHash(uint64_t exact_hash) {
  auto query =
      Statement::Prepare(db_, std::string("SELECT ") + kArticleColumns + "WHERE f.exact_hash = ?1 ORDER BY a.sequence");
  if (!query.ok()) return query.status();
  query.value().BindUint64(1, exact_hash);
  std::vector<StoredArticle> out;
  if (Status s = CollectArticles(query.value(), &out); !s.ok()) return s;
  return out;
}

Result<std::optional<StoredArticle>> SqliteStore::GetArticle(const std::string& id) {
  auto query = Statement::Prepare(db_, std::string("SELECT ") + kArticleColumns + "WHERE a.id = ?1");
  if (!query.ok()) return query.status();
  query.value().BindText(1, id);
  std::vector<StoredArticle> out;
  if (Status s = CollectArticles(query.value(), &out); !s.ok()) return s;
  if (out.empty()) return std::optional<StoredArticle>();
  return std::optional<StoredArticle>(std::move(out.front()));
}

Result<std::vector<StoredArticle>> SqliteStore::CopyFamilyArticles() {
  auto query = Statement::Prepare(
      db_, std::string("SELECT ") + kArticleColumns +
               "LEFT JOIN articles o ON o.id = COALESCE(c.original_id, a.id) "
               "WHERE a.id IN (SELECT article_id FROM copies UNION SELECT original_id FROM copies) "
               "ORDER BY o.published_at IS NULL, o.published_at, o.sequence, c.original_id IS NOT NULL, "
               "a.published_at IS NULL, a.published_at, a.sequence");
  if (!query.ok()) return query.status();
  std::vector<StoredArticle> out;
  if (Status s = CollectArticles(query.value(), &out); !s.ok()) return s;
  return out;
}

Result<std::optional<int64_t>> SqliteStore::NewestPublished() {
  // max() over the published_at index is one lookup; NULL (no dated article) comes back as the
  // sentinel, which no real date reaches.
  constexpr int64_t kNone = std::numeric_limits<int64_t>::min();
  auto newest = QueryInt64(db_, "SELECT max(published_at) FROM articles", kNone);
  if (!newest.ok()) return newest.status();
  if (newest.value() == kNone) return std::optional<int64_t>();
  return std::optional<int64_t>(newest.value());
}

Result<int64_t> SqliteStore::DataVersion() { return QueryInt64(db_, "PRAGMA data_version", 0); }

Result<int64_t> SqliteStore::DocumentCount() {
  return QueryInt64(db_, "SELECT value FROM meta WHERE key = 'document_count'", 0);
}

Result<std::map<std::string, int64_t>> SqliteStore::LoadDocumentFrequencies() {
  auto query = Statement::Prepare(db_, "SELECT term, df FROM document_frequencies");
  if (!query.ok()) return query.status();
  std::map<std::string, int64_t> out;
  while (true) {
    Result<bool> row = query.value().Step();
    if (!row.ok()) return row.status();
    if (!row.value()) break;
    out.emplace(query.value().ColumnText(0), query.value().ColumnInt64(1));
  }
  return out;
}

// Ids merged away have no summary row but still resolve to their story (ResolveStory), so
// they are never handed out again.
Result<int64_t> SqliteStore::MaxStoryId() {
  return QueryInt64(db_,
                    "SELECT max(coalesce((SELECT max(id) FROM stories), 0), "
                    "coalesce((SELECT max(story_id) FROM story_merges), 0))",
                    0);
}

Status SqliteStore::CommitBatch(std::vector<StoredArticle>& articles, const std::map<std::string, int64_t>& df_deltas,
                                int64_t documents_added, std::optional<int64_t> decided_at) {
  const Status committed = InTransaction(db_, [&]() -> Status {
    // BEGIN IMMEDIATE holds the write lock and reads the newest state, so data_version now
    // tells whether anyone committed after the caller read what it decided from.
    if (decided_at) {
      auto version = DataVersion();
      if (!version.ok()) return version.status();
      if (version.value() != *decided_at) return Status::Error(ErrorCode::kConflict, kStaleWriterMessage);
    }
    auto next = QueryInt64(db_, "SELECT max(sequence) FROM articles", 0);
    if (!next.ok()) return next.status();
    int64_t sequence = next.value();

    auto insert_article = Statement::Prepare(
        db_,
        "INSERT INTO articles (id, sequence, source, url, title, published, published_at, place, bullets, text, "
        "verbatim, origin) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12)");
    auto insert_fingerprint =
        Statement::Prepare(db_, "INSERT INTO fingerprints (article_id, exact_hash, minhash) VALUES (?1, ?2, ?3)");
    auto insert_story = Statement::Prepare(db_, "INSERT INTO stories (id) VALUES (?1) ON CONFLICT (id) DO NOTHING");
    auto insert_membership = Statement::Prepare(db_, "INSERT INTO memberships (article_id, story_id) VALUES (?1, ?2)");
    auto insert_copy = Statement::Prepare(
        db_, "INSERT INTO copies (article_id, original_id, relation, score) VALUES (?1, ?2, ?3, ?4)");
    auto exists = Statement::Prepare(db_, "SELECT 1 FROM articles WHERE id = ?1");
    // A take-over: the old original gets a copy row, its copies point at the new original.
    auto upsert_copy =
        Statement::Prepare(db_,
                           "INSERT INTO copies (article_id, original_id, relation, score) VALUES (?1, ?2, ?3, ?4) "
                           "ON CONFLICT (article_id) DO UPDATE SET original_id = ?2, relation = ?3, score = ?4");
    auto repoint_copy = Statement::Prepare(db_, "UPDATE copies SET original_id = ?2 WHERE article_id = ?1");
    auto story_of = Statement::Prepare(db_, "SELECT story_id FROM memberships WHERE article_id = ?1");
    for (auto* prepared : {&insert_article, &insert_fingerprint, &insert_story, &insert_membership, &insert_copy,
                           &exists, &upsert_copy, &repoint_copy, &story_of}) {
      if (!prepared->ok()) return prepared->status();
    }

    std::set<int64_t> touched;
    std::map<int64_t, std::set<std::string>> added;  // per story, the articles this batch put in
    std::set<int64_t> merged_into;
    for (StoredArticle& s : articles) {
      {
        Statement& q = exists.value();
        StatementReset reset(&q);
        q.BindText(1, s.raw.id);
        Result<bool> row = q.Step();
        if (!row.ok()) return row.status();
        if (row.value()) {
          return Status::Error(ErrorCode::kConflict, "article '" + s.raw.id + "' is already stored");
        }
      }
      s.sequence = ++sequence;
      {
        Statement& q = insert_article.value();
        StatementReset reset(&q);
        q.BindText(1, s.raw.id);
        q.BindInt64(2, s.sequence);
        q.BindOptionalText(3, s.raw.source);
        q.BindOptionalText(4, s.raw.url);
        q.BindOptionalText(5, s.raw.title);
        q.BindOptionalText(6, s.raw.published);
        q.BindOptionalInt64(7, s.raw.published_at);
        q.BindOptionalText(8, s.raw.place);
        q.BindText(9, EncodeStringArray(s.raw.bullets));
        q.BindText(10, s.raw.text);
        q.BindBlob(11, s.raw.verbatim);
        q.BindText(12, s.raw.origin);
        if (Status st = q.Run(); !st.ok()) return st;
      }
      {
        Statement& q = insert_fingerprint.value();
        StatementReset reset(&q);
        q.BindText(1, s.raw.id);
        q.BindUint64(2, s.exact_hash);
        q.BindBlob(3, EncodeSignature(s.minhash));
        if (Status st = q.Run(); !st.ok()) return st;
      }
      if (s.story <= 0) {
        return Status::Error(ErrorCode::kStore, "article '" + s.raw.id + "' has no story (internal error)");
      }
      {
        Statement& q = insert_story.value();
        StatementReset reset(&q);
        q.BindInt64(1, s.story);
        if (Status st = q.Run(); !st.ok()) return st;
      }
      {
        Statement& q = insert_membership.value();
        StatementReset reset(&q);
        q.BindText(1, s.raw.id);
        q.BindInt64(2, s.story);
        if (Status st = q.Run(); !st.ok()) return st;
      }
      if (s.copy_of) {
        Statement& q = insert_copy.value();
        StatementReset reset(&q);
        q.BindText(1, s.raw.id);
        q.BindText(2, *s.copy_of);
        q.BindText(3, s.relation.value_or("near"));
        q.BindDouble(4, s.copy_score);
        if (Status st = q.Run(); !st.ok()) return st;
      }
      for (const CopyUpdate& u : s.copy_updates) {
        Statement& q = u.relation ? upsert_copy.value() : repoint_copy.value();
        StatementReset reset(&q);
        q.BindText(1, u.article);
        q.BindText(2, u.copy_of);
        if (u.relation) {
          q.BindText(3, *u.relation);
          q.BindDouble(4, u.score);
        }
        if (Status st = q.Run(); !st.ok()) return st;
        Statement& lookup = story_of.value();
        StatementReset lookup_reset(&lookup);
        lookup.BindText(1, u.article);
        Result<bool> row = lookup.Step();
        if (!row.ok()) return row.status();
        if (row.value()) touched.insert(lookup.ColumnInt64(0));  // its copy count changes
      }
      touched.insert(s.story);
      added[s.story].insert(s.raw.id);
      if (s.headline_evidence) headlines_->Remember(s.raw.id, *s.headline_evidence);
      for (int64_t from : s.merged_stories) {
        if (Status st = MergeStory(db_, from, s.story, s.raw.id); !st.ok()) return st;
        touched.erase(from);
        merged_into.insert(s.story);
      }
    }

    auto upsert_df = Statement::Prepare(
        db_,
        "INSERT INTO document_frequencies (term, df) VALUES (?1, ?2) ON CONFLICT (term) DO UPDATE SET df = df + ?2");
    if (!upsert_df.ok()) return upsert_df.status();
    for (const auto& [term, delta] : df_deltas) {
      Statement& q = upsert_df.value();
      StatementReset reset(&q);
      q.BindText(1, term);
      q.BindInt64(2, delta);
      if (Status st = q.Run(); !st.ok()) return st;
    }
    auto count = Statement::Prepare(db_, "UPDATE meta SET value = value + ?1 WHERE key = 'document_count'");
    if (!count.ok()) return count.status();
    count.value().BindInt64(1, documents_added);
    if (Status st = count.value().Run(); !st.ok()) return st;

    static const std::set<std::string> kNone;
    for (int64_t story : touched) {
      const auto it = added.find(story);
      if (Status st = RefreshStory(db_, story, *headlines_, it == added.end() ? kNone : it->second,
                                   merged_into.contains(story));
          !st.ok()) {
        return st;
      }
    }
    return Status::Ok();
  });
  if (!committed.ok()) headlines_->Forget();
  return committed;
}

Result<std::vector<StorySummary>> SqliteStore::ListStories(const StoryFilter& filter) {
  std::vector<StorySummary> out;
  Status s = InReadTransaction(db_, [&]() -> Status {
    auto stories = QueryStories(db_, filter, filter.limit ? *filter.limit : -1, nullptr);
    if (!stories.ok()) return stories.status();
    out = std::move(stories).value();
    return AddStoryDetails(db_, &out);
  });
  if (!s.ok()) return s;
  return out;
}

Result<StoryPage> SqliteStore::ListStoryPage(const StoryFilter& filter) {
  const int size = filter.limit.value_or(kDefaultStoryPageSize);
  if (size < 1) {
    return Status::Error(ErrorCode::kUsage, "page size must be at least 1 (got " + std::to_string(size) + ")");
  }
  StoryPage page;
  Status s = InReadTransaction(db_, [&]() -> Status {
    std::vector<StoryCursor> positions;
    // One story more than the page tells whether another page follows.
    auto stories = QueryStories(db_, filter, int64_t{size} + 1, &positions);
    if (!stories.ok()) return stories.status();
    page.stories = std::move(stories).value();
    if (page.stories.size() > static_cast<size_t>(size)) {
      page.stories.resize(static_cast<size_t>(size));
      page.next = positions[static_cast<size_t>(size) - 1];
    }
    return AddStoryDetails(db_, &page.stories);
  });
  if (!s.ok()) return s;
  return page;
}

Result<std::vector<ArticleMatch>> SqliteStore::SearchArticles(const std::string& query, int limit, int per_story) {
  if (limit < 1) {
    return Status::Error(ErrorCode::kUsage, "search limit must be at least 1 (got " + std::to_string(limit) + ")");
  }
  if (per_story < 1) {
    return Status::Error(ErrorCode::kUsage,
                         "matches per story must be at least 1 (got " + std::to_string(per_story) + ")");
  }
  std::vector<ArticleMatch> out;
  const std::string match = FtsQuery(query);
  if (match.empty()) return out;  // no word to look for: nothing matches
  Status s = InReadTransaction(db_, [&]() -> Status {
    // The best `limit` by rank first (bm25 reads only the index, never the text), each story's
    // matches numbered in rank order to keep its best `per_story`; then a snippet for each of
    // those alone: snippet() in the ranking query would read and cut the text of every match
    // before the LIMIT applies.
    auto best = Statement::Prepare(
        db_,
        "SELECT rowid, id, title, story_id FROM ("
        "SELECT s.rowid AS rowid, s.rank AS rank, a.id AS id, a.title AS title, m.story_id AS story_id, "
        "ROW_NUMBER() OVER (PARTITION BY m.story_id ORDER BY s.rank, s.rowid) AS nth "
        "FROM (SELECT rowid, rank FROM article_search WHERE article_search MATCH ?1) AS s "
        "JOIN articles a ON a.sequence = s.rowid JOIN memberships m ON m.article_id = a.id) "
        "WHERE nth <= ?3 ORDER BY rank, rowid LIMIT ?2");
    if (!best.ok()) return best.status();
    auto snippet = Statement::Prepare(db_,
                                      "SELECT snippet(article_search, 1, '', '', '…', 12) FROM article_search "
                                      "WHERE article_search MATCH ?1 AND rowid = ?2");
    if (!snippet.ok()) return snippet.status();
    std::vector<int64_t> rowids;
    {
      Statement& q = best.value();
      StatementReset reset(&q);
      q.BindText(1, match);
      q.BindInt64(2, limit);
      q.BindInt64(3, per_story);
      while (true) {
        Result<bool> row = q.Step();
        if (!row.ok()) return row.status();
        if (!row.value()) break;
        rowids.push_back(q.ColumnInt64(0));
        out.push_back(ArticleMatch{q.ColumnText(1), q.ColumnOptionalText(2), "", q.ColumnInt64(3)});
      }
    }
    for (size_t i = 0; i < out.size(); ++i) {
      Statement& q = snippet.value();
      StatementReset reset(&q);
      q.BindText(1, match);
      q.BindInt64(2, rowids[i]);
      Result<bool> row = q.Step();
      if (!row.ok()) return row.status();
      if (row.value()) out[i].snippet = q.ColumnText(0);
      // Members move on a merge, so this is the story already; resolving guards older files.
      auto story = ResolveStory(out[i].story);
      if (!story.ok()) return story.status();
      out[i].story = story.value();
    }
    return Status::Ok();
  });
  if (!s.ok()) return s;
  return out;
}

Result<int64_t> SqliteStore::ArticleCount() { return QueryInt64(db_, "SELECT count(*) FROM articles", 0); }

Result<int64_t> SqliteStore::StoryCount() {
  return QueryInt64(db_, "SELECT count(*) FROM stories WHERE article_count > 0", 0);
}

Result<int64_t> SqliteStore::ResolveStory(int64_t id) {
  auto query = Statement::Prepare(db_, "SELECT into_story_id FROM story_merges WHERE story_id = ?1");
  if (!query.ok()) return query.status();
  Statement& q = query.value();
  // Each merge re-points the merges into its story, so one step suffices; the loop guards
  // against files written otherwise.
  for (int hops = 0; hops < 64; ++hops) {
    StatementReset reset(&q);
    q.BindInt64(1, id);
    Result<bool> row = q.Step();
    if (!row.ok()) return row.status();
    if (!row.value()) return id;
    id = q.ColumnInt64(0);
  }
  return Status::Error(ErrorCode::kStore, "story merges form a cycle at story " + std::to_string(id));
}

Result<StorySummary> SqliteStore::GetStory(int64_t requested) {
  std::vector<StorySummary> found;
  Status s = InReadTransaction(db_, [&]() -> Status {
    auto resolved = ResolveStory(requested);
    if (!resolved.ok()) return resolved.status();
    auto query =
        Statement::Prepare(db_, std::string("SELECT ") + kSummaryColumns + "WHERE id = ?1 AND article_count > 0");
    if (!query.ok()) return query.status();
    Statement& q = query.value();
    StatementReset reset(&q);
    q.BindInt64(1, resolved.value());
    Result<bool> row = q.Step();
    if (!row.ok()) return row.status();
    if (!row.value()) return Status::Error(ErrorCode::kNotFound, "no story " + std::to_string(requested));
    found.push_back(ReadSummary(q));
    return AddStoryDetails(db_, &found);
  });
  if (!s.ok()) return s;
  return std::move(found.front());
}

Result<std::vector<StoredArticle>> SqliteStore::StoryArticles(int64_t requested) {
  auto resolved = ResolveStory(requested);
  if (!resolved.ok()) return resolved.status();
  const int64_t id = resolved.value();
  auto query = Statement::Prepare(db_, std::string("SELECT ") + kArticleColumns +
                                           "WHERE m.story_id = ?1 "
                                           "ORDER BY a.published_at IS NULL, a.published_at, a.sequence");
  if (!query.ok()) return query.status();
  query.value().BindInt64(1, id);
  std::vector<StoredArticle> out;
  if (Status s = CollectArticles(query.value(), &out); !s.ok()) return s;
  return out;
}

Result<std::vector<StoryMember>> SqliteStore::StoryMembers(int64_t requested) {
  auto resolved = ResolveStory(requested);
  if (!resolved.ok()) return resolved.status();
  // Only leading columns of `articles` are read: SQLite does not load the text's pages.
  auto query = Statement::Prepare(db_,
                                  "SELECT a.id, a.source, a.published_at, c.original_id IS NOT NULL "
                                  "FROM memberships m JOIN articles a ON a.id = m.article_id "
                                  "LEFT JOIN copies c ON c.article_id = a.id "
                                  "WHERE m.story_id = ?1 "
                                  "ORDER BY a.published_at IS NULL, a.published_at, a.sequence");
  if (!query.ok()) return query.status();
  Statement& q = query.value();
  q.BindInt64(1, resolved.value());
  std::vector<StoryMember> out;
  while (true) {
    Result<bool> row = q.Step();
    if (!row.ok()) return row.status();
    if (!row.value()) return out;
    StoryMember m;
    m.id = q.ColumnText(0);
    m.source = q.ColumnOptionalText(1);
    m.published_at = q.ColumnOptionalInt64(2);
    m.copy = q.ColumnInt64(3) != 0;
    out.push_back(std::move(m));
  }
}

Status SqliteStore::ForEachArticle(const std::function<bool(const StoredArticle&)>& visit) {
  auto query = Statement::Prepare(db_, std::string("SELECT ") + kArticleColumns + "ORDER BY a.sequence");
  if (!query.ok()) return query.status();
  Statement& q = query.value();
  StatementReset reset(&q);
  while (true) {
    Result<bool> row = q.Step();
    if (!row.ok()) return row.status();
    if (!row.value()) return Status::Ok();
    auto article = ReadArticle(q);
    if (!article.ok()) return article.status();
    if (!visit(article.value())) return Status::Ok();
  }
}

Status SqliteStore::Refingerprint(
    const FingerprintSettings& settings,
    const std::function<void(const RawArticle&, uint64_t* exact_hash, std::vector<uint32_t>* minhash)>& fingerprint) {
  return InTransaction(db_, [&]() -> Status {
    std::vector<StoredArticle> all;
    auto query = Statement::Prepare(db_, std::string("SELECT ") + kArticleColumns + "ORDER BY a.sequence");
    if (!query.ok()) return query.status();
    if (Status s = CollectArticles(query.value(), &all); !s.ok()) return s;
    auto update =
        Statement::Prepare(db_, "UPDATE fingerprints SET exact_hash = ?2, minhash = ?3 WHERE article_id = ?1");
    if (!update.ok()) return update.status();
    for (const StoredArticle& s : all) {
      uint64_t exact = 0;
      std::vector<uint32_t> minhash;
      fingerprint(s.raw, &exact, &minhash);
      Statement& q = update.value();
      StatementReset reset(&q);
      q.BindText(1, s.raw.id);
      q.BindUint64(2, exact);
      q.BindBlob(3, EncodeSignature(minhash));
      if (Status st = q.Run(); !st.ok()) return st;
    }
    auto set = Statement::Prepare(db_,
                                  "INSERT INTO meta (key, value) VALUES (?1, ?2) "
                                  "ON CONFLICT (key) DO UPDATE SET value = excluded.value");
    if (!set.ok()) return set.status();
    const std::pair<const char*, int64_t> rows[] = {
        {kMetaFingerprintVersion, settings.version},      {kMetaShingleWords, settings.shingle_words},
        {kMetaPermutations, settings.permutations},       {kMetaBands, settings.bands},
        {kMetaSeed, static_cast<int64_t>(settings.seed)},
    };
    for (const auto& [key, value] : rows) {
      Statement& q = set.value();
      StatementReset reset(&q);
      q.BindText(1, key);
      q.BindInt64(2, value);
      if (Status st = q.Run(); !st.ok()) return st;
    }
    return Status::Ok();
  });
}

}  // namespace storydesk::store
