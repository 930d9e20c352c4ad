#include "adapters/store/story_headlines.h"

#include <vector>

#include "adapters/store/statement.h"

namespace storydesk::store {
namespace {

class SqliteHeadlineSource : public HeadlineSource {
 public:
  explicit SqliteHeadlineSource(sqlite3* db) : db_(db) {}

  Result<std::vector<std::string>> FirstMembers(int64_t story, size_t n) override {
    auto first = Statement::Prepare(db_,
                                    "SELECT a.id FROM memberships m JOIN articles a ON a.id = m.article_id "
                                    "WHERE m.story_id = ?1 "
                                    "ORDER BY a.published_at IS NULL, a.published_at, a.sequence LIMIT ?2");
    if (!first.ok()) return first.status();
    first.value().BindInt64(1, story);
    first.value().BindInt64(2, static_cast<int64_t>(n));
    std::vector<std::string> ids;
    while (true) {
      Result<bool> row = first.value().Step();
      if (!row.ok()) return row.status();
      if (!row.value()) return ids;
      ids.push_back(first.value().ColumnText(0));
    }
  }

  Result<std::optional<std::pair<std::optional<std::string>, std::string>>> ArticleStart(const std::string& id,
                                                                                         size_t chars) override {
    if (!article_) {
      auto prepared = Statement::Prepare(db_, "SELECT title, substr(text, 1, ?2) FROM articles WHERE id = ?1");
      if (!prepared.ok()) return prepared.status();
      article_.emplace(std::move(prepared).value());
    }
    Statement& q = *article_;
    StatementReset reset(&q);
    q.BindText(1, id);
    q.BindInt64(2, static_cast<int64_t>(chars));
    Result<bool> row = q.Step();
    if (!row.ok()) return row.status();
    if (!row.value()) return std::optional<std::pair<std::optional<std::string>, std::string>>();
    return std::optional<std::pair<std::optional<std::string>, std::string>>(
        std::make_pair(q.ColumnOptionalText(0), q.ColumnText(1)));
  }

 private:
  sqlite3* db_;
  std::optional<Statement> article_;
};

}  // namespace

Result<std::string> StoryHeadlines::Refresh(sqlite3* db, int64_t id, const std::optional<std::string>& current,
                                            const std::set<std::string>& added, bool force) {
  SqliteHeadlineSource source(db);
  return Refresh(source, id, current, added, force);
}

Result<std::string> StoryHeadlines::Refresh(HeadlineSource& source, int64_t id,
                                            const std::optional<std::string>& current,
                                            const std::set<std::string>& added, bool force) {
  auto first = source.FirstMembers(id, digest::kHeadlineArticles);
  if (!first.ok()) return first.status();
  const std::vector<std::string>& ids = first.value();
  bool changed = force || !current || current->find_first_not_of(" \t\r\n") == std::string::npos;
  for (const std::string& article_id : ids) {
    if (added.contains(article_id)) changed = true;
  }
  if (!changed) return *current;

  // Evidence not kept yet is read first, so that emptying a full cache cannot drop what this
  // story points at.
  std::vector<std::string> missing;
  for (const std::string& article_id : ids) {
    if (!evidence_.contains(article_id)) missing.push_back(article_id);
  }
  if (evidence_.size() + missing.size() > kMaxCachedArticles) evidence_.clear();
  for (const std::string& article_id : evidence_.empty() ? ids : missing) {
    // Characters: at least as many bytes.
    auto start = source.ArticleStart(article_id, digest::kHeadlineTextBytes);
    if (!start.ok()) return start.status();
    if (!start.value()) continue;
    evidence_.emplace(article_id,
                      digest::AnalyzeHeadlineEvidence(start.value()->first, start.value()->second, analyzer_));
  }
  std::vector<const digest::HeadlineEvidence*> evidence;
  evidence.reserve(ids.size());
  for (const std::string& article_id : ids) {
    if (auto it = evidence_.find(article_id); it != evidence_.end()) evidence.push_back(&it->second);
  }
  return digest::ChooseHeadline(evidence);
}

}  // namespace storydesk::store
