#include "adapters/service/stored_story_digest.h"

#include <algorithm>
#include <set>
#include <string>

#include "adapters/service/shipped_models.h"

namespace storydesk::service {

std::vector<size_t> ChooseDigestSample(const std::vector<store::StoryMember>& members, size_t max_articles) {
  std::vector<size_t> chosen;
  if (members.size() <= max_articles) {
    for (size_t i = 0; i < members.size(); ++i) chosen.push_back(i);
    return chosen;
  }
  std::vector<bool> taken(members.size(), false);
  auto take = [&](size_t i) {
    if (!taken[i] && chosen.size() < max_articles) {
      taken[i] = true;
      chosen.push_back(i);
    }
  };
  // Every outlet heard: each source's earliest original, up to half the budget.
  std::set<std::string> sources_seen;
  for (size_t i = 0; i < members.size() && chosen.size() < max_articles / 2; ++i) {
    if (members[i].copy || !members[i].source) continue;
    if (sources_seen.insert(*members[i].source).second) take(i);
  }
  // Then originals, then copies, each spread evenly over the story's order.
  for (const bool copies : {false, true}) {
    std::vector<size_t> pool;
    for (size_t i = 0; i < members.size(); ++i) {
      if (!taken[i] && members[i].copy == copies) pool.push_back(i);
    }
    const size_t room = max_articles - chosen.size();
    if (pool.empty() || room == 0) continue;
    if (pool.size() <= room) {
      for (size_t i : pool) take(i);
      continue;
    }
    for (size_t k = 0; k < room; ++k) take(pool[k * pool.size() / room]);
  }
  std::sort(chosen.begin(), chosen.end());
  return chosen;
}

Result<DigestedStory> DigestStoredStory(store::Store& db, int64_t story, size_t max_articles) {
  const auto& background = BuiltinBackground();
  if (!background.ok()) return background.status();
  const auto& matcher = BuiltinSentenceModel();
  if (!matcher.ok()) return matcher.status();
  const auto& claim_model = BuiltinClaimMatcher();
  if (!claim_model.ok()) return claim_model.status();
  const auto& entity_model = BuiltinEntityModel();
  if (!entity_model.ok()) return entity_model.status();
  auto resolved = db.ResolveStory(story);
  if (!resolved.ok()) return resolved.status();
  DigestedStory digested;
  digested.story = resolved.value();
  auto members = db.StoryMembers(digested.story);
  if (!members.ok()) return members.status();
  if (members.value().empty()) return Status::Error(ErrorCode::kNotFound, "no story " + std::to_string(story));
  digested.article_count = members.value().size();
  if (members.value().size() <= max_articles) {
    auto articles = db.StoryArticles(digested.story);
    if (!articles.ok()) return articles.status();
    for (const auto& a : articles.value()) digested.articles.push_back(DigestArticleOf(a.raw, a.relation, a.copy_of));
  } else {
    for (size_t i : ChooseDigestSample(members.value(), max_articles)) {
      auto article = db.GetArticle(members.value()[i].id);
      if (!article.ok()) return article.status();
      if (!article.value()) continue;  // removed since the members were read
      const store::StoredArticle& a = *article.value();
      digested.articles.push_back(DigestArticleOf(a.raw, a.relation, a.copy_of));
    }
  }
  // The story's one headline, as the list and search show it (core/digest/headline.h).
  auto summary = db.GetStory(digested.story);
  if (!summary.ok()) return summary.status();
  digest::DigestOptions options;
  options.headline = summary.value().headline;
  options.entities = entity_model.value().get();
  terms::TermStatistics statistics = SeededStatistics(background.value());
  digested.digest =
      digest::BuildStoryDigest(digested.articles, matcher.value(), claim_model.value(), statistics, options);
  return digested;
}

}  // namespace storydesk::service
