// SqliteStore::CheckInvariants — `storydesk check`: what every storydesk file must satisfy.
//
// Each check is one query whose rows are violations, phrased for an operator. They read one
// snapshot (a read transaction), so a writer committing meanwhile cannot produce a false
// alarm. The full-text index's own integrity-check runs last, outside that snapshot: FTS5
// runs it as an INSERT, which needs the write lock; it is rolled back.
#include <sqlite3.h>

#include "adapters/store/sqlite_store.h"
#include "adapters/store/statement.h"

namespace storydesk::store {
namespace {

struct Check {
  const char* why;  // what goes wrong when it fails (for readers of this file)
  const char* sql;  // one text column: the violation
};

constexpr Check kChecks[] = {
    {"an article without a fingerprint is invisible to copy detection",
     "SELECT printf('article %Q has no fingerprint', a.id) FROM articles a "
     "WHERE NOT EXISTS (SELECT 1 FROM fingerprints f WHERE f.article_id = a.id)"},
    {"every stored article belongs to exactly one story (memberships is keyed by article)",
     "SELECT printf('article %Q is in no story', a.id) FROM articles a "
     "WHERE NOT EXISTS (SELECT 1 FROM memberships m WHERE m.article_id = a.id)"},
    {"a membership, fingerprint or copy row outlived its article",
     "SELECT printf('membership of article %Q, which is not stored', m.article_id) FROM memberships m "
     "WHERE NOT EXISTS (SELECT 1 FROM articles a WHERE a.id = m.article_id) "
     "UNION ALL SELECT printf('fingerprint of article %Q, which is not stored', f.article_id) FROM fingerprints f "
     "WHERE NOT EXISTS (SELECT 1 FROM articles a WHERE a.id = f.article_id) "
     "UNION ALL SELECT printf('copy row of article %Q, which is not stored', c.article_id) FROM copies c "
     "WHERE NOT EXISTS (SELECT 1 FROM articles a WHERE a.id = c.article_id)"},
    {"listing reads summary rows: a member of a story without one is never listed",
     "SELECT printf('article %Q is in story %d, which has no summary row', m.article_id, m.story_id) "
     "FROM memberships m WHERE NOT EXISTS (SELECT 1 FROM stories s WHERE s.id = m.story_id)"},
    {"a merge moves every member to the surviving story",
     "SELECT printf('story %d was merged into story %d but still has %d articles', sm.story_id, sm.into_story_id, "
     "(SELECT count(*) FROM memberships m WHERE m.story_id = sm.story_id)) FROM story_merges sm "
     "WHERE EXISTS (SELECT 1 FROM memberships m WHERE m.story_id = sm.story_id) "
     "UNION ALL SELECT printf('story %d was merged into story %d, which does not exist', sm.story_id, "
     "sm.into_story_id) "
     "FROM story_merges sm WHERE NOT EXISTS (SELECT 1 FROM stories s WHERE s.id = sm.into_story_id)"},
    {"a story exists only while it has articles (a half-written batch would leave one empty)",
     "SELECT printf('story %d has no articles', s.id) FROM stories s "
     "WHERE NOT EXISTS (SELECT 1 FROM memberships m WHERE m.story_id = s.id)"},
    {"summary rows are refreshed with every batch touching the story",
     "SELECT printf('story %d summary says %d articles, %d sources, %d copies, first %s, last %s; "
     "its members give %d, %d, %d, %s, %s', s.id, s.article_count, s.source_count, s.copy_count, "
     "coalesce(s.first_published_at, 'none'), coalesce(s.last_published_at, 'none'), g.n, g.sources, g.copies, "
     "coalesce(g.first, 'none'), coalesce(g.last, 'none')) "
     "FROM stories s JOIN (SELECT m.story_id AS id, count(*) AS n, count(DISTINCT a.source) AS sources, "
     "count(c.article_id) AS copies, min(a.published_at) AS first, max(a.published_at) AS last "
     "FROM memberships m JOIN articles a ON a.id = m.article_id LEFT JOIN copies c ON c.article_id = a.id "
     "GROUP BY m.story_id) g ON g.id = s.id "
     "WHERE s.article_count != g.n OR s.source_count != g.sources OR s.copy_count != g.copies "
     "OR s.first_published_at IS NOT g.first OR s.last_published_at IS NOT g.last"},
    {"copy_of names a stored article",
     "SELECT printf('article %Q is a copy of %Q, which is not stored', c.article_id, c.original_id) FROM copies c "
     "WHERE NOT EXISTS (SELECT 1 FROM articles a WHERE a.id = c.original_id)"},
    {"every copy points straight at its family's original, which is no copy itself: no chains, "
     "so no cycles either (an article copying itself is the shortest cycle)",
     "SELECT printf('article %Q is a copy of itself', c.article_id) FROM copies c WHERE c.original_id = c.article_id "
     "UNION ALL SELECT printf('article %Q is a copy of %Q, which is itself a copy of %Q', c.article_id, "
     "c.original_id, o.original_id) FROM copies c JOIN copies o ON o.article_id = c.original_id "
     "WHERE c.original_id != c.article_id"},
    {"a copy joins its original's story",
     "SELECT printf('article %Q (story %d) is a copy of %Q (story %d)', c.article_id, mc.story_id, c.original_id, "
     "mo.story_id) FROM copies c JOIN memberships mc ON mc.article_id = c.article_id "
     "JOIN memberships mo ON mo.article_id = c.original_id WHERE mc.story_id != mo.story_id"},
    {"the original is the family's earliest publication (dated before undated)",
     "SELECT printf('article %Q is a copy of %Q, published later (%s after %s)', c.article_id, c.original_id, "
     "coalesce(o.published, 'undated'), a.published) FROM copies c JOIN articles a ON a.id = c.article_id "
     "JOIN articles o ON o.id = c.original_id WHERE a.published_at IS NOT NULL "
     "AND (o.published_at IS NULL OR o.published_at > a.published_at)"},
    {"the document count weighs IDF: each stored article counts once",
     "SELECT printf('document count is %d, but %d articles are stored', "
     "(SELECT value FROM meta WHERE key = 'document_count'), (SELECT count(*) FROM articles)) "
     "WHERE (SELECT value FROM meta WHERE key = 'document_count') IS NOT (SELECT count(*) FROM articles)"},
    {"a storyline is a set of live stories: a row for a story merged away or never stored lists a ghost event",
     "SELECT printf('storyline %d lists story %d, which has no articles', sl.storyline_id, sl.story_id) "
     "FROM story_storylines sl WHERE NOT EXISTS (SELECT 1 FROM memberships m WHERE m.story_id = sl.story_id)"},
    {"the full-text index (keyed by sequence) holds every article once and nothing else",
     "SELECT printf('article %Q (sequence %d) is missing from the search index', a.id, a.sequence) FROM articles a "
     "WHERE NOT EXISTS (SELECT 1 FROM article_search_docsize d WHERE d.id = a.sequence) "
     "UNION ALL SELECT printf('the search index holds row %d, which is no article', d.id) "
     "FROM article_search_docsize d WHERE NOT EXISTS (SELECT 1 FROM articles a WHERE a.sequence = d.id)"},
};

// Rows of `sql` (one text column each) appended as violations; `prefix` before each.
Status Collect(sqlite3* db, const std::string& sql, const std::string& prefix, size_t max, InvariantReport* report) {
  auto query = Statement::Prepare(db, sql);
  if (!query.ok()) return query.status();
  while (true) {
    Result<bool> row = query.value().Step();
    if (!row.ok()) return row.status();
    if (!row.value()) return Status::Ok();
    ++report->violation_count;
    if (report->violations.size() < max) report->violations.push_back(prefix + query.value().ColumnText(0));
  }
}

}  // namespace

Result<InvariantReport> SqliteStore::CheckInvariants(size_t max_violations) {
  InvariantReport report;
  if (Status s = ExecScript(db_, "BEGIN"); !s.ok()) return s;
  auto snapshot = [&]() -> Status {
    // integrity_check answers one row "ok", or one row per problem.
    auto integrity = Statement::Prepare(db_, "PRAGMA integrity_check");
    if (!integrity.ok()) return integrity.status();
    while (true) {
      Result<bool> row = integrity.value().Step();
      if (!row.ok()) return row.status();
      if (!row.value()) break;
      const std::string line = integrity.value().ColumnText(0);
      if (line == "ok") continue;
      ++report.violation_count;
      if (report.violations.size() < max_violations) report.violations.push_back("integrity_check: " + line);
    }
    if (Status s = Collect(db_,
                           "SELECT printf('%s row %d points at no row of %s', \"table\", rowid, parent) "
                           "FROM pragma_foreign_key_check",
                           "", max_violations, &report);
        !s.ok()) {
      return s;
    }
    for (const Check& check : kChecks) {
      if (Status s = Collect(db_, check.sql, "", max_violations, &report); !s.ok()) return s;
    }
    for (auto [count, sql] : {std::pair{&report.articles, "SELECT count(*) FROM articles"},
                              std::pair{&report.stories, "SELECT count(*) FROM stories WHERE article_count > 0"},
                              std::pair{&report.copies, "SELECT count(*) FROM copies"}}) {
      auto query = Statement::Prepare(db_, sql);
      if (!query.ok()) return query.status();
      Result<bool> row = query.value().Step();
      if (!row.ok()) return row.status();
      *count = query.value().ColumnInt64(0);
    }
    return Status::Ok();
  };
  Status s = snapshot();
  ExecScript(db_, "ROLLBACK");
  if (!s.ok()) return s;

  // FTS5's own check compares the index with the articles' title and text (rank 1: against the
  // content table). It reports any mismatch as an error, SQLITE_CORRUPT_VTAB.
  if (Status begin = ExecScript(db_, "BEGIN IMMEDIATE"); !begin.ok()) return begin;
  Status fts = ExecScript(db_, "INSERT INTO article_search (article_search, rank) VALUES ('integrity-check', 1)");
  const int code = sqlite3_errcode(db_);
  ExecScript(db_, "ROLLBACK");
  if (!fts.ok() && (code & 0xff) != SQLITE_CORRUPT) return fts;  // could not check (busy, I/O): an error
  if (!fts.ok()) {
    ++report.violation_count;
    if (report.violations.size() < max_violations) {
      report.violations.push_back("the search index does not match the articles (" + fts.message() + ")");
    }
  }
  return report;
}

}  // namespace storydesk::store
