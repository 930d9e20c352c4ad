#include "core/stories/storyline_level.h"

#include <algorithm>
#include <utility>

namespace storydesk::stories {

GroupingOptions StorylineLevel::ForStorylines(GroupingOptions options) {
  options.detect_copies = false;
  options.merge_probability = 2.0;  // never: a storyline merge would have to move events
  options.events_by_day = false;
  options.event_days_near_penalty = 0;
  return options;
}

StorylineLevel::StorylineLevel(GroupingOptions options)
    : window_seconds_(options.window_seconds), grouper_(ForStorylines(std::move(options))) {}

int64_t StorylineLevel::Place(ArticleProfile article, const Assignment& event, int64_t current_event) {
  return Record(std::move(article), event, current_event, 0);
}

int64_t StorylineLevel::Record(ArticleProfile article, const Assignment& event, int64_t current_event,
                               int64_t storyline) {
  if (storyline == 0) {
    if (auto known = StorylineOf(current_event)) storyline = *known;
  }
  const std::optional<int64_t> time = article.time;
  if (time) newest_seen_ = std::max(newest_seen_.value_or(*time), *time);
  if (storyline == 0) {
    // A new event (or one whose storyline was never recorded): the storyline grouper decides.
    // A copy opens no event, so it always finds its event's storyline above; the guard is for
    // an event restored without one.
    storyline = grouper_.Assign(std::move(article)).story;
  } else {
    Assignment line;
    line.story = storyline;
    line.relation = event.relation;  // a copy counts in the storyline's size, not its centroid
    grouper_.Record(std::move(article), line);
  }
  EventEntry& entry = storyline_of_event_[current_event];
  entry.storyline = storyline;
  if (time) {
    entry.newest = std::max(entry.newest.value_or(*time), *time);
  } else {
    entry.undated = true;
  }
  // The events merged into this one are in its storyline now (their articles moved to
  // `current_event`, whose entry now outlives them).
  for (int64_t merged : event.merged) storyline_of_event_.erase(merged);
  return storyline;
}

std::optional<int64_t> StorylineLevel::StorylineOf(int64_t event) const {
  auto it = storyline_of_event_.find(event);
  if (it == storyline_of_event_.end()) return std::nullopt;
  return it->second.storyline;
}

void StorylineLevel::ForgetEventsBefore(int64_t horizon) {
  std::erase_if(storyline_of_event_, [horizon](const auto& kv) {
    const EventEntry& e = kv.second;
    return !e.undated && e.newest && *e.newest < horizon;
  });
}

void StorylineLevel::ForgetWhenGrown() {
  if (storyline_of_event_.size() < forget_at_ || !newest_seen_) return;
  ForgetEventsBefore(*newest_seen_ - window_seconds_);
  forget_at_ = std::max(kForgetSlack, 2 * storyline_of_event_.size());
}

}  // namespace storydesk::stories
