#include "adapters/store/story_headlines.h"

#include <vector>

#include "adapters/store/statement.h"

namespace storydesk::store {

Result<std::string> StoryHeadlines::Refresh(sqlite3* db, int64_t id, const std::optional<std::string>& current,
                                            const std::set<std::string>& added, bool force) {
  auto first = Statement::Prepare(db,
                                  "SELECT a.id FROM memberships m JOIN articles a ON a.id = m.article_id "
                                  "WHERE m.story_id = ?1 "
                                  "ORDER BY a.published_at IS NULL, a.published_at, a.sequence LIMIT ?2");
  if (!first.ok()) return first.status();
  first.value().BindInt64(1, id);
  first.value().BindInt64(2, static_cast<int64_t>(digest::kHeadlineArticles));
  std::vector<std::string> ids;
  bool changed = force || !current || current->find_first_not_of(" \t\r\n") == std::string::npos;
  while (true) {
    Result<bool> row = first.value().Step();
    if (!row.ok()) return row.status();
    if (!row.value()) break;
    ids.push_back(first.value().ColumnText(0));
    if (added.contains(ids.back())) changed = true;
  }
  if (!changed) return *current;

  auto article = Statement::Prepare(db, "SELECT title, substr(text, 1, ?2) FROM articles WHERE id = ?1");
  if (!article.ok()) return article.status();
  // Evidence not kept yet is read first, so that emptying a full cache cannot drop what this
  // story points at.
  std::vector<std::string> missing;
  for (const std::string& article_id : ids) {
    if (!evidence_.contains(article_id)) missing.push_back(article_id);
  }
  if (evidence_.size() + missing.size() > kMaxCachedArticles) evidence_.clear();
  for (const std::string& article_id : evidence_.empty() ? ids : missing) {
    Statement& q = article.value();
    StatementReset reset(&q);
    q.BindText(1, article_id);
    q.BindInt64(2, static_cast<int64_t>(digest::kHeadlineTextBytes));  // characters: at least as many bytes
    Result<bool> row = q.Step();
    if (!row.ok()) return row.status();
    if (!row.value()) continue;
    evidence_.emplace(article_id, digest::AnalyzeHeadlineEvidence(q.ColumnOptionalText(0), q.ColumnText(1), analyzer_));
  }
  std::vector<const digest::HeadlineEvidence*> evidence;
  evidence.reserve(ids.size());
  for (const std::string& article_id : ids) {
    if (auto it = evidence_.find(article_id); it != evidence_.end()) evidence.push_back(&it->second);
  }
  return digest::ChooseHeadline(evidence);
}

}  // namespace storydesk::store
