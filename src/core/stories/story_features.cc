#include "storydesk/stories/story_features.h"

#include <algorithm>
#include <cmath>

namespace storydesk::stories {

void Centroid::Add(const terms::SparseVector& v, std::vector<terms::TermId>* new_terms) {
  Centroid other;
  other.weights = v.entries;
  other.norm2 = 0;
  for (const auto& [id, w] : v.entries) other.norm2 += static_cast<double>(w) * w;
  Merge(other, new_terms);
}

void Centroid::Merge(const Centroid& other, std::vector<terms::TermId>* new_terms) {
  // |c + o|^2 = |c|^2 + 2 c.o + |o|^2, with c.o taken during the merge.
  std::vector<std::pair<terms::TermId, float>> merged;
  merged.reserve(weights.size() + other.weights.size());
  double dot = 0;
  auto i = weights.begin();
  auto j = other.weights.begin();
  while (i != weights.end() || j != other.weights.end()) {
    if (j == other.weights.end() || (i != weights.end() && i->first < j->first)) {
      merged.push_back(*i++);
    } else if (i == weights.end() || j->first < i->first) {
      if (new_terms != nullptr) new_terms->push_back(j->first);
      merged.push_back(*j++);
    } else {
      dot += static_cast<double>(i->second) * j->second;
      merged.emplace_back(i->first, i->second + j->second);
      ++i;
      ++j;
    }
  }
  weights = std::move(merged);
  norm2 += 2 * dot + other.norm2;
}

double Centroid::Cosine(const terms::SparseVector& v) const {
  if (v.empty() || norm2 <= 0) return 0.0;
  double dot = 0;
  auto from = weights.begin();
  for (const auto& [id, w] : v.entries) {
    // Both sides are sorted, so each search starts where the last one ended.
    from = std::lower_bound(from, weights.end(), id, [](const auto& e, terms::TermId t) { return e.first < t; });
    if (from == weights.end()) break;
    if (from->first == id) dot += static_cast<double>(w) * from->second;
  }
  return dot / std::sqrt(norm2);
}

double Centroid::Cosine(const Centroid& other) const {
  if (norm2 <= 0 || other.norm2 <= 0) return 0.0;
  double dot = 0;
  auto i = weights.begin();
  auto j = other.weights.begin();
  while (i != weights.end() && j != other.weights.end()) {
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
  return dot / std::sqrt(norm2 * other.norm2);
}

void StoryVectors::Remember(const terms::SparseVector& all_vector, const terms::SparseVector& names_vector) {
  if (recent.size() < kRecentMembers) {
    recent.emplace_back(all_vector, names_vector);
    return;
  }
  recent[recent_next] = {all_vector, names_vector};
  recent_next = (recent_next + 1) % kRecentMembers;
}

std::string_view StoryFeatureName(size_t feature) {
  static constexpr std::string_view kNames[kStoryFeatureCount] = {
      "bias",           "cosine_all",         "cosine_lead",          "cosine_title", "cosine_names",
      "cosine_numbers", "nearest_member_all", "nearest_member_names", "both_titled",  "time_1d",
      "time_3d",        "both_dated"};
  return feature < kStoryFeatureCount ? kNames[feature] : std::string_view();
}

namespace {

// The features that do not compare term vectors.
void SetTimeFeatures(const ArticleVectors& article, const StoryVectors& story, StoryFeatureVector& f) {
  f[kBias] = 1.0;
  if (article.time && story.first_time && story.last_time) {
    const int64_t t = *article.time;
    const int64_t gap =
        t < *story.first_time ? *story.first_time - t : (t > *story.last_time ? t - *story.last_time : 0);
    const double days = static_cast<double>(gap) / 86400.0;
    f[kTimeDay] = std::exp(-days * days / 2.0);
    f[kTimeThreeDays] = std::exp(-(days / 3.0) * (days / 3.0) / 2.0);
    f[kBothDated] = 1.0;
  }
}

// Every feature of `article` against `story`: the one list of features, whichever way the
// vectors are compared — `cosine(centroid, article vector, part)` and `dot(article vector,
// member vector, part)`, part naming the article vector.
template <typename CosineFn, typename DotFn>
StoryFeatureVector AssembleFeatures(const ArticleVectors& article, const StoryVectors& story, CosineFn cosine,
                                    DotFn dot) {
  StoryFeatureVector f{};
  SetTimeFeatures(article, story, f);
  f[kCosineAll] = cosine(story.all, article.all, ArticleLookup::kAll);
  f[kCosineLead] = cosine(story.lead, article.lead, ArticleLookup::kLead);
  const bool both_titled = !article.title.empty() && story.title.norm2 > 0;
  f[kCosineTitle] = both_titled ? cosine(story.title, article.title, ArticleLookup::kTitle) : 0.0;
  f[kCosineNames] = cosine(story.names, article.names, ArticleLookup::kNames);
  f[kCosineNumbers] = cosine(story.numbers, article.numbers, ArticleLookup::kNumbers);
  for (const auto& [all, names] : story.recent) {
    f[kNearestMemberAll] = std::max(f[kNearestMemberAll], dot(article.all, all, ArticleLookup::kAll));
    f[kNearestMemberNames] = std::max(f[kNearestMemberNames], dot(article.names, names, ArticleLookup::kNames));
  }
  f[kBothTitled] = both_titled ? 1.0 : 0.0;
  return f;
}

}  // namespace

StoryFeatureVector ComputeStoryFeatures(const ArticleVectors& article, const StoryVectors& story) {
  return AssembleFeatures(
      article, story, [](const Centroid& c, const terms::SparseVector& v, ArticleLookup::Part) { return c.Cosine(v); },
      [](const terms::SparseVector& a, const terms::SparseVector& member, ArticleLookup::Part) {
        return terms::Dot(a, member);
      });
}

void ArticleLookup::Set(const ArticleVectors& article) {
  for (terms::TermId id : terms_) slot_[id] = 0;
  terms_.clear();
  weights_.clear();
  article_ = &article;
  const std::pair<const terms::SparseVector*, Part> parts[] = {{&article.all, kAll},
                                                               {&article.title, kTitle},
                                                               {&article.lead, kLead},
                                                               {&article.names, kNames},
                                                               {&article.numbers, kNumbers}};
  for (const auto& [vector, part] : parts) {
    for (const auto& [id, w] : vector->entries) {
      if (id >= slot_.size()) slot_.resize(std::max<size_t>(static_cast<size_t>(id) + 1, slot_.size() * 2), 0);
      if (slot_[id] == 0) {
        weights_.emplace_back();
        weights_.back().fill(0.0f);
        slot_[id] = static_cast<uint32_t>(weights_.size());
        terms_.push_back(id);
      }
      weights_[slot_[id] - 1][part] = w;
    }
  }
}

double ArticleLookup::Dot(const std::vector<std::pair<terms::TermId, float>>& entries, Part part) const {
  // Terms the article lacks add +0.0 (its slot's weight for this part is 0 too), as the merge
  // adds nothing for them: the same sum.
  double dot = 0;
  for (const auto& [id, w] : entries) {
    const uint32_t slot = id < slot_.size() ? slot_[id] : 0;
    if (slot != 0) dot += static_cast<double>(weights_[slot - 1][part]) * w;
  }
  return dot;
}

double ArticleLookup::Cosine(const Centroid& centroid, const terms::SparseVector& v, Part part) const {
  // Walking the centroid pays when it is not much longer than the article's vector; a big
  // story's centroid is searched per article term instead (the same sum either way).
  if (centroid.weights.size() > 4 * v.entries.size()) return centroid.Cosine(v);
  if (v.empty() || centroid.norm2 <= 0) return 0.0;
  return Dot(centroid.weights, part) / std::sqrt(centroid.norm2);
}

StoryFeatureVector ArticleLookup::Features(const StoryVectors& story) const {
  return AssembleFeatures(
      *article_, story,
      [this](const Centroid& c, const terms::SparseVector& v, Part part) { return Cosine(c, v, part); },
      [this](const terms::SparseVector&, const terms::SparseVector& member, Part part) {
        return Dot(member.entries, part);
      });
}

}  // namespace storydesk::stories
