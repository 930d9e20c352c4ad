#include "adapters/store/sqlite_store.h"

#include <sqlite3.h>
#include <unistd.h>

#include <algorithm>
#include <cerrno>
#include <chrono>
#include <cstring>
#include <limits>
#include <mutex>
#include <set>
#include <thread>
#include <utility>

#include "adapters/store/migrations.h"
#include "adapters/store/sqlite_rows.h"
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
      {"DELETE FROM story_storylines WHERE story_id = ?1", 1},
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
  // SQLite counts its memory by default, under one process-wide mutex taken on every
  // allocation: with many server threads reading at once, that mutex was where a search spent
  // most of its time. The count is never read here, so it is switched off before SQLite starts
  // (a no-op, SQLITE_MISUSE, when something has already started it).
  static std::once_flag no_memory_count;
  std::call_once(no_memory_count, [] { (void)sqlite3_config(SQLITE_CONFIG_MEMSTATUS, 0); });
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

Result<int64_t> SqliteStore::MaxStorylineId() {
  // The running maximum: a storyline whose events were all merged away has no row left, and
  // its id must not be handed out again.
  return QueryInt64(db_,
                    "SELECT max(coalesce((SELECT value FROM meta WHERE key = 'max_storyline_id'), 0), "
                    "coalesce((SELECT max(storyline_id) FROM story_storylines), 0))",
                    0);
}

Status SqliteStore::CommitBatch(std::vector<StoredArticle>& articles, const std::map<std::string, int64_t>& df_deltas,
                                int64_t documents_added, std::optional<int64_t> decided_at) {
  Status committed = InTransaction(db_, [&]() -> Status {
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
    // The engine gives every article of a story the same storyline; the newest decision wins.
    auto upsert_storyline = Statement::Prepare(db_,
                                               "INSERT INTO story_storylines (story_id, storyline_id) VALUES (?1, ?2) "
                                               "ON CONFLICT (story_id) DO UPDATE SET storyline_id = ?2");
    for (auto* prepared : {&insert_article, &insert_fingerprint, &insert_story, &insert_membership, &insert_copy,
                           &exists, &upsert_copy, &repoint_copy, &story_of, &upsert_storyline}) {
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
      if (s.storyline > 0) {
        Statement& q = upsert_storyline.value();
        StatementReset reset(&q);
        q.BindInt64(1, s.story);
        q.BindInt64(2, s.storyline);
        if (Status st = q.Run(); !st.ok()) return st;
      }
      if (s.copy_of) {
        Statement& q = insert_copy.value();
        StatementReset reset(&q);
        q.BindText(1, s.raw.id);
        q.BindText(2, *s.copy_of);
        // A copy decided without a kind (older callers) is stored as a near copy, as before.
        q.BindText(3, s.relation == copies::CopyKind::kNone ? "near" : copies::CopyKindName(s.relation));
        q.BindDouble(4, s.copy_score);
        if (Status st = q.Run(); !st.ok()) return st;
      }
      for (const copies::CopyUpdate& u : s.copy_updates) {
        const bool new_relation = u.relation != copies::CopyKind::kNone;
        Statement& q = new_relation ? upsert_copy.value() : repoint_copy.value();
        StatementReset reset(&q);
        q.BindText(1, u.article);
        q.BindText(2, u.copy_of);
        if (new_relation) {
          q.BindText(3, copies::CopyKindName(u.relation));
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
    int64_t max_storyline = 0;
    for (const StoredArticle& s : articles) max_storyline = std::max(max_storyline, s.storyline);
    if (max_storyline > 0) {
      auto record = Statement::Prepare(db_,
                                       "INSERT INTO meta (key, value) VALUES ('max_storyline_id', ?1) "
                                       "ON CONFLICT (key) DO UPDATE SET value = max(value, ?1)");
      if (!record.ok()) return record.status();
      record.value().BindInt64(1, max_storyline);
      if (Status st = record.value().Run(); !st.ok()) return st;
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

Result<int64_t> SqliteStore::ApplyCorrection(const CorrectionPlan& plan) {
  if (plan.moves.empty() || plan.into <= 0) {
    return Status::Error(ErrorCode::kUsage, "a correction moves at least one article into a story");
  }
  int64_t id = 0;
  Status committed = InTransaction(db_, [&]() -> Status {
    auto conflict = [](const std::string& what) {
      return Status::Error(ErrorCode::kConflict, what + "; the stories changed meanwhile, nothing was corrected");
    };
    auto story_of = Statement::Prepare(db_, "SELECT story_id FROM memberships WHERE article_id = ?1");
    auto move = Statement::Prepare(db_, "UPDATE memberships SET story_id = ?2 WHERE article_id = ?1");
    for (auto* prepared : {&story_of, &move}) {
      if (!prepared->ok()) return prepared->status();
    }
    // The plan was made outside this transaction: check that it still describes the store.
    for (const auto& [article, from] : plan.moves) {
      Statement& q = story_of.value();
      StatementReset reset(&q);
      q.BindText(1, article);
      Result<bool> row = q.Step();
      if (!row.ok()) return row.status();
      if (!row.value() || q.ColumnInt64(0) != from) {
        return conflict("article '" + article + "' is no longer in story " + std::to_string(from));
      }
    }
    if (plan.kind == CorrectionKind::kSplit) {
      auto taken = Statement::Prepare(db_,
                                      "SELECT (SELECT count(*) FROM stories WHERE id = ?1) + "
                                      "(SELECT count(*) FROM story_merges WHERE story_id = ?1) + "
                                      "(SELECT count(*) FROM memberships WHERE story_id = ?1)");
      if (!taken.ok()) return taken.status();
      taken.value().BindInt64(1, plan.into);
      if (Result<bool> row = taken.value().Step(); !row.ok()) return row.status();
      if (taken.value().ColumnInt64(0) != 0) return conflict("story id " + std::to_string(plan.into) + " is taken");
      auto open = Statement::Prepare(db_, "INSERT INTO stories (id) VALUES (?1)");
      if (!open.ok()) return open.status();
      open.value().BindInt64(1, plan.into);
      if (Status st = open.value().Run(); !st.ok()) return st;
      if (plan.storyline > 0) {
        auto line = Statement::Prepare(db_, "INSERT INTO story_storylines (story_id, storyline_id) VALUES (?1, ?2)");
        if (!line.ok()) return line.status();
        line.value().BindInt64(1, plan.into);
        line.value().BindInt64(2, plan.storyline);
        if (Status st = line.value().Run(); !st.ok()) return st;
      }
    } else {
      auto live = Statement::Prepare(db_, "SELECT 1 FROM stories WHERE id = ?1");
      if (!live.ok()) return live.status();
      live.value().BindInt64(1, plan.into);
      Result<bool> row = live.value().Step();
      if (!row.ok()) return row.status();
      if (!row.value()) return conflict("story " + std::to_string(plan.into) + " is gone");
    }
    std::set<int64_t> left;  // the stories articles left
    std::vector<std::string> articles, from_stories;
    for (const auto& [article, from] : plan.moves) {
      Statement& q = move.value();
      StatementReset reset(&q);
      q.BindText(1, article);
      q.BindInt64(2, plan.into);
      if (Status st = q.Run(); !st.ok()) return st;
      left.insert(from);
      articles.push_back(article);
      from_stories.push_back(std::to_string(from));
    }
    std::vector<std::string> emptied;
    for (int64_t story : plan.emptied) {
      auto remaining = Statement::Prepare(db_, "SELECT count(*) FROM memberships WHERE story_id = ?1");
      if (!remaining.ok()) return remaining.status();
      remaining.value().BindInt64(1, story);
      if (Result<bool> row = remaining.value().Step(); !row.ok()) return row.status();
      if (remaining.value().ColumnInt64(0) != 0)
        return conflict("story " + std::to_string(story) + " has other articles");
      // Its id still finds the story its articles went to, as a merged story's does.
      if (Status st = MergeStory(db_, story, plan.into, plan.moves.front().first); !st.ok()) return st;
      left.erase(story);
      emptied.push_back(std::to_string(story));
    }
    if (plan.kind == CorrectionKind::kMoveEvent) {
      if (plan.storyline <= 0) return Status::Error(ErrorCode::kUsage, "an event moves into a storyline (id > 0)");
      auto line = Statement::Prepare(db_,
                                     "INSERT INTO story_storylines (story_id, storyline_id) VALUES (?1, ?2) "
                                     "ON CONFLICT (story_id) DO UPDATE SET storyline_id = ?2");
      auto record_max = Statement::Prepare(db_,
                                           "INSERT INTO meta (key, value) VALUES ('max_storyline_id', ?1) "
                                           "ON CONFLICT (key) DO UPDATE SET value = max(value, ?1)");
      for (auto* prepared : {&line, &record_max}) {
        if (!prepared->ok()) return prepared->status();
      }
      line.value().BindInt64(1, plan.into);
      line.value().BindInt64(2, plan.storyline);
      if (Status st = line.value().Run(); !st.ok()) return st;
      record_max.value().BindInt64(1, plan.storyline);
      if (Status st = record_max.value().Run(); !st.ok()) return st;
      left.clear();  // its articles stayed: no summary changes
    }
    static const std::set<std::string> kNone;
    if (plan.kind != CorrectionKind::kMoveEvent) left.insert(plan.into);
    for (int64_t story : left) {
      // Forced: the first members, whose titles the headline is chosen from, may have changed.
      if (Status st = RefreshStory(db_, story, *headlines_, kNone, /*merged=*/true); !st.ok()) return st;
    }
    auto record = Statement::Prepare(
        db_,
        "INSERT INTO corrections (kind, made_at, made_by, note, articles, from_stories, into_story_id, "
        "storyline_id, emptied) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9)");
    if (!record.ok()) return record.status();
    Statement& r = record.value();
    r.BindText(1, CorrectionKindName(plan.kind));
    r.BindInt64(2, plan.made_at);
    r.BindText(3, plan.by);
    r.BindText(4, plan.note);
    r.BindText(5, EncodeStringArray(articles));
    r.BindText(6, EncodeStringArray(from_stories));
    r.BindInt64(7, plan.into);
    r.BindInt64(8, plan.storyline);
    r.BindText(9, EncodeStringArray(emptied));
    if (Status st = r.Run(); !st.ok()) return st;
    id = sqlite3_last_insert_rowid(db_);
    return Status::Ok();
  });
  if (!committed.ok()) return committed;
  return id;
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