// SqliteStore's reads: lookups by id, hash and time, listing and paging stories, search.
// (Opening and writing are in sqlite_store.cc.)
#include <sqlite3.h>

#include <exception>
#include <limits>
#include <string>
#include <vector>

#include "adapters/store/fts_query.h"
#include "adapters/store/sqlite_rows.h"
#include "adapters/store/sqlite_store.h"
#include "adapters/store/statement.h"
#include "adapters/store/string_array.h"

namespace storydesk::store {
namespace {

StorySummary ReadSummary(const Statement& row) {
  StorySummary s;
  s.id = row.ColumnInt64(0);
  s.headline = row.ColumnText(1);
  s.first_published = row.ColumnOptionalText(2);
  s.last_published = row.ColumnOptionalText(3);
  s.articles = static_cast<int>(row.ColumnInt64(4));
  s.sources = static_cast<int>(row.ColumnInt64(5));
  s.copies = static_cast<int>(row.ColumnInt64(6));
  s.storyline = row.ColumnInt64(8);
  s.storyline_events = static_cast<int>(row.ColumnInt64(9));
  return s;
}

// Column 7 (last_published_at, for cursors) is not part of StorySummary.
constexpr const char* kSummaryColumns =
    "id, headline, date(first_published_at, 'unixepoch'), date(last_published_at, 'unixepoch'), "
    "article_count, source_count, copy_count, last_published_at, "
    "coalesce((SELECT storyline_id FROM story_storylines WHERE story_id = stories.id), 0), "
    "(SELECT count(*) FROM story_storylines o JOIN story_storylines s ON o.storyline_id = s.storyline_id "
    "WHERE s.story_id = stories.id) FROM stories ";

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
  // last_published_at and id, ?7 limit, ?8 storyline. ?7 and ?8 are always present, so every
  // index can be bound.
  std::string sql = std::string("SELECT ") + kSummaryColumns +
                    "WHERE article_count > 0 "
                    "AND (?1 IS NULL OR last_published_at >= ?1) "
                    "AND (?2 IS NULL OR first_published_at < ?2) "
                    "AND (?8 IS NULL OR id IN (SELECT story_id FROM story_storylines WHERE storyline_id = ?8)) ";
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
  q.BindOptionalInt64(8, filter.storyline);
  while (true) {
    Result<bool> row = q.Step();
    if (!row.ok()) return row.status();
    if (!row.value()) break;
    out.push_back(ReadSummary(q));
    if (positions) positions->push_back(ReadPosition(q));
  }
  return out;
}

}  // namespace

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
  if (Status s = CheckPageSize(size); !s.ok()) return s;
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
  if (Status s = CheckSearchLimits(limit, per_story); !s.ok()) return s;
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

Result<std::vector<CorrectionRecord>> SqliteStore::ListCorrections() {
  auto query = Statement::Prepare(db_,
                                  "SELECT id, kind, made_at, made_by, note, articles, from_stories, into_story_id, "
                                  "storyline_id, emptied FROM corrections ORDER BY id");
  if (!query.ok()) return query.status();
  Statement& q = query.value();
  std::vector<CorrectionRecord> out;
  // Story ids are kept as decimal strings in the arrays; a file written otherwise is damaged.
  auto ids = [&](const std::vector<std::string>& strings) -> Result<std::vector<int64_t>> {
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
  for (;;) {
    Result<bool> row = q.Step();
    if (!row.ok()) return row.status();
    if (!row.value()) break;
    CorrectionRecord r;
    r.id = q.ColumnInt64(0);
    const std::string kind = q.ColumnText(1);
    r.plan.kind = kind == "split"        ? CorrectionKind::kSplit
                  : kind == "merge"      ? CorrectionKind::kMerge
                  : kind == "move-event" ? CorrectionKind::kMoveEvent
                                         : CorrectionKind::kMove;
    r.plan.made_at = q.ColumnInt64(2);
    r.plan.by = q.ColumnText(3);
    r.plan.note = q.ColumnText(4);
    auto articles = DecodeStringArray(q.ColumnText(5));
    if (!articles.ok()) return articles.status();
    auto from_text = DecodeStringArray(q.ColumnText(6));
    if (!from_text.ok()) return from_text.status();
    auto from = ids(from_text.value());
    if (!from.ok()) return from.status();
    if (from.value().size() != articles.value().size()) {
      return Status::Error(ErrorCode::kStore, "correction " + std::to_string(r.id) + " is damaged");
    }
    for (size_t i = 0; i < from.value().size(); ++i) r.plan.moves.emplace_back(articles.value()[i], from.value()[i]);
    r.plan.into = q.ColumnInt64(7);
    r.plan.storyline = q.ColumnInt64(8);
    auto emptied_text = DecodeStringArray(q.ColumnText(9));
    if (!emptied_text.ok()) return emptied_text.status();
    auto emptied = ids(emptied_text.value());
    if (!emptied.ok()) return emptied.status();
    r.plan.emptied = std::move(emptied).value();
    out.push_back(std::move(r));
  }
  return out;
}

}  // namespace storydesk::store
