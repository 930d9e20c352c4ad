#include "adapters/http/api_json.h"

namespace storydesk::http {
namespace {

nlohmann::json OrNull(const std::optional<std::string>& s) { return s ? nlohmann::json(*s) : nlohmann::json(nullptr); }

}  // namespace

nlohmann::json StoryItemJson(const store::StorySummary& s) {
  nlohmann::json activity = nlohmann::json::array();
  for (const auto& [date, count] : s.activity) activity.push_back({{"date", date}, {"articles", count}});
  return {{"id", s.id},
          {"headline", s.headline},
          {"first_published", OrNull(s.first_published)},
          {"last_published", OrNull(s.last_published)},
          {"articles", s.articles},
          {"sources", s.sources},
          {"copies", s.copies},
          {"source_names", s.source_names},
          {"activity", activity},
          {"storyline", s.storyline > 0 ? nlohmann::json(s.storyline) : nlohmann::json(nullptr)},
          {"storyline_events", s.storyline_events}};
}

nlohmann::json ArticleJson(const store::StoredArticle& a, int64_t story) {
  return {{"id", a.raw.id},
          {"source", OrNull(a.raw.source)},
          {"url", OrNull(a.raw.url)},
          {"published", OrNull(a.raw.published)},
          {"title", OrNull(a.raw.title)},
          {"place", OrNull(a.raw.place)},
          {"bullets", a.raw.bullets},
          {"text", a.raw.text},
          {"story", story},
          {"relation", copies::RelationLabel(a.copy_of.has_value(), a.relation)},
          {"copy_of", OrNull(a.copy_of)},
          {"copy_score", a.copy_of ? nlohmann::json(a.copy_score) : nlohmann::json(nullptr)}};
}

}  // namespace storydesk::http
