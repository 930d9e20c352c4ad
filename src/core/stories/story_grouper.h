// StoryGrouper: online assignment of articles to stories, one article at a time.
//
// Each article is compared only with stories active around its time (the window) that share
// some of its heaviest terms (an inverted index from terms to stories, read term at a time and
// bounded per term) — never with every story — and only the few sharing the most are scored
// in full. With a StoryModel (the default of the CLI), a learned `join` model ranks them from
// StoryFeatures and a learned `attach` model decides whether the article joins the best or
// opens a new story (Miranda et al., EMNLP 2018); on a dated stream, time evidence learned
// from the stream itself is added (TimeEvidence); grouping events (event_days_*_penalty set),
// a story whose leads date its news to another day than the article's lead does is held apart
// (event_days.h). Without a model, the similarity is the cosine of the article's TF-IDF vector with the story's
// centroid blended with the cosine of names, against one threshold — single-pass clustering in the style of topic
// detection and tracking (Allan et al., "Topic Detection and Tracking Pilot Study", 1998).
//
// Before that, copies are caught (core/copies): an article that is an exact, near, excerpt or
// rewrite copy of an article of the window (copy_relation.h, found through copy_index.h) joins
// that article's story, and its copy_of names the family's original (copy_families.h: the
// earliest publication), never another copy; an earlier-published article arriving late takes
// its family over.
//
// An undated article never joins a dated story (nor a dated article an undated one) on shared
// words alone: it needs a copy or a much surer join, and never joins a story of other years
// when its text names only those (dating_guard.h).
//
// Memory is bounded by the window: stories whose last article is older than the newest seen
// time minus the window are evicted with their articles' signatures. Undated articles and
// stories are never evicted (a corpus without dates is one window).
// Not thread-safe.
#pragma once

#include <cstdint>
#include <map>
#include <memory>
#include <optional>
#include <queue>
#include <set>
#include <string>
#include <unordered_map>
#include <vector>

#include "core/copies/copy_families.h"
#include "core/copies/copy_index.h"
#include "core/stories/dating_guard.h"
#include "core/stories/event_days.h"
#include "core/stories/time_evidence.h"
#include "storydesk/copies/sentence_matcher.h"
#include "storydesk/stories/story_features.h"
#include "storydesk/stories/story_model.h"
#include "storydesk/terms/sparse_vector.h"

namespace storydesk::stories {

struct GroupingOptions {
  int64_t window_seconds = int64_t{7} * 24 * 3600;
  // join_threshold and name_weight were chosen together by BCubed F1 on allsides-val (the
  // model-selection set, with the shipped background model; grid 0.20..0.40 x 0..0.3, then
  // refined around the best; see docs/measurements.md), never on a set we report.
  double join_threshold = 0.275;
  // Share of the similarity given to names (capitalised sequences) over words.
  double name_weight = 0.05;
  // Copy detection: thresholds and candidate bounds (copy_index.h, copy_relation.h).
  copies::CopyIndexOptions copies;
  // Whether copies are looked for at all. Off for the storyline level (StorylineLevel), which
  // is told where each copy goes: its event's storyline.
  bool detect_copies = true;
  // The sentence matcher of rewrite detection; null: no rewrites, only exact, near and
  // excerpt copies.
  std::shared_ptr<const copies::SentenceModel> sentence_model;
  // The document-level rewrite decision; null: the coverage rule of CopyOptions.
  std::shared_ptr<const copies::RewriteModel> rewrite_model;
  // An article with fewer distinct content terms (stems after stop words) than this never
  // joins a story by similarity, only as a copy: one shared word is no evidence of one story.
  size_t min_terms_to_join = 3;
  // How many of the article's heaviest terms are looked up in the inverted index.
  size_t query_terms = 30;
  // How many of the newest stories of each query term's posting list are read.
  size_t max_postings_per_term = 64;
  // How many stories, those sharing the most query-term weight, get the full similarity.
  size_t scored_candidates = 8;
  // The learned decisions; when null, the fixed blend of cosines above and join_threshold.
  std::shared_ptr<const StoryModel> model;
  // Merge repair (learned decisions only): an article that joins its best story merges the
  // runner-up into it when it would have joined the runner-up, without the best, with at
  // least this attach probability, and the two stories' centroids (the article counted in the
  // best) have a cosine of at least merge_cosine. Above 1: never merge — the default, because
  // on allsides-val no setting improved BCubed F1 (every setting that merged at all lowered
  // precision more than it raised recall; docs/measurements.md).
  double merge_probability = 2.0;
  // The attach probability at or above which an article joins its best story (learned mode).
  double attach_threshold = 0.5;
  // Learned mode, dated articles, a model without time weights: add the time evidence
  // estimated from the stream (time_evidence.h) to the join logits.
  bool stream_time_evidence = true;
  // Learned mode, grouping events (false, the default: stories span days): a story whose leads
  // give its news a day two or more days from every day the article's lead gives (event_days.h)
  // is another event, never a candidate; one a day apart loses event_days_near_penalty from its
  // join logit (kEventLevelNearPenalty).
  bool events_by_day = false;
  double event_days_near_penalty = 0.0;
  double merge_cosine = 0.5;
  // An undated article and a dated story, or a dated article and a story of undated articles
  // (dating_guard.h): the join needs this attach probability (learned mode) or this similarity
  // (fixed mode). Chosen a priori, not on any set: nine to one instead of even odds, and in
  // fixed mode well above join_threshold, about where the fixed blend's joins are as sure.
  // Mixed pairs are rare in every labelled set we have (each is all dated or all undated), so
  // no set could choose them.
  double mixed_dating_attach_threshold = 0.9;
  double mixed_dating_join_threshold = 0.5;
  // An undated article naming only years more than this far from a dated story's span never
  // joins it by similarity (dating_guard.h).
  int year_tolerance = 1;
};

// Grouping into events, each one day's news: days apart forbid the join (the weekly jobless
// report and the next week's; Cheney's ouster and Stefanik's election two days later); one day
// apart costs this much of the join logit, leaving room for an evening event reported as the
// next day's. Chosen by BCubed F1 on the first half of allsides-dev's stories (those starting
// before 2021-06-09; grid 0..2, docs/measurements.md). Undated articles give no days: nothing
// changes for them.
inline constexpr double kEventLevelNearPenalty = 1.0;

// One active story an article could join, with its features.
struct Candidate {
  int64_t story = 0;
  StoryFeatureVector features{};
};

using CopyRelation = copies::CopyKind;

// What grouping needs to know of an article: its sub-vectors and time (ArticleVectors:
// `all` is the unit TF-IDF vector of title and body stems, `names` that of names) and its
// fingerprints.
struct ArticleProfile : ArticleVectors {
  std::string id;
  copies::CopyDocument copy;  // what copy detection compares
  // The calendar years its text names (timeutil::MentionedYears), for the dating guard.
  std::vector<int> mentioned_years;
  // Its outlet and whom its text credits (copies::FindAttributions), for provenance.
  std::string source;
  std::vector<copies::Attribution> credits;
};

struct Assignment {
  int64_t story = 0;
  bool opened_story = false;  // true when this article opened `story`
  double similarity = 0.0;    // to the story joined (1 for copies and openers)
  CopyRelation relation = CopyRelation::kNone;
  std::optional<std::string> copy_of;  // the family's original, for copies
  double copy_score = 0.0;             // ClassifyCopy's score (1 for exact copies)
  std::vector<int64_t> merged;         // stories merged into `story` by this article (merge repair)
  // When this article took its copy family over (it is the earlier publication): every member
  // now copying it. The article itself is then an original (relation kNone, no copy_of).
  std::vector<copies::CopyUpdate> copy_updates;
};

class StoryGrouper {
 public:
  explicit StoryGrouper(GroupingOptions options = {});

  // Decides the story (and copy relation) of `article` and records it.
  // Articles should come in publication order; an older article is still handled (its own
  // time decides which stories are active), but stories already evicted are not found.
  // Takes the profile by value: its copy document (shingles, signature, sentence profiles) is
  // moved into the copy index, not copied — pass an rvalue unless the caller still needs it.
  Assignment Assign(ArticleProfile article);
  // The same, taking only the copy document out of *article (its vectors, id and the rest are
  // left as they were): for a caller placing the article again, in the level above
  // (StorylineLevel), without copying its vectors.
  Assignment Assign(ArticleProfile* article);

  // Records a decision taken earlier (restoring state from a store) without deciding again.
  void Record(ArticleProfile article, const Assignment& assignment);
  // The same, taking only the copy document out of *article (as Assign(ArticleProfile*)).
  void Record(ArticleProfile* article, const Assignment& assignment);

  // The active stories sharing a heavy term with `article`, by ascending id, with features
  // (evicting by the article's time first, as Assign does). For training.
  std::vector<Candidate> Candidates(const ArticleProfile& article);

  // True when `article` is a copy of an article in the window. For training.
  bool IsCopy(const ArticleProfile& article) const { return FindCopy(article).has_value(); }
  // Hands out a new story id. For training, which opens stories by the gold labels.
  int64_t OpenStoryId() { return next_story_id_++; }

  // Story ids handed out next start above `id`.
  void ReserveStoryIdsThrough(int64_t id);

  size_t ActiveStories() const { return stories_.size(); }

  // Marks in `in_use` (indexed by term id, sized by the caller to cover every id handed out)
  // every term id the grouper holds: the active stories' centroids and recent members, the
  // inverted index and the copy index. What is not marked may be forgotten and its id reused
  // (TermStatistics::Forget).
  void MarkTermsInUse(std::vector<bool>& in_use);

  // The story `story` now is: itself, or the story it was merged into (transitively).
  int64_t CurrentStory(int64_t story) const;

  // Merge repair never merges stories `a` and `b` (nor the stories they become part of): an
  // analyst moved articles from one to the other by hand, and a later article bridging them
  // must not undo that.
  void KeepApart(int64_t a, int64_t b);

 private:
  using Story = StoryVectors;
  struct Document {
    std::string id;
    int64_t story = 0;
    std::optional<int64_t> time;
    uint32_t words = 0;
    std::string source;
    std::vector<copies::Attribution> credits;
  };

  // A copy found: the assignment to the matched article's story (copy_of: the matched
  // article, before provenance names the family's original) and the matched article.
  struct FoundCopy {
    Assignment assignment;
    copies::FamilyMember relative;
  };
  std::optional<FoundCopy> FindCopy(const ArticleProfile& article) const;
  copies::FamilyMember Member(const ArticleProfile& article) const;
  Assignment FindStory(const ArticleProfile& article);
  std::vector<int64_t> CandidateIds(const ArticleProfile& article) const;
  double FixedScore(const ArticleProfile& article, const Story& story) const;
  DatingFooting Footing(const ArticleProfile& article, const Story& story) const;
  // Records the article's place; takes only article.copy (into the copy index).
  void Remember(ArticleProfile& article, const Assignment& assignment);
  void AddToStory(int64_t story_id, const ArticleProfile& article);
  void MergeStories(int64_t into, int64_t from);
  bool Active(const Story& story, const std::optional<int64_t>& time) const;
  void Evict(int64_t now);
  void CompactPostings();

  GroupingOptions options_;
  // Buffers of CandidateIds, kept to spare an allocation per article.
  ArticleLookup lookup_;  // the article being placed, for its features against each candidate
  mutable std::vector<std::pair<float, terms::TermId>> scratch_heaviest_;
  mutable std::vector<std::pair<int64_t, float>> scratch_hits_;
  mutable std::vector<std::pair<float, int64_t>> scratch_scored_;
  bool use_time_evidence_ = false;
  TimeEvidence time_evidence_;
  int64_t next_story_id_ = 1;
  std::optional<int64_t> newest_time_;

  std::unordered_map<int64_t, Story> stories_;
  std::unordered_map<int64_t, int64_t> merged_into_;                  // merged story -> the story it went into
  std::set<std::pair<int64_t, int64_t>> kept_apart_;                  // (smaller, larger) story ids
  std::unordered_map<terms::TermId, std::vector<int64_t>> postings_;  // may hold evicted ids
  size_t evicted_since_compaction_ = 0;
  // (last_time, story) of dated stories; entries go stale when a story's last_time moves.
  std::priority_queue<std::pair<int64_t, int64_t>, std::vector<std::pair<int64_t, int64_t>>, std::greater<>> expiry_;

  // The dated documents of the window and every undated one, by their index (the order they
  // were seen); the copy index refers to them by that index.
  std::unordered_map<size_t, Document> documents_;
  size_t next_document_ = 0;
  copies::CopyIndex copy_index_;
  copies::CopyFamilies families_;
  std::priority_queue<std::pair<int64_t, size_t>, std::vector<std::pair<int64_t, size_t>>, std::greater<>>
      document_expiry_;
};

}  // namespace storydesk::stories
