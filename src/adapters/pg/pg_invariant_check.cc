// PgStore::CheckInvariants — the SQLite store's checks (store/invariant_check.cc) on PostgreSQL,
// each one query whose rows are violations, read in one REPEATABLE READ snapshot. PostgreSQL
// enforces the foreign keys itself and keeps the tsvector with the text (a generated column),
// so those two checks become: the constraints exist, and every article's search column is set.
#include "adapters/pg/pg_store.h"

namespace storydesk::pg {
namespace {

constexpr const char* kChecks[] = {
    "SELECT format('article %L has no fingerprint', a.id) FROM articles a "
    "WHERE NOT EXISTS (SELECT 1 FROM fingerprints f WHERE f.article_id = a.id)",

    "SELECT format('article %L is in no story', a.id) FROM articles a "
    "WHERE NOT EXISTS (SELECT 1 FROM memberships m WHERE m.article_id = a.id)",

    "SELECT format('article %L is in story %s, which has no summary row', m.article_id, m.story_id) "
    "FROM memberships m WHERE NOT EXISTS (SELECT 1 FROM stories s WHERE s.id = m.story_id)",

    "SELECT format('story %s was merged into story %s but still has %s articles', sm.story_id, sm.into_story_id, "
    "(SELECT count(*) FROM memberships m WHERE m.story_id = sm.story_id)) FROM story_merges sm "
    "WHERE EXISTS (SELECT 1 FROM memberships m WHERE m.story_id = sm.story_id) "
    "UNION ALL SELECT format('story %s was merged into story %s, which does not exist', sm.story_id, "
    "sm.into_story_id) FROM story_merges sm WHERE NOT EXISTS (SELECT 1 FROM stories s WHERE s.id = sm.into_story_id)",

    "SELECT format('story %s has no articles', s.id) FROM stories s "
    "WHERE NOT EXISTS (SELECT 1 FROM memberships m WHERE m.story_id = s.id)",

    "SELECT format('story %s summary says %s articles, %s sources, %s copies, first %s, last %s; "
    "its members give %s, %s, %s, %s, %s', s.id, s.article_count, s.source_count, s.copy_count, "
    "coalesce(s.first_published_at::text, 'none'), coalesce(s.last_published_at::text, 'none'), g.n, g.sources, "
    "g.copies, coalesce(g.first::text, 'none'), coalesce(g.last::text, 'none')) "
    "FROM stories s JOIN (SELECT m.story_id AS id, count(*) AS n, count(DISTINCT a.source) AS sources, "
    "count(c.article_id) AS copies, min(a.published_at) AS first, max(a.published_at) AS last "
    "FROM memberships m JOIN articles a ON a.id = m.article_id LEFT JOIN copies c ON c.article_id = a.id "
    "GROUP BY m.story_id) g ON g.id = s.id "
    "WHERE s.article_count != g.n OR s.source_count != g.sources OR s.copy_count != g.copies "
    "OR s.first_published_at IS DISTINCT FROM g.first OR s.last_published_at IS DISTINCT FROM g.last",

    "SELECT format('article %L is a copy of itself', c.article_id) FROM copies c WHERE c.original_id = c.article_id "
    "UNION ALL SELECT format('article %L is a copy of %L, which is itself a copy of %L', c.article_id, "
    "c.original_id, o.original_id) FROM copies c JOIN copies o ON o.article_id = c.original_id "
    "WHERE c.original_id != c.article_id",

    "SELECT format('article %L (story %s) is a copy of %L (story %s)', c.article_id, mc.story_id, c.original_id, "
    "mo.story_id) FROM copies c JOIN memberships mc ON mc.article_id = c.article_id "
    "JOIN memberships mo ON mo.article_id = c.original_id WHERE mc.story_id != mo.story_id",

    "SELECT format('article %L is a copy of %L, published later (%s after %s)', c.article_id, c.original_id, "
    "coalesce(o.published, 'undated'), a.published) FROM copies c JOIN articles a ON a.id = c.article_id "
    "JOIN articles o ON o.id = c.original_id WHERE a.published_at IS NOT NULL "
    "AND (o.published_at IS NULL OR o.published_at > a.published_at)",

    "SELECT format('document count is %s, but %s articles are stored', "
    "(SELECT value FROM storydesk_meta WHERE key = 'document_count'), (SELECT count(*) FROM articles)) "
    "WHERE (SELECT value::bigint FROM storydesk_meta WHERE key = 'document_count') IS DISTINCT FROM "
    "(SELECT count(*) FROM articles)",

    "SELECT format('storyline %s lists story %s, which has no articles', sl.storyline_id, sl.story_id) "
    "FROM story_storylines sl WHERE NOT EXISTS (SELECT 1 FROM memberships m WHERE m.story_id = sl.story_id)",

    "SELECT format('article %L (sequence %s) has no search vector', a.id, a.sequence) FROM articles a "
    "WHERE a.search IS NULL",

    // The foreign keys the schema declares: dropped by hand, nothing would keep rows consistent.
    "SELECT format('the foreign key of %s.%s is missing', t, c) FROM (VALUES ('fingerprints', 'article_id'), "
    "('memberships', 'article_id'), ('memberships', 'story_id'), ('copies', 'article_id'), "
    "('copies', 'original_id'), ('story_merges', 'merged_by')) AS k(t, c) "
    "WHERE NOT EXISTS (SELECT 1 FROM information_schema.key_column_usage u "
    "JOIN information_schema.table_constraints tc ON tc.constraint_name = u.constraint_name "
    "AND tc.table_name = u.table_name WHERE tc.constraint_type = 'FOREIGN KEY' AND u.table_name = k.t "
    "AND u.column_name = k.c AND u.table_schema = current_schema())",
};

}  // namespace

Result<store::InvariantReport> PgStore::CheckInvariants(size_t max_violations) {
  store::InvariantReport report;
  Status s = db_->InTransaction(
      [&]() -> Status {
        for (const char* check : kChecks) {
          auto rows = db_->Query(check);
          if (!rows.ok()) return rows.status();
          for (int i = 0; i < rows.value().Count(); ++i) {
            ++report.violation_count;
            if (report.violations.size() < max_violations) report.violations.emplace_back(rows.value().Text(i, 0));
          }
        }
        const std::pair<int64_t*, const char*> counts[] = {
            {&report.articles, "SELECT count(*) FROM articles"},
            {&report.stories, "SELECT count(*) FROM stories WHERE article_count > 0"},
            {&report.copies, "SELECT count(*) FROM copies"},
        };
        for (const auto& [count, sql] : counts) {
          auto rows = db_->Query(sql);
          if (!rows.ok()) return rows.status();
          *count = rows.value().Int(0, 0);
        }
        return Status::Ok();
      },
      "REPEATABLE READ");
  if (!s.ok()) return s;
  return report;
}

}  // namespace storydesk::pg
