// StoryFeatures: what the learned scorer sees of an article against a candidate story.
//
// After Miranda et al. (EMNLP 2018, "Multilingual Clustering of Streaming News"): several
// TF-IDF sub-vectors of the article are compared with the matching centroids of the story —
// all stems (title, bullets and body), the title alone, the lead (the first content stems of
// the body) and the words of capitalised names — plus time features (Gaussians of the distance
// from the article's time to the story's time span, at widths of one and three days). A linear
// model over these (story_model.h) replaces one fixed threshold.
// Unlike Miranda et al., the story's size is not a feature: our training stories (allsides-
// train) all have exactly three articles, so a learned size weight says "a story of three is
// complete" — which held there and fails everywhere else (it halved recall on ecbplus).
// Pure functions; thread-safe.
#pragma once

#include <array>
#include <cstdint>
#include <optional>
#include <string_view>
#include <unordered_map>

#include "storydesk/terms/sparse_vector.h"

namespace storydesk::stories {

// A sum of unit vectors, with its squared norm kept current. The weights are a vector sorted by
// term id rather than a hash map: a cosine is then a binary search per article term over
// contiguous memory (no pointer chasing), and adding an article is one linear merge.
struct Centroid {
  std::vector<std::pair<terms::TermId, float>> weights;  // sorted by TermId, no duplicates
  double norm2 = 0;

  // Adds `v`; new terms are appended to *new_terms when given.
  void Add(const terms::SparseVector& v, std::vector<terms::TermId>* new_terms = nullptr);
  // Adds every member of `other` (merging two stories); new terms go to *new_terms when given.
  void Merge(const Centroid& other, std::vector<terms::TermId>* new_terms);
  // Cosine of a unit vector with this centroid; 0 when either is empty.
  double Cosine(const terms::SparseVector& v) const;
  // Cosine of two centroids; 0 when either is empty.
  double Cosine(const Centroid& other) const;
};

// The article's side: unit TF-IDF sub-vectors and its time.
struct ArticleVectors {
  terms::SparseVector all;      // stems of title (twice), bullets and body
  terms::SparseVector title;    // stems of the title
  terms::SparseVector lead;     // the first kLeadStems content stems of bullets and body
  terms::SparseVector names;    // lower-cased words of capitalised names
  terms::SparseVector numbers;  // number tokens: years, counts, magnitudes tell events of a kind apart
  std::optional<int64_t> time;
  // The days its lead says the news happened on (days since 1970-01-01, ascending; empty for an
  // undated article or a lead giving none): core/stories/event_days.h.
  std::vector<int32_t> event_days;
};

// How many content stems make the lead: about the first two sentences of a news article.
inline constexpr size_t kLeadStems = 40;

// How many of a story's latest members are kept for the nearest-member features.
inline constexpr size_t kRecentMembers = 8;

// The story's side.
struct StoryVectors {
  Centroid all, title, lead, names, numbers;
  // The `all` and `names` vectors of the latest kRecentMembers members (a ring): a story that
  // drifts is still found by the article nearest to its newest turn (single link).
  std::vector<std::pair<terms::SparseVector, terms::SparseVector>> recent;
  size_t recent_next = 0;
  void Remember(const terms::SparseVector& all, const terms::SparseVector& names);
  std::optional<int64_t> first_time, last_time;
  // Its members' event_days with how many members give each, ascending by day.
  std::vector<std::pair<int32_t, int32_t>> event_days;
  int size = 0;
};

enum StoryFeature : size_t {
  kBias,
  kCosineAll,
  kCosineLead,
  kCosineTitle,
  kCosineNames,
  kCosineNumbers,
  kNearestMemberAll,    // the highest cosine of the article with one recent member (all stems)
  kNearestMemberNames,  // the same for names
  kBothTitled,          // 1 when the article and the story both have titles (kCosineTitle is meaningful)
  kTimeDay,             // exp(-d^2 / 2) with d the distance in days to the story's time span
  kTimeThreeDays,       // the same with d in units of three days
  kBothDated,           // 1 when the article and the story are both dated
  kStoryFeatureCount
};

using StoryFeatureVector = std::array<double, kStoryFeatureCount>;

// The names used in model files, in StoryFeature order.
std::string_view StoryFeatureName(size_t feature);

StoryFeatureVector ComputeStoryFeatures(const ArticleVectors& article, const StoryVectors& story);

// An article's sub-vectors indexed by term id, for comparing one article with many stories:
// each story vector is then walked once, a lookup per term, instead of a merge (members) or a
// binary search per article term (centroids). The sums run over the same terms in the same
// (ascending id) order as the direct comparisons, so the features are the same to the last bit
// (tested). Reused from article to article: memory grows with the vocabulary (4 bytes a term)
// and setting an article costs its own terms only.
class ArticleLookup {
 public:
  // The article's sub-vectors, by their place in the lookup.
  enum Part : size_t { kAll, kTitle, kLead, kNames, kNumbers, kParts };

  void Set(const ArticleVectors& article);

  // ComputeStoryFeatures(article, story) for the article last Set.
  StoryFeatureVector Features(const StoryVectors& story) const;

 private:
  double Dot(const std::vector<std::pair<terms::TermId, float>>& entries, Part part) const;
  double Cosine(const Centroid& centroid, const terms::SparseVector& v, Part part) const;

  const ArticleVectors* article_ = nullptr;
  std::vector<uint32_t> slot_;  // by term id: 0 when the article lacks it, else 1 + index in weights_
  std::vector<std::array<float, kParts>> weights_;
  std::vector<terms::TermId> terms_;  // the ids with a slot, to clear them
};

}  // namespace storydesk::stories
