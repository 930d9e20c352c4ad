#include "adapters/store/sqlite_rows.h"

#include <sqlite3.h>

#include "adapters/store/string_array.h"

namespace storydesk::store {

// The columns every StoredArticle is read from, in the order ReadArticle expects.
const char* const kArticleColumns =
    "a.id, a.sequence, a.source, a.url, a.title, a.published, a.published_at, a.place, a.bullets, a.text, "
    "a.verbatim, a.origin, f.exact_hash, f.minhash, m.story_id, c.original_id, c.relation, c.score, "
    "coalesce(sl.storyline_id, 0) "
    "FROM articles a "
    "JOIN fingerprints f ON f.article_id = a.id "
    "JOIN memberships m ON m.article_id = a.id "
    "LEFT JOIN copies c ON c.article_id = a.id "
    "LEFT JOIN story_storylines sl ON sl.story_id = m.story_id ";

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
  if (const std::optional<std::string> relation = row.ColumnOptionalText(16)) {
    const std::optional<copies::CopyKind> kind = copies::CopyKindFromName(*relation);
    if (!kind) {
      return Status::Error(ErrorCode::kStore,
                           "article '" + s.raw.id + "' has an unknown copy relation '" + *relation + "' in the store");
    }
    s.relation = *kind;
  }
  s.copy_score = row.ColumnIsNull(17) ? 0.0 : row.ColumnDouble(17);
  s.storyline = row.ColumnInt64(18);
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

}  // namespace storydesk::store
