#include "core/stories/story_features.h"

#include <algorithm>
#include <cmath>

namespace storydesk::stories {
namespace {

// Dot product of two sparse vectors sorted by id (the cosine, for unit vectors).
double Dot(const SparseVector& a, const SparseVector& b) {
  double dot = 0;
  auto i = a.entries.begin(), j = b.entries.begin();
  while (i != a.entries.end() && j != b.entries.end()) {
    if (i->first < j->first) {
      ++i;
    } else if (j->first < i->first) {
      ++j;
    } else {
      dot += static_cast<double>(i->second) * j->second;
      ++i;
      ++j;
    }
  }
  return dot;
}

}  // namespace

void Centroid::Add(const SparseVector& v, std::vector<TermId>* new_terms) {
  // |c + v|^2 = |c|^2 + 2 c.v + |v|^2
  double dot = 0, self = 0;
  for (const auto& [id, w] : v.entries) {
    auto [it, inserted] = weights.try_emplace(id, 0.0f);
    if (inserted && new_terms != nullptr) new_terms->push_back(id);
    dot += static_cast<double>(it->second) * w;
    self += static_cast<double>(w) * w;
    it->second += w;
  }
  norm2 += 2 * dot + self;
}

void Centroid::Merge(const Centroid& other, std::vector<TermId>* new_terms) {
  double dot = 0;
  for (const auto& [id, w] : other.weights) {
    auto [it, inserted] = weights.try_emplace(id, 0.0f);
    if (inserted && new_terms != nullptr) new_terms->push_back(id);
    dot += static_cast<double>(it->second) * w;
    it->second += w;
  }
  norm2 += 2 * dot + other.norm2;
}

double Centroid::Cosine(const SparseVector& v) const {
  if (v.empty() || norm2 <= 0) return 0.0;
  double dot = 0;
  for (const auto& [id, w] : v.entries) {
    auto it = weights.find(id);
    if (it != weights.end()) dot += static_cast<double>(w) * it->second;
  }
  return dot / std::sqrt(norm2);
}

void StoryVectors::Remember(const SparseVector& all_vector, const SparseVector& names_vector) {
  if (recent.size() < kRecentMembers) {
    recent.emplace_back(all_vector, names_vector);
    return;
  }
  recent[recent_next] = {all_vector, names_vector};
  recent_next = (recent_next + 1) % kRecentMembers;
}

double Centroid::Cosine(const Centroid& other) const {
  if (norm2 <= 0 || other.norm2 <= 0) return 0.0;
  const Centroid& small = weights.size() <= other.weights.size() ? *this : other;
  const Centroid& large = &small == this ? other : *this;
  double dot = 0;
  for (const auto& [id, w] : small.weights) {
    auto it = large.weights.find(id);
    if (it != large.weights.end()) dot += static_cast<double>(w) * it->second;
  }
  return dot / std::sqrt(norm2 * other.norm2);
}

std::string_view StoryFeatureName(size_t feature) {
  static constexpr std::string_view kNames[kStoryFeatureCount] = {
      "bias", "cosine_all", "cosine_lead", "cosine_title", "cosine_names", "cosine_numbers",
      "nearest_member_all", "nearest_member_names",
      "both_titled", "time_1d", "time_3d", "both_dated"};
  return feature < kStoryFeatureCount ? kNames[feature] : std::string_view();
}

StoryFeatureVector ComputeStoryFeatures(const ArticleVectors& article, const StoryVectors& story) {
  StoryFeatureVector f{};
  f[kBias] = 1.0;
  f[kCosineAll] = story.all.Cosine(article.all);
  f[kCosineLead] = story.lead.Cosine(article.lead);
  const bool both_titled = !article.title.empty() && story.title.norm2 > 0;
  f[kCosineTitle] = both_titled ? story.title.Cosine(article.title) : 0.0;
  f[kCosineNames] = story.names.Cosine(article.names);
  f[kCosineNumbers] = story.numbers.Cosine(article.numbers);
  for (const auto& [all, names] : story.recent) {
    f[kNearestMemberAll] = std::max(f[kNearestMemberAll], Dot(article.all, all));
    f[kNearestMemberNames] = std::max(f[kNearestMemberNames], Dot(article.names, names));
  }
  f[kBothTitled] = both_titled ? 1.0 : 0.0;
  if (article.time && story.first_time && story.last_time) {
    const int64_t t = *article.time;
    const int64_t gap = t < *story.first_time ? *story.first_time - t : (t > *story.last_time ? t - *story.last_time : 0);
    const double days = static_cast<double>(gap) / 86400.0;
    f[kTimeDay] = std::exp(-days * days / 2.0);
    f[kTimeThreeDays] = std::exp(-(days / 3.0) * (days / 3.0) / 2.0);
    f[kBothDated] = 1.0;
  }
  return f;
}

}  // namespace storydesk::stories
