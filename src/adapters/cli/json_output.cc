#include "adapters/cli/json_output.h"

namespace storydesk::cli {
namespace {

template <typename T>
nlohmann::json OrNull(const std::optional<T>& value) {
  return value ? nlohmann::json(*value) : nlohmann::json(nullptr);
}

// A copy's kind by name; null for an original.
nlohmann::json KindOrNull(copies::CopyKind kind) {
  return kind == copies::CopyKind::kNone ? nlohmann::json(nullptr) : nlohmann::json(copies::CopyKindName(kind));
}

}  // namespace

nlohmann::json ArticleAssignmentJson(const std::string& id, int64_t story, const std::optional<std::string>& copy_of,
                                     copies::CopyKind relation, int64_t storyline) {
  nlohmann::json j;
  j["id"] = id;
  j["story"] = story;
  if (storyline > 0) j["storyline"] = storyline;
  j["copy_of"] = OrNull(copy_of);
  j["relation"] = KindOrNull(relation);
  return j;
}

nlohmann::json StorySummaryJson(const store::StorySummary& story) {
  nlohmann::json j;
  j["id"] = story.id;
  j["headline"] = story.headline;
  j["first_published"] = OrNull(story.first_published);
  j["last_published"] = OrNull(story.last_published);
  j["articles"] = story.articles;
  j["sources"] = story.sources;
  j["copies"] = story.copies;
  if (story.storyline > 0) {
    j["storyline"] = story.storyline;
    j["storyline_events"] = story.storyline_events;
  }
  return j;
}

nlohmann::json ArticleMetadataJson(const store::StoredArticle& article) {
  const RawArticle& raw = article.raw;
  nlohmann::json j;
  j["id"] = raw.id;
  j["source"] = OrNull(raw.source);
  j["published"] = OrNull(raw.published);
  j["title"] = OrNull(raw.title);
  j["url"] = OrNull(raw.url);
  j["place"] = OrNull(raw.place);
  j["story"] = article.story;
  j["relation"] = KindOrNull(article.relation);
  j["copy_of"] = OrNull(article.copy_of);
  return j;
}

}  // namespace storydesk::cli
