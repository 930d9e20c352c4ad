// StorylineLevel: the level above events. An event is one happening (Tuesday's Senate vote);
// a storyline links events over weeks (the infrastructure bill: the deal, the vote, the House).
//
// Decided online as articles arrive, on top of the event level's decision, so that an event is
// never split across storylines (every article belongs to one event, every event to one
// storyline):
// - an article that opens an event is placed by a grouper of its own over storylines (the
//   learned decisions without the events' day penalties, no copy detection): it joins the
//   storyline it would have joined as a story, or opens one;
// - an article that joins an event (or copies one of its articles) goes where its event is;
// - an event merged into another (merge repair) is in the survivor's storyline from then on.
// Storyline ids are handed out apart from event ids. Not thread-safe.
#pragma once

#include <cstdint>
#include <optional>
#include <unordered_map>
#include <vector>

#include "core/stories/story_grouper.h"

namespace storydesk::stories {

// The attach probability at or above which a new event joins its best storyline.
inline constexpr double kStorylineAttachThreshold = 0.5;

class StorylineLevel {
 public:
  // `options`: those of the grouper over storylines (detect_copies and merge repair are
  // turned off: copies follow their events, and storylines merge only through events).
  explicit StorylineLevel(GroupingOptions options);

  // The storyline of `article`, whose event was just decided (`event`, by the event level's
  // grouper, before or after merges: followed through `current_event`), recorded.
  // `article`: its profile, the copy document taken or not (it is not read).
  int64_t Place(ArticleProfile article, const Assignment& event, int64_t current_event);

  // Records a storyline decided before (restoring from a store). `storyline` 0: not stored
  // (the store predates storylines): decided now, as Place does.
  int64_t Record(ArticleProfile article, const Assignment& event, int64_t current_event, int64_t storyline);

  // The storyline of an event (resolved through merges by the caller), when it has one.
  std::optional<int64_t> StorylineOf(int64_t event) const;

  // Storyline ids handed out next start above `id`.
  void ReserveIdsThrough(int64_t id) { grouper_.ReserveStoryIdsThrough(id); }

  // Forgets the storyline of every event whose newest member, copies included, was published
  // before `horizon` (epoch seconds): no later article can reach such an event — a story leaves
  // the window a window after its newest original, a copy leaves the copy index a window after
  // its own date, and a copy can join its event only through a copy still indexed. Events of
  // undated articles are kept. Memory follows the window.
  void ForgetEventsBefore(int64_t horizon);
  // ForgetEventsBefore(newest time seen − window), once the map has doubled since it last did.
  void ForgetWhenGrown();

  void MarkTermsInUse(std::vector<bool>& in_use) { grouper_.MarkTermsInUse(in_use); }

 private:
  static constexpr size_t kForgetSlack = 4096;
  static GroupingOptions ForStorylines(GroupingOptions options);

  struct EventEntry {
    int64_t storyline = 0;
    std::optional<int64_t> newest;  // its newest member's publication; unset: an undated member
    bool undated = false;           // has an undated member: kept for good
  };

  int64_t window_seconds_;
  StoryGrouper grouper_;
  std::unordered_map<int64_t, EventEntry> storyline_of_event_;
  std::optional<int64_t> newest_seen_;
  size_t forget_at_ = kForgetSlack;
};

}  // namespace storydesk::stories
