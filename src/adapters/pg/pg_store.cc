#include "adapters/pg/pg_store.h"

#include <algorithm>
#include <exception>
#include <limits>
#include <set>
#include <utility>

#include "adapters/pg/pg_schema.h"
#include "adapters/store/fts_query.h"
#include "adapters/store/migrations.h"
#include "adapters/store/signature_bytes.h"
#include "adapters/store/string_array.h"
#include "storydesk/digest/headline.h"

namespace storydesk::pg {
namespace {

using store::StoredArticle;
using store::StorySummary;

// The columns every StoredArticle is read from (ReadArticle's order), with the joins; append
// WHERE / ORDER BY.
constexpr const char* kArticleColumns =
    "SELECT a.id, a.sequence, a.source, a.url, a.title, a.published, a.published_at, a.place, a.bullets, a.text, "
    "a.verbatim, a.origin, f.exact_hash, f.minhash, m.story_id, c.original_id, c.relation, c.score, "
    "coalesce(sl.storyline_id, 0) "
    "FROM articles a "
    "JOIN fingerprints f ON f.article_id = a.id "
    "JOIN memberships m ON m.article_id = a.id "
    "LEFT JOIN copies c ON c.article_id = a.id "
    "LEFT JOIN story_storylines sl ON sl.story_id = m.story_id ";

Result<StoredArticle> ReadArticle(const Rows& r, int i) {
  StoredArticle s;
  s.raw.id = std::string(r.Text(i, 0));
  s.sequence = r.Int(i, 1);
  s.raw.source = r.OptionalText(i, 2);
  s.raw.url = r.OptionalText(i, 3);
  s.raw.title = r.OptionalText(i, 4);
  s.raw.published = r.OptionalText(i, 5);
  s.raw.published_at = r.OptionalInt(i, 6);
  s.raw.place = r.OptionalText(i, 7);
  auto bullets = store::DecodeStringArray(std::string(r.Text(i, 8)));
  if (!bullets.ok()) return bullets.status();
  s.raw.bullets = std::move(bullets).value();
  s.raw.text = std::string(r.Text(i, 9));
  s.raw.verbatim = r.Bytes(i, 10);
  s.raw.origin = std::string(r.Text(i, 11));
  s.exact_hash = static_cast<uint64_t>(r.Int(i, 12));
  auto signature = store::DecodeSignature(r.Bytes(i, 13));
  if (!signature.ok()) return signature.status();
  s.minhash = std::move(signature).value();
  s.story = r.Int(i, 14);
  s.copy_of = r.OptionalText(i, 15);
  if (const std::optional<std::string> relation = r.OptionalText(i, 16)) {
    const std::optional<copies::CopyKind> kind = copies::CopyKindFromName(*relation);
    if (!kind) {
      return Status::Error(ErrorCode::kStore,
                           "article '" + s.raw.id + "' has an unknown copy relation '" + *relation + "' in the store");
    }
    s.relation = *kind;
  }
  s.copy_score = r.IsNull(i, 17) ? 0.0 : r.Real(i, 17);
  s.storyline = r.Int(i, 18);
  return s;
}

// The one integer `sql` selects, or `if_no_row` when it gives no row or NULL.
Result<int64_t> QueryInt(PgConnection& db, const std::string& sql, int64_t if_no_row, const Params& params = {}) {
  auto rows = db.Query(sql, params);
  if (!rows.ok()) return rows.status();
  if (rows.value().Count() == 0 || rows.value().IsNull(0, 0)) return if_no_row;
  return rows.value().Int(0, 0);
}

// The SQLite store's date(x, 'unixepoch').
std::string Day(const char* column) {
  return std::string("to_char(to_timestamp(") + column + ") AT TIME ZONE 'UTC', 'YYYY-MM-DD')";
}

// Column 7 (last_published_at, for cursors) is not part of StorySummary.
std::string SummaryColumns() {
  return "SELECT id, headline, " + Day("first_published_at") + ", " + Day("last_published_at") +
         ", article_count, source_count, copy_count, last_published_at, "
         "coalesce((SELECT storyline_id FROM story_storylines WHERE story_id = stories.id), 0), "
         "(SELECT count(*) FROM story_storylines o JOIN story_storylines s ON o.storyline_id = s.storyline_id "
         "WHERE s.story_id = stories.id) FROM stories ";
}

StorySummary ReadSummary(const Rows& r, int i) {
  StorySummary s;
  s.id = r.Int(i, 0);
  s.headline = std::string(r.Text(i, 1));
  s.first_published = r.OptionalText(i, 2);
  s.last_published = r.OptionalText(i, 3);
  s.articles = static_cast<int>(r.Int(i, 4));
  s.sources = static_cast<int>(r.Int(i, 5));
  s.copies = static_cast<int>(r.Int(i, 6));
  s.storyline = r.Int(i, 8);
  s.storyline_events = static_cast<int>(r.Int(i, 9));
  return s;
}

// The words of a user's query for plainto_tsquery: the SQLite store's split (fts_query.h) with
// its quotes taken off, so both stores see the same words. "" when there is no word.
std::string SearchWords(const std::string& text) {
  std::string words = store::FtsQuery(text);
  words.erase(std::remove(words.begin(), words.end(), '"'), words.end());
  return words;
}

Status AddStoryDetails(PgConnection& db, std::vector<StorySummary>* stories) {
  for (StorySummary& story : *stories) {
    story.source_names.clear();
    story.activity.clear();
    auto sources = db.Query(
        "SELECT DISTINCT a.source COLLATE \"C\" FROM memberships m JOIN articles a ON a.id = m.article_id "
        "WHERE m.story_id = $1 AND a.source IS NOT NULL ORDER BY 1",
        Params().Int(story.id));
    if (!sources.ok()) return sources.status();
    for (int i = 0; i < sources.value().Count(); ++i) story.source_names.emplace_back(sources.value().Text(i, 0));
    auto activity = db.Query("SELECT " + Day("a.published_at") +
                                 " AS day, count(*) FROM memberships m JOIN articles a ON a.id = m.article_id "
                                 "WHERE m.story_id = $1 AND a.published_at IS NOT NULL GROUP BY day ORDER BY day",
                             Params().Int(story.id));
    if (!activity.ok()) return activity.status();
    for (int i = 0; i < activity.value().Count(); ++i) {
      story.activity.emplace_back(std::string(activity.value().Text(i, 0)),
                                  static_cast<int>(activity.value().Int(i, 1)));
    }
  }
  return Status::Ok();
}

// ListStories' query: the stories passing `filter`, in list order, at most `limit` (negative:
// all); each one's list position in *positions.
Result<std::vector<StorySummary>> QueryStories(PgConnection& db, const store::StoryFilter& filter, int64_t limit,
                                               std::vector<store::StoryCursor>* positions) {
  std::vector<StorySummary> out;
  std::string words;
  if (filter.query) {
    words = SearchWords(*filter.query);
    if (words.empty()) return out;
  }
  // $1 since, $2 until, $3 words, $4 source, $5 and $6 the cursor, $7 limit (NULL: all), $8 storyline.
  std::string sql = SummaryColumns() +
                    "WHERE article_count > 0 "
                    "AND ($1::bigint IS NULL OR last_published_at >= $1::bigint) "
                    "AND ($2::bigint IS NULL OR first_published_at < $2::bigint) "
                    "AND ($8::bigint IS NULL OR id IN (SELECT story_id FROM story_storylines WHERE storyline_id = "
                    "$8::bigint)) ";
  if (filter.query) {
    sql +=
        "AND id IN (SELECT m.story_id FROM articles a JOIN memberships m ON m.article_id = a.id "
        "WHERE a.search @@ plainto_tsquery('storydesk_search', $3::text)) ";
  } else {
    sql += "AND $3::text IS NULL ";
  }
  if (filter.source) {
    sql +=
        "AND id IN (SELECT m.story_id FROM articles a JOIN memberships m ON m.article_id = a.id "
        "WHERE a.source = $4::text) ";
  } else {
    sql += "AND $4::text IS NULL ";
  }
  if (filter.after && filter.after->last_published_at) {
    sql +=
        "AND (last_published_at < $5::bigint OR (last_published_at = $5::bigint AND id < $6::bigint) "
        "OR last_published_at IS NULL) ";
  } else if (filter.after) {
    sql += "AND last_published_at IS NULL AND id < $6::bigint AND $5::bigint IS NULL ";
  } else {
    sql += "AND $5::bigint IS NULL AND $6::bigint IS NOT NULL ";
  }
  sql += "ORDER BY last_published_at DESC NULLS LAST, id DESC LIMIT $7::bigint";
  Params params;
  params.OptionalInt(filter.since).OptionalInt(filter.until);
  if (filter.query) {
    params.Text(words);
  } else {
    params.Null();
  }
  params.OptionalText(filter.source);
  params.OptionalInt(filter.after ? filter.after->last_published_at : std::nullopt);
  params.Int(filter.after ? filter.after->id : 0);
  if (limit >= 0) {
    params.Int(limit);
  } else {
    params.Null();
  }
  params.OptionalInt(filter.storyline);
  auto rows = db.Query(sql, params);
  if (!rows.ok()) return rows.status();
  for (int i = 0; i < rows.value().Count(); ++i) {
    out.push_back(ReadSummary(rows.value(), i));
    if (positions) positions->push_back(store::StoryCursor{rows.value().OptionalInt(i, 7), rows.value().Int(i, 0)});
  }
  return out;
}

// The snippet of `text` around `fragment` (ts_headline's words, a piece of the text): the
// fragment with the punctuation that ends its last word, and "…" where the text goes on.
std::string Snippet(std::string_view text, std::string_view fragment) {
  const size_t at = fragment.empty() ? std::string_view::npos : text.find(fragment);
  if (at == std::string_view::npos) return std::string(fragment);
  size_t end = at + fragment.size();
  while (end < text.size() && text[end] != ' ' && text[end] != '\n' && text[end] != '\t') ++end;
  std::string out;
  if (at > 0) out += "\u2026";
  out += text.substr(at, end - at);
  if (end < text.size() && text.find_first_not_of(" \n\t\r", end) != std::string_view::npos) out += "\u2026";
  return out;
}

class PgHeadlineSource : public store::HeadlineSource {
 public:
  explicit PgHeadlineSource(PgConnection& db) : db_(db) {}

  Result<std::vector<std::string>> FirstMembers(int64_t story, size_t n) override {
    auto rows = db_.Query(
        "SELECT a.id FROM memberships m JOIN articles a ON a.id = m.article_id WHERE m.story_id = $1 "
        "ORDER BY a.published_at IS NULL, a.published_at, a.sequence LIMIT $2",
        Params().Int(story).Int(static_cast<int64_t>(n)));
    if (!rows.ok()) return rows.status();
    std::vector<std::string> ids;
    ids.reserve(static_cast<size_t>(rows.value().Count()));
    for (int i = 0; i < rows.value().Count(); ++i) ids.emplace_back(rows.value().Text(i, 0));
    return ids;
  }

  Result<std::optional<std::pair<std::optional<std::string>, std::string>>> ArticleStart(const std::string& id,
                                                                                         size_t chars) override {
    auto rows = db_.Query("SELECT title, substr(text, 1, $2) FROM articles WHERE id = $1",
                          Params().Text(id).Int(static_cast<int64_t>(chars)));
    if (!rows.ok()) return rows.status();
    if (rows.value().Count() == 0) return std::optional<std::pair<std::optional<std::string>, std::string>>();
    return std::optional<std::pair<std::optional<std::string>, std::string>>(
        std::make_pair(rows.value().OptionalText(0, 0), std::string(rows.value().Text(0, 1))));
  }

 private:
  PgConnection& db_;
};

}  // namespace

PgStore::PgStore(std::unique_ptr<PgConnection> db)
    : db_(std::move(db)), headlines_(std::make_unique<store::StoryHeadlines>()) {}

Result<std::unique_ptr<PgStore>> PgStore::Open(const std::string& conninfo,
                                               const store::FingerprintSettings& settings) {
  auto connection = PgConnection::Connect(conninfo);
  if (!connection.ok()) return connection.status();
  std::unique_ptr<PgStore> store(new PgStore(std::move(connection).value()));
  const PgFingerprintSettings pg_settings{settings.version, settings.shingle_words, settings.permutations,
                                          settings.bands, settings.seed};
  if (Status s = MigratePg(*store->db_, pg_settings, &store->schema_version_); !s.ok()) return s;
  return store;
}

int PgStore::SchemaVersion() const { return schema_version_; }

store::FingerprintSettings PgStore::StoredFingerprintSettings() const {
  store::FingerprintSettings s;
  auto rows = db_->Query("SELECT key, value FROM storydesk_meta");
  if (!rows.ok()) return s;
  for (int i = 0; i < rows.value().Count(); ++i) {
    const std::string_view key = rows.value().Text(i, 0);
    const int64_t value = rows.value().Int(i, 1);
    if (key == store::kMetaFingerprintVersion) s.version = static_cast<int>(value);
    if (key == store::kMetaShingleWords) s.shingle_words = static_cast<int>(value);
    if (key == store::kMetaPermutations) s.permutations = static_cast<int>(value);
    if (key == store::kMetaBands) s.bands = static_cast<int>(value);
    if (key == store::kMetaSeed) s.seed = static_cast<uint64_t>(value);
  }
  return s;
}

Status PgStore::InSnapshot(const std::function<Status()>& body) {
  if (db_->InTransaction()) return body();
  return db_->InTransaction(body, "REPEATABLE READ");
}

Status PgStore::InWrite(const std::function<Status()>& body) {
  Status s = db_->InTransaction([&]() -> Status {
    if (Status lock = db_->Exec("SELECT pg_advisory_xact_lock($1)", Params().Int(kWriterLock)); !lock.ok()) {
      return lock;
    }
    if (Status inner = body(); !inner.ok()) return inner;
    return db_->Exec(
        "INSERT INTO storydesk_meta (key, value) VALUES ('commits', '1') "
        "ON CONFLICT (key) DO UPDATE SET value = (storydesk_meta.value::bigint + 1)::text");
  });
  if (s.ok()) ++own_commits_;
  return s;
}

Result<int64_t> PgStore::DataVersion() {
  auto commits = QueryInt(*db_, "SELECT value::bigint FROM storydesk_meta WHERE key = 'commits'", 0);
  if (!commits.ok()) return commits.status();
  return commits.value() - own_commits_;
}

Result<std::optional<uint64_t>> PgStore::FindExactHash(const std::string& id) {
  auto rows = db_->Query("SELECT exact_hash FROM fingerprints WHERE article_id = $1", Params().Text(id));
  if (!rows.ok()) return rows.status();
  if (rows.value().Count() == 0) return std::optional<uint64_t>();
  return std::optional<uint64_t>(static_cast<uint64_t>(rows.value().Int(0, 0)));
}

Result<std::vector<StoredArticle>> PgStore::Articles(const std::string& where_and_order, const Params& params) {
  auto rows = db_->Query(std::string(kArticleColumns) + where_and_order, params);
  if (!rows.ok()) return rows.status();
  std::vector<StoredArticle> out;
  out.reserve(static_cast<size_t>(rows.value().Count()));
  for (int i = 0; i < rows.value().Count(); ++i) {
    auto article = ReadArticle(rows.value(), i);
    if (!article.ok()) return article.status();
    out.push_back(std::move(article).value());
  }
  return out;
}

Result<std::vector<StoredArticle>> PgStore::LoadWindow(int64_t from, int64_t to, bool include_undated) {
  return Articles(
      "WHERE a.published_at BETWEEN $1 AND $2 OR ($3::boolean AND a.published_at IS NULL) ORDER BY a.sequence",
      Params().Int(from).Int(to).Text(include_undated ? "true" : "false"));
}

Result<std::vector<StoredArticle>> PgStore::FindByExactHash(uint64_t exact_hash) {
  return Articles("WHERE f.exact_hash = $1 ORDER BY a.sequence", Params().Int(static_cast<int64_t>(exact_hash)));
}

Result<std::optional<StoredArticle>> PgStore::GetArticle(const std::string& id) {
  auto found = Articles("WHERE a.id = $1", Params().Text(id));
  if (!found.ok()) return found.status();
  if (found.value().empty()) return std::optional<StoredArticle>();
  return std::optional<StoredArticle>(std::move(found.value().front()));
}

Result<std::vector<StoredArticle>> PgStore::CopyFamilyArticles() {
  return Articles(
      "LEFT JOIN articles o ON o.id = COALESCE(c.original_id, a.id) "
      "WHERE a.id IN (SELECT article_id FROM copies UNION SELECT original_id FROM copies) "
      "ORDER BY o.published_at IS NULL, o.published_at, o.sequence, c.original_id IS NOT NULL, "
      "a.published_at IS NULL, a.published_at, a.sequence",
      Params());
}

Result<int64_t> PgStore::DocumentCount() {
  return QueryInt(*db_, "SELECT value::bigint FROM storydesk_meta WHERE key = 'document_count'", 0);
}

Result<std::map<std::string, int64_t>> PgStore::LoadDocumentFrequencies() {
  auto rows = db_->Query("SELECT term, df FROM document_frequencies");
  if (!rows.ok()) return rows.status();
  std::map<std::string, int64_t> out;
  for (int i = 0; i < rows.value().Count(); ++i) out.emplace(rows.value().Text(i, 0), rows.value().Int(i, 1));
  return out;
}

Result<int64_t> PgStore::MaxStoryId() {
  return QueryInt(*db_,
                  "SELECT greatest(coalesce((SELECT max(id) FROM stories), 0), "
                  "coalesce((SELECT max(story_id) FROM story_merges), 0))",
                  0);
}

Result<int64_t> PgStore::MaxStorylineId() {
  return QueryInt(*db_,
                  "SELECT greatest(coalesce((SELECT value::bigint FROM storydesk_meta WHERE key = 'max_storyline_id'), "
                  "0), coalesce((SELECT max(storyline_id) FROM story_storylines), 0))",
                  0);
}

Result<std::optional<int64_t>> PgStore::NewestPublished() {
  auto rows = db_->Query("SELECT max(published_at) FROM articles");
  if (!rows.ok()) return rows.status();
  return rows.value().OptionalInt(0, 0);
}

Status PgStore::MergeStory(int64_t from, int64_t into, const std::string& article_id) {
  if (from == into) return Status::Ok();
  const std::pair<const char*, int> steps[] = {
      {"UPDATE memberships SET story_id = $2 WHERE story_id = $1", 2},
      {"UPDATE story_merges SET into_story_id = $2 WHERE into_story_id = $1", 2},
      {"INSERT INTO story_merges (story_id, into_story_id, merged_by) VALUES ($1, $2, $3) "
       "ON CONFLICT (story_id) DO UPDATE SET into_story_id = excluded.into_story_id",
       3},
      {"DELETE FROM story_storylines WHERE story_id = $1", 1},
      {"DELETE FROM stories WHERE id = $1", 1},
  };
  for (const auto& [sql, parameters] : steps) {
    Params p;
    p.Int(from);
    if (parameters >= 2) p.Int(into);
    if (parameters >= 3) p.Text(article_id);
    if (Status s = db_->Exec(sql, p); !s.ok()) return s;
  }
  return Status::Ok();
}

Status PgStore::RefreshStory(int64_t id, const std::set<std::string>& added, bool merged) {
  auto aggregate = db_->Query(
      "SELECT min(a.published_at), max(a.published_at), count(*), count(DISTINCT a.source), count(c.article_id), "
      "(SELECT headline FROM stories WHERE id = $1) "
      "FROM memberships m JOIN articles a ON a.id = m.article_id "
      "LEFT JOIN copies c ON c.article_id = a.id WHERE m.story_id = $1",
      Params().Int(id));
  if (!aggregate.ok()) return aggregate.status();
  const Rows& agg = aggregate.value();
  PgHeadlineSource source(*db_);
  Result<std::string> headline = headlines_->Refresh(source, id, agg.OptionalText(0, 5), added, merged);
  if (!headline.ok()) return headline.status();
  return db_->Exec(
      "INSERT INTO stories (id, first_published_at, last_published_at, article_count, source_count, copy_count, "
      "headline) VALUES ($1, $2, $3, $4, $5, $6, $7) ON CONFLICT (id) DO UPDATE SET "
      "first_published_at = excluded.first_published_at, last_published_at = excluded.last_published_at, "
      "article_count = excluded.article_count, source_count = excluded.source_count, "
      "copy_count = excluded.copy_count, headline = excluded.headline",
      Params()
          .Int(id)
          .OptionalInt(agg.OptionalInt(0, 0))
          .OptionalInt(agg.OptionalInt(0, 1))
          .Int(agg.Int(0, 2))
          .Int(agg.Int(0, 3))
          .Int(agg.Int(0, 4))
          .Text(headline.value()));
}

Status PgStore::CommitBatch(std::vector<StoredArticle>& articles, const std::map<std::string, int64_t>& df_deltas,
                            int64_t documents_added, std::optional<int64_t> decided_at) {
  Status committed = InWrite([&]() -> Status {
    // Under the writer lock: the counter now says whether anyone committed since the caller read.
    if (decided_at) {
      auto version = DataVersion();
      if (!version.ok()) return version.status();
      if (version.value() != *decided_at) return Status::Error(ErrorCode::kConflict, store::kStaleWriterMessage);
    }
    auto next = QueryInt(*db_, "SELECT max(sequence) FROM articles", 0);
    if (!next.ok()) return next.status();
    int64_t sequence = next.value();
    std::set<int64_t> touched;
    std::map<int64_t, std::set<std::string>> added;
    std::set<int64_t> merged_into;
    for (StoredArticle& s : articles) {
      auto exists = db_->Query("SELECT 1 FROM articles WHERE id = $1", Params().Text(s.raw.id));
      if (!exists.ok()) return exists.status();
      if (exists.value().Count() > 0) {
        return Status::Error(ErrorCode::kConflict, "article '" + s.raw.id + "' is already stored");
      }
      if (s.story <= 0) {
        return Status::Error(ErrorCode::kStore, "article '" + s.raw.id + "' has no story (internal error)");
      }
      s.sequence = ++sequence;
      Status st = db_->Exec(
          "INSERT INTO articles (id, sequence, source, url, title, published, published_at, place, bullets, text, "
          "verbatim, origin) VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12)",
          Params()
              .Text(s.raw.id)
              .Int(s.sequence)
              .OptionalText(s.raw.source)
              .OptionalText(s.raw.url)
              .OptionalText(s.raw.title)
              .OptionalText(s.raw.published)
              .OptionalInt(s.raw.published_at)
              .OptionalText(s.raw.place)
              .Text(store::EncodeStringArray(s.raw.bullets))
              .Text(s.raw.text)
              .Bytes(s.raw.verbatim)
              .Text(s.raw.origin));
      if (!st.ok()) return st;
      st = db_->Exec(
          "INSERT INTO fingerprints (article_id, exact_hash, minhash) VALUES ($1, $2, $3)",
          Params().Text(s.raw.id).Int(static_cast<int64_t>(s.exact_hash)).Bytes(store::EncodeSignature(s.minhash)));
      if (!st.ok()) return st;
      st = db_->Exec("INSERT INTO stories (id) VALUES ($1) ON CONFLICT (id) DO NOTHING", Params().Int(s.story));
      if (!st.ok()) return st;
      st = db_->Exec("INSERT INTO memberships (article_id, story_id) VALUES ($1, $2)",
                     Params().Text(s.raw.id).Int(s.story));
      if (!st.ok()) return st;
      if (s.storyline > 0) {
        st = db_->Exec(
            "INSERT INTO story_storylines (story_id, storyline_id) VALUES ($1, $2) "
            "ON CONFLICT (story_id) DO UPDATE SET storyline_id = excluded.storyline_id",
            Params().Int(s.story).Int(s.storyline));
        if (!st.ok()) return st;
      }
      if (s.copy_of) {
        st = db_->Exec("INSERT INTO copies (article_id, original_id, relation, score) VALUES ($1, $2, $3, $4)",
                       Params()
                           .Text(s.raw.id)
                           .Text(*s.copy_of)
                           .Text(s.relation == copies::CopyKind::kNone ? "near" : copies::CopyKindName(s.relation))
                           .Real(s.copy_score));
        if (!st.ok()) return st;
      }
      for (const copies::CopyUpdate& u : s.copy_updates) {
        if (u.relation != copies::CopyKind::kNone) {
          st = db_->Exec(
              "INSERT INTO copies (article_id, original_id, relation, score) VALUES ($1, $2, $3, $4) "
              "ON CONFLICT (article_id) DO UPDATE SET original_id = $2, relation = $3, score = $4",
              Params().Text(u.article).Text(u.copy_of).Text(copies::CopyKindName(u.relation)).Real(u.score));
        } else {
          st = db_->Exec("UPDATE copies SET original_id = $2 WHERE article_id = $1",
                         Params().Text(u.article).Text(u.copy_of));
        }
        if (!st.ok()) return st;
        auto story = db_->Query("SELECT story_id FROM memberships WHERE article_id = $1", Params().Text(u.article));
        if (!story.ok()) return story.status();
        if (story.value().Count() > 0) touched.insert(story.value().Int(0, 0));
      }
      touched.insert(s.story);
      added[s.story].insert(s.raw.id);
      if (s.headline_evidence) headlines_->Remember(s.raw.id, *s.headline_evidence);
      for (int64_t from : s.merged_stories) {
        if (Status merge = MergeStory(from, s.story, s.raw.id); !merge.ok()) return merge;
        touched.erase(from);
        merged_into.insert(s.story);
      }
    }
    for (const auto& [term, delta] : df_deltas) {
      Status st = db_->Exec(
          "INSERT INTO document_frequencies (term, df) VALUES ($1, $2) "
          "ON CONFLICT (term) DO UPDATE SET df = document_frequencies.df + excluded.df",
          Params().Text(term).Int(delta));
      if (!st.ok()) return st;
    }
    int64_t max_storyline = 0;
    for (const StoredArticle& s : articles) max_storyline = std::max(max_storyline, s.storyline);
    if (max_storyline > 0) {
      Status st = db_->Exec(
          "INSERT INTO storydesk_meta (key, value) VALUES ('max_storyline_id', $1) ON CONFLICT (key) DO UPDATE "
          "SET value = greatest(storydesk_meta.value::bigint, excluded.value::bigint)::text",
          Params().Int(max_storyline));
      if (!st.ok()) return st;
    }
    Status st = db_->Exec("UPDATE storydesk_meta SET value = (value::bigint + $1)::text WHERE key = 'document_count'",
                          Params().Int(documents_added));
    if (!st.ok()) return st;
    static const std::set<std::string> kNone;
    for (int64_t story : touched) {
      const auto it = added.find(story);
      if (Status refresh = RefreshStory(story, it == added.end() ? kNone : it->second, merged_into.contains(story));
          !refresh.ok()) {
        return refresh;
      }
    }
    return Status::Ok();
  });
  if (!committed.ok()) headlines_->Forget();
  return committed;
}

Result<std::vector<StorySummary>> PgStore::ListStories(const store::StoryFilter& filter) {
  std::vector<StorySummary> out;
  Status s = InSnapshot([&]() -> Status {
    auto stories = QueryStories(*db_, filter, filter.limit ? *filter.limit : -1, nullptr);
    if (!stories.ok()) return stories.status();
    out = std::move(stories).value();
    return AddStoryDetails(*db_, &out);
  });
  if (!s.ok()) return s;
  return out;
}

Result<store::StoryPage> PgStore::ListStoryPage(const store::StoryFilter& filter) {
  const int size = filter.limit.value_or(store::kDefaultStoryPageSize);
  if (Status s = store::CheckPageSize(size); !s.ok()) return s;
  store::StoryPage page;
  Status s = InSnapshot([&]() -> Status {
    std::vector<store::StoryCursor> positions;
    auto stories = QueryStories(*db_, filter, int64_t{size} + 1, &positions);
    if (!stories.ok()) return stories.status();
    page.stories = std::move(stories).value();
    if (page.stories.size() > static_cast<size_t>(size)) {
      page.stories.resize(static_cast<size_t>(size));
      page.next = positions[static_cast<size_t>(size) - 1];
    }
    return AddStoryDetails(*db_, &page.stories);
  });
  if (!s.ok()) return s;
  return page;
}

Result<std::vector<store::ArticleMatch>> PgStore::SearchArticles(const std::string& query, int limit, int per_story) {
  if (Status s = store::CheckSearchLimits(limit, per_story); !s.ok()) return s;
  std::vector<store::ArticleMatch> out;
  const std::string words = SearchWords(query);
  if (words.empty()) return out;
  Status s = InSnapshot([&]() -> Status {
    // The best `limit` by rank, each story's matches numbered in rank order to keep its best
    // `per_story`; ties in ingest order. Then a snippet of each of those alone.
    // ts_rank normalised by the document's length (2): like bm25, one mention in a long text
    // ranks below one in a short note.
    auto best = db_->Query(
        "SELECT sequence, id, title, story_id, text FROM ("
        "SELECT a.sequence, a.id, a.title, m.story_id, a.text, ts_rank(a.search, q, 2) AS rank, "
        "row_number() OVER (PARTITION BY m.story_id ORDER BY ts_rank(a.search, q, 2) DESC, a.sequence) AS nth "
        "FROM articles a JOIN memberships m ON m.article_id = a.id, plainto_tsquery('storydesk_search', $1) q "
        "WHERE a.search @@ q) ranked WHERE nth <= $3 ORDER BY rank DESC, sequence LIMIT $2",
        Params().Text(words).Int(limit).Int(per_story));
    if (!best.ok()) return best.status();
    for (int i = 0; i < best.value().Count(); ++i) {
      store::ArticleMatch match{std::string(best.value().Text(i, 1)), best.value().OptionalText(i, 2), "",
                                best.value().Int(i, 3)};
      auto fragment = db_->Query(
          "SELECT ts_headline('storydesk_search', $2, plainto_tsquery('storydesk_search', $1), "
          "'StartSel=\"\", StopSel=\"\", MaxWords=12, MinWords=6, ShortWord=0, MaxFragments=1')",
          Params().Text(words).Text(best.value().Text(i, 4)));
      if (!fragment.ok()) return fragment.status();
      match.snippet = Snippet(best.value().Text(i, 4), fragment.value().Text(0, 0));
      auto story = ResolveStory(match.story);
      if (!story.ok()) return story.status();
      match.story = story.value();
      out.push_back(std::move(match));
    }
    return Status::Ok();
  });
  if (!s.ok()) return s;
  return out;
}

Result<int64_t> PgStore::ArticleCount() { return QueryInt(*db_, "SELECT count(*) FROM articles", 0); }

Result<int64_t> PgStore::StoryCount() {
  return QueryInt(*db_, "SELECT count(*) FROM stories WHERE article_count > 0", 0);
}

Result<int64_t> PgStore::ResolveStory(int64_t id) {
  for (int hops = 0; hops < 64; ++hops) {
    auto rows = db_->Query("SELECT into_story_id FROM story_merges WHERE story_id = $1", Params().Int(id));
    if (!rows.ok()) return rows.status();
    if (rows.value().Count() == 0) return id;
    id = rows.value().Int(0, 0);
  }
  return Status::Error(ErrorCode::kStore, "story merges form a cycle at story " + std::to_string(id));
}

Result<StorySummary> PgStore::GetStory(int64_t requested) {
  std::vector<StorySummary> found;
  Status s = InSnapshot([&]() -> Status {
    auto resolved = ResolveStory(requested);
    if (!resolved.ok()) return resolved.status();
    auto rows = db_->Query(SummaryColumns() + "WHERE id = $1 AND article_count > 0", Params().Int(resolved.value()));
    if (!rows.ok()) return rows.status();
    if (rows.value().Count() == 0) return Status::Error(ErrorCode::kNotFound, "no story " + std::to_string(requested));
    found.push_back(ReadSummary(rows.value(), 0));
    return AddStoryDetails(*db_, &found);
  });
  if (!s.ok()) return s;
  return std::move(found.front());
}

Result<std::vector<StoredArticle>> PgStore::StoryArticles(int64_t requested) {
  auto resolved = ResolveStory(requested);
  if (!resolved.ok()) return resolved.status();
  return Articles("WHERE m.story_id = $1 ORDER BY a.published_at IS NULL, a.published_at, a.sequence",
                  Params().Int(resolved.value()));
}

Result<std::vector<store::StoryMember>> PgStore::StoryMembers(int64_t requested) {
  auto resolved = ResolveStory(requested);
  if (!resolved.ok()) return resolved.status();
  auto rows = db_->Query(
      "SELECT a.id, a.source, a.published_at, c.original_id IS NOT NULL "
      "FROM memberships m JOIN articles a ON a.id = m.article_id LEFT JOIN copies c ON c.article_id = a.id "
      "WHERE m.story_id = $1 ORDER BY a.published_at IS NULL, a.published_at, a.sequence",
      Params().Int(resolved.value()));
  if (!rows.ok()) return rows.status();
  std::vector<store::StoryMember> out;
  for (int i = 0; i < rows.value().Count(); ++i) {
    store::StoryMember m;
    m.id = std::string(rows.value().Text(i, 0));
    m.source = rows.value().OptionalText(i, 1);
    m.published_at = rows.value().OptionalInt(i, 2);
    m.copy = rows.value().Text(i, 3) == "t";
    out.push_back(std::move(m));
  }
  return out;
}

Status PgStore::ForEachArticle(const std::function<bool(const StoredArticle&)>& visit) {
  // Pages of 1,000 by sequence: memory stays bounded however many articles there are.
  int64_t after = 0;
  for (;;) {
    auto page = Articles("WHERE a.sequence > $1 ORDER BY a.sequence LIMIT 1000", Params().Int(after));
    if (!page.ok()) return page.status();
    if (page.value().empty()) return Status::Ok();
    for (const StoredArticle& a : page.value()) {
      if (!visit(a)) return Status::Ok();
      after = a.sequence;
    }
  }
}

Result<int64_t> PgStore::ApplyCorrection(const store::CorrectionPlan& plan) {
  if (plan.moves.empty() || plan.into <= 0) {
    return Status::Error(ErrorCode::kUsage, "a correction moves at least one article into a story");
  }
  int64_t id = 0;
  Status committed = InWrite([&]() -> Status {
    auto conflict = [](const std::string& what) {
      return Status::Error(ErrorCode::kConflict, what + "; the stories changed meanwhile, nothing was corrected");
    };
    for (const auto& [article, from] : plan.moves) {
      auto story = db_->Query("SELECT story_id FROM memberships WHERE article_id = $1", Params().Text(article));
      if (!story.ok()) return story.status();
      if (story.value().Count() == 0 || story.value().Int(0, 0) != from) {
        return conflict("article '" + article + "' is no longer in story " + std::to_string(from));
      }
    }
    if (plan.kind == store::CorrectionKind::kSplit) {
      auto taken = QueryInt(*db_,
                            "SELECT (SELECT count(*) FROM stories WHERE id = $1) + "
                            "(SELECT count(*) FROM story_merges WHERE story_id = $1) + "
                            "(SELECT count(*) FROM memberships WHERE story_id = $1)",
                            0, Params().Int(plan.into));
      if (!taken.ok()) return taken.status();
      if (taken.value() != 0) return conflict("story id " + std::to_string(plan.into) + " is taken");
      if (Status st = db_->Exec("INSERT INTO stories (id) VALUES ($1)", Params().Int(plan.into)); !st.ok()) return st;
      if (plan.storyline > 0) {
        Status st = db_->Exec("INSERT INTO story_storylines (story_id, storyline_id) VALUES ($1, $2)",
                              Params().Int(plan.into).Int(plan.storyline));
        if (!st.ok()) return st;
      }
    } else {
      auto live = db_->Query("SELECT 1 FROM stories WHERE id = $1", Params().Int(plan.into));
      if (!live.ok()) return live.status();
      if (live.value().Count() == 0) return conflict("story " + std::to_string(plan.into) + " is gone");
    }
    std::set<int64_t> left;
    std::vector<std::string> articles, from_stories;
    for (const auto& [article, from] : plan.moves) {
      Status st = db_->Exec("UPDATE memberships SET story_id = $2 WHERE article_id = $1",
                            Params().Text(article).Int(plan.into));
      if (!st.ok()) return st;
      left.insert(from);
      articles.push_back(article);
      from_stories.push_back(std::to_string(from));
    }
    std::vector<std::string> emptied;
    for (int64_t story : plan.emptied) {
      auto remaining = QueryInt(*db_, "SELECT count(*) FROM memberships WHERE story_id = $1", 0, Params().Int(story));
      if (!remaining.ok()) return remaining.status();
      if (remaining.value() != 0) return conflict("story " + std::to_string(story) + " has other articles");
      if (Status st = MergeStory(story, plan.into, plan.moves.front().first); !st.ok()) return st;
      left.erase(story);
      emptied.push_back(std::to_string(story));
    }
    if (plan.kind == store::CorrectionKind::kMoveEvent) {
      if (plan.storyline <= 0) return Status::Error(ErrorCode::kUsage, "an event moves into a storyline (id > 0)");
      Status st = db_->Exec(
          "INSERT INTO story_storylines (story_id, storyline_id) VALUES ($1, $2) "
          "ON CONFLICT (story_id) DO UPDATE SET storyline_id = excluded.storyline_id",
          Params().Int(plan.into).Int(plan.storyline));
      if (!st.ok()) return st;
      st = db_->Exec(
          "INSERT INTO storydesk_meta (key, value) VALUES ('max_storyline_id', $1) ON CONFLICT (key) DO UPDATE "
          "SET value = greatest(storydesk_meta.value::bigint, excluded.value::bigint)::text",
          Params().Int(plan.storyline));
      if (!st.ok()) return st;
      left.clear();
    }
    static const std::set<std::string> kNone;
    if (plan.kind != store::CorrectionKind::kMoveEvent) left.insert(plan.into);
    for (int64_t story : left) {
      if (Status st = RefreshStory(story, kNone, /*merged=*/true); !st.ok()) return st;
    }
    auto record = db_->Query(
        "INSERT INTO corrections (kind, made_at, made_by, note, articles, from_stories, into_story_id, storyline_id, "
        "emptied) VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9) RETURNING id",
        Params()
            .Text(store::CorrectionKindName(plan.kind))
            .Int(plan.made_at)
            .Text(plan.by)
            .Text(plan.note)
            .Text(store::EncodeStringArray(articles))
            .Text(store::EncodeStringArray(from_stories))
            .Int(plan.into)
            .Int(plan.storyline)
            .Text(store::EncodeStringArray(emptied)));
    if (!record.ok()) return record.status();
    id = record.value().Int(0, 0);
    return Status::Ok();
  });
  if (!committed.ok()) return committed;
  return id;
}

Result<std::vector<store::CorrectionRecord>> PgStore::ListCorrections() {
  auto rows = db_->Query(
      "SELECT id, kind, made_at, made_by, note, articles, from_stories, into_story_id, storyline_id, emptied "
      "FROM corrections ORDER BY id");
  if (!rows.ok()) return rows.status();
  auto ids = [](const std::vector<std::string>& strings) -> Result<std::vector<int64_t>> {
    std::vector<int64_t> values;
    for (const std::string& s : strings) {
      size_t used = 0;
      int64_t v = 0;
      try {
        v = std::stoll(s, &used);
      } catch (const std::exception&) {
        used = 0;
      }
      if (used == 0 || used != s.size()) {
        return Status::Error(ErrorCode::kStore, "a correction names story '" + s + "', which is no story id");
      }
      values.push_back(v);
    }
    return values;
  };
  std::vector<store::CorrectionRecord> out;
  const Rows& r = rows.value();
  for (int i = 0; i < r.Count(); ++i) {
    store::CorrectionRecord rec;
    rec.id = r.Int(i, 0);
    const std::string_view kind = r.Text(i, 1);
    rec.plan.kind = kind == "split"        ? store::CorrectionKind::kSplit
                    : kind == "merge"      ? store::CorrectionKind::kMerge
                    : kind == "move-event" ? store::CorrectionKind::kMoveEvent
                                           : store::CorrectionKind::kMove;
    rec.plan.made_at = r.Int(i, 2);
    rec.plan.by = std::string(r.Text(i, 3));
    rec.plan.note = std::string(r.Text(i, 4));
    auto articles = store::DecodeStringArray(std::string(r.Text(i, 5)));
    if (!articles.ok()) return articles.status();
    auto from_text = store::DecodeStringArray(std::string(r.Text(i, 6)));
    if (!from_text.ok()) return from_text.status();
    auto from = ids(from_text.value());
    if (!from.ok()) return from.status();
    if (from.value().size() != articles.value().size()) {
      return Status::Error(ErrorCode::kStore, "correction " + std::to_string(rec.id) + " is damaged");
    }
    for (size_t k = 0; k < from.value().size(); ++k) rec.plan.moves.emplace_back(articles.value()[k], from.value()[k]);
    rec.plan.into = r.Int(i, 7);
    rec.plan.storyline = r.Int(i, 8);
    auto emptied_text = store::DecodeStringArray(std::string(r.Text(i, 9)));
    if (!emptied_text.ok()) return emptied_text.status();
    auto emptied = ids(emptied_text.value());
    if (!emptied.ok()) return emptied.status();
    rec.plan.emptied = std::move(emptied).value();
    out.push_back(std::move(rec));
  }
  return out;
}

Status PgStore::Refingerprint(
    const store::FingerprintSettings& settings,
    const std::function<void(const RawArticle&, uint64_t* exact_hash, std::vector<uint32_t>* minhash)>& fingerprint) {
  return InWrite([&]() -> Status {
    auto all = Articles("ORDER BY a.sequence", Params());
    if (!all.ok()) return all.status();
    for (const StoredArticle& s : all.value()) {
      uint64_t exact = 0;
      std::vector<uint32_t> minhash;
      fingerprint(s.raw, &exact, &minhash);
      Status st =
          db_->Exec("UPDATE fingerprints SET exact_hash = $2, minhash = $3 WHERE article_id = $1",
                    Params().Text(s.raw.id).Int(static_cast<int64_t>(exact)).Bytes(store::EncodeSignature(minhash)));
      if (!st.ok()) return st;
    }
    const std::pair<const char*, int64_t> rows[] = {
        {store::kMetaFingerprintVersion, settings.version},      {store::kMetaShingleWords, settings.shingle_words},
        {store::kMetaPermutations, settings.permutations},       {store::kMetaBands, settings.bands},
        {store::kMetaSeed, static_cast<int64_t>(settings.seed)},
    };
    for (const auto& [key, value] : rows) {
      Status st = db_->Exec(
          "INSERT INTO storydesk_meta (key, value) VALUES ($1, $2) "
          "ON CONFLICT (key) DO UPDATE SET value = excluded.value",
          Params().Text(key).Int(value));
      if (!st.ok()) return st;
    }
    return Status::Ok();
  });
}

}  // namespace storydesk::pg
