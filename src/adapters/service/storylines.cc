#include "adapters/service/storylines.h"

#include <algorithm>
#include <map>
#include <set>

namespace storydesk::service {
namespace {

// Undated (unset) sorts after every date.
bool EarlierStart(const store::StorySummary& a, const store::StorySummary& b) {
  if (a.first_published.has_value() != b.first_published.has_value()) return a.first_published.has_value();
  if (a.first_published != b.first_published) return *a.first_published < *b.first_published;
  return a.id < b.id;
}

StorylineSummary Summarize(int64_t id, std::vector<store::StorySummary> events) {
  StorylineSummary line;
  line.id = id;
  std::sort(events.begin(), events.end(), EarlierStart);
  std::set<std::string> sources;
  const store::StorySummary* biggest = nullptr;
  for (const store::StorySummary& e : events) {
    line.articles += e.articles;
    line.copies += e.copies;
    sources.insert(e.source_names.begin(), e.source_names.end());
    if (e.first_published && (!line.first_published || *e.first_published < *line.first_published)) {
      line.first_published = e.first_published;
    }
    if (e.last_published && (!line.last_published || *e.last_published > *line.last_published)) {
      line.last_published = e.last_published;
    }
    if (biggest == nullptr || e.articles > biggest->articles) biggest = &e;
  }
  if (biggest != nullptr) line.headline = biggest->headline;
  line.source_names.assign(sources.begin(), sources.end());
  line.events = std::move(events);
  return line;
}

}  // namespace

std::vector<StorylineSummary> GroupIntoStorylines(const std::vector<store::StorySummary>& stories) {
  std::map<int64_t, std::vector<store::StorySummary>> by_storyline;
  for (const store::StorySummary& s : stories) {
    if (s.storyline > 0) by_storyline[s.storyline].push_back(s);
  }
  std::vector<StorylineSummary> out;
  out.reserve(by_storyline.size());
  for (auto& [id, events] : by_storyline) out.push_back(Summarize(id, std::move(events)));
  std::sort(out.begin(), out.end(), [](const StorylineSummary& a, const StorylineSummary& b) {
    if (a.last_published.has_value() != b.last_published.has_value()) return a.last_published.has_value();
    if (a.last_published != b.last_published) return *a.last_published > *b.last_published;
    return a.id > b.id;
  });
  return out;
}

Result<std::vector<StorylineSummary>> ListStorylines(store::Store& db, store::StoryFilter filter) {
  const std::optional<int> limit = filter.limit;
  filter.limit.reset();
  auto stories = db.ListStories(filter);
  if (!stories.ok()) return stories.status();
  std::vector<StorylineSummary> lines = GroupIntoStorylines(stories.value());
  if (limit && lines.size() > static_cast<size_t>(*limit)) lines.resize(static_cast<size_t>(*limit));
  return lines;
}

Result<StorylineSummary> GetStoryline(store::Store& db, int64_t id) {
  store::StoryFilter filter;
  filter.storyline = id;
  auto stories = db.ListStories(filter);
  if (!stories.ok()) return stories.status();
  if (stories.value().empty()) return Status::Error(ErrorCode::kNotFound, "no storyline " + std::to_string(id));
  return Summarize(id, std::move(stories).value());
}

nlohmann::json StorylineJson(const StorylineSummary& line,
                             const std::function<nlohmann::json(const store::StorySummary&)>& event_json) {
  auto or_null = [](const std::optional<std::string>& s) { return s ? nlohmann::json(*s) : nlohmann::json(nullptr); };
  nlohmann::json timeline = nlohmann::json::array();
  for (const store::StorySummary& e : line.events) timeline.push_back(event_json(e));
  return {{"id", line.id},
          {"headline", line.headline},
          {"first_published", or_null(line.first_published)},
          {"last_published", or_null(line.last_published)},
          {"events", line.events.size()},
          {"articles", line.articles},
          {"sources", line.source_names.size()},
          {"copies", line.copies},
          {"source_names", line.source_names},
          {"timeline", timeline}};
}

}  // namespace storydesk::service
