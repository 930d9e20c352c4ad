#include "core/stories/story_grouper.h"

#include <algorithm>
#include <cmath>
#include <unordered_set>

namespace storydesk::stories {
namespace {

// Cosine of a unit article vector with a (non-normalised) centroid.
double CosineWithCentroid(const SparseVector& article, const std::unordered_map<TermId, float>& centroid,
                          double centroid_norm2) {
  if (article.empty() || centroid_norm2 <= 0) return 0.0;
  double dot = 0;
  for (const auto& [id, w] : article.entries) {
    auto it = centroid.find(id);
    if (it != centroid.end()) dot += static_cast<double>(w) * it->second;
  }
  return dot / std::sqrt(centroid_norm2);
}

// Adds a unit vector to a centroid, keeping its squared norm current:
// |c + v|^2 = |c|^2 + 2 c.v + |v|^2.
void AddToCentroid(const SparseVector& v, std::unordered_map<TermId, float>* centroid, double* norm2,
                   std::vector<TermId>* new_terms) {
  double dot = 0, self = 0;
  for (const auto& [id, w] : v.entries) {
    auto [it, inserted] = centroid->try_emplace(id, 0.0f);
    if (inserted && new_terms != nullptr) new_terms->push_back(id);
    dot += static_cast<double>(it->second) * w;
    self += static_cast<double>(w) * w;
    it->second += w;
  }
  *norm2 += 2 * dot + self;
}

}  // namespace

StoryGrouper::StoryGrouper(GroupingOptions options) : options_(options) {}

void StoryGrouper::ReserveStoryIdsThrough(int64_t id) { next_story_id_ = std::max(next_story_id_, id + 1); }

bool StoryGrouper::Active(const Story& story, const std::optional<int64_t>& time) const {
  if (!time || !story.first_time) return true;
  return *time >= *story.first_time - options_.window_seconds && *time <= *story.last_time + options_.window_seconds;
}

Assignment StoryGrouper::Assign(const ArticleProfile& article) {
  if (article.time) Evict(*article.time);
  Assignment assignment;
  if (auto copy = FindCopy(article)) {
    assignment = *copy;
  } else {
    assignment = FindStory(article);
  }
  Remember(article, assignment);
  return assignment;
}

void StoryGrouper::Record(const ArticleProfile& article, const Assignment& assignment) {
  // No eviction while restoring: the restored window may reach past the articles still to
  // come, and evicting by its newest time would drop stories those articles should find.
  ReserveStoryIdsThrough(assignment.story);
  Remember(article, assignment);
}

std::optional<Assignment> StoryGrouper::FindCopy(const ArticleProfile& article) const {
  auto exact = exact_.find(article.exact_hash);
  if (exact != exact_.end()) {
    const Document& original = documents_[exact->second];
    Assignment a;
    a.story = original.story;
    a.similarity = 1.0;
    a.relation = CopyRelation::kExact;
    a.copy_of = original.original;
    a.copy_score = 1.0;
    return a;
  }
  if (article.word_count < options_.near_copy_min_words) return std::nullopt;

  const Document* best = nullptr;
  double best_jaccard = 0;
  for (uint64_t index : lsh_.Candidates(article.minhash)) {
    const Document& candidate = documents_[index];
    const double j = fingerprint::EstimateJaccard(article.minhash, candidate.minhash);
    // Candidates come in index order, so on ties the earliest document wins.
    if (j >= options_.near_copy_jaccard && j > best_jaccard) {
      best = &candidate;
      best_jaccard = j;
    }
  }
  if (best == nullptr) return std::nullopt;
  Assignment a;
  a.story = best->story;
  a.similarity = 1.0;
  a.relation = CopyRelation::kNear;
  a.copy_of = best->original;
  a.copy_score = best_jaccard;
  return a;
}

Assignment StoryGrouper::FindStory(const ArticleProfile& article) {
  // Look up only the heaviest terms: they carry the story, and the long postings of common
  // words would cost more than they add.
  std::vector<std::pair<float, TermId>> heaviest;
  heaviest.reserve(article.terms.entries.size());
  for (const auto& [id, w] : article.terms.entries) heaviest.emplace_back(w, id);
  const size_t k = std::min(options_.query_terms, heaviest.size());
  std::partial_sort(heaviest.begin(), heaviest.begin() + static_cast<std::ptrdiff_t>(k), heaviest.end(),
                    [](const auto& a, const auto& b) { return a.first > b.first || (a.first == b.first && a.second < b.second); });

  std::vector<int64_t> candidates;
  for (size_t i = 0; i < k; ++i) {
    auto it = postings_.find(heaviest[i].second);
    if (it == postings_.end()) continue;
    candidates.insert(candidates.end(), it->second.begin(), it->second.end());
  }
  std::sort(candidates.begin(), candidates.end());
  candidates.erase(std::unique(candidates.begin(), candidates.end()), candidates.end());

  Assignment best;
  double best_score = -1;
  for (int64_t story_id : candidates) {
    auto it = stories_.find(story_id);
    if (it == stories_.end() || !Active(it->second, article.time)) continue;
    const Story& story = it->second;
    const double words = CosineWithCentroid(article.terms, story.terms, story.terms_norm2);
    double score = words;
    if (!article.names.empty() && story.names_norm2 > 0) {
      const double names = CosineWithCentroid(article.names, story.names, story.names_norm2);
      score = (1 - options_.name_weight) * words + options_.name_weight * names;
    }
    // Ascending ids: on a tie the older story wins.
    if (score > best_score) {
      best_score = score;
      best.story = story_id;
    }
  }
  if (best_score >= options_.join_threshold) {
    best.similarity = best_score;
    return best;
  }
  Assignment opened;
  opened.story = next_story_id_++;
  opened.opened_story = true;
  opened.similarity = 1.0;
  return opened;
}

void StoryGrouper::Remember(const ArticleProfile& article, const Assignment& assignment) {
  const size_t index = documents_.size();
  Document doc;
  doc.id = article.id;
  doc.original = assignment.copy_of.value_or(article.id);
  doc.story = assignment.story;
  doc.time = article.time;
  doc.exact_hash = article.exact_hash;
  exact_.try_emplace(article.exact_hash, index);
  // Dated documents leave the copy indexes with the window, like stories do: what a restored
  // engine knows (the stored window) and what a whole-run engine knows must be the same.
  if (article.time) document_expiry_.emplace(*article.time, index);
  // Copies stay out of the LSH index and the centroid: their original already stands for
  // them, and counting a text twice would pull the story towards whatever is copied most.
  if (assignment.relation == CopyRelation::kNone) {
    if (article.word_count >= options_.near_copy_min_words) {
      lsh_.Insert(index, article.minhash);
      doc.minhash = article.minhash;
    }
    AddToStory(assignment.story, article);
  } else {
    auto it = stories_.find(assignment.story);
    if (it != stories_.end()) {
      ++it->second.size;
    }
  }
  documents_.push_back(std::move(doc));
}

void StoryGrouper::AddToStory(int64_t story_id, const ArticleProfile& article) {
  Story& story = stories_[story_id];
  std::vector<TermId> new_terms;
  AddToCentroid(article.terms, &story.terms, &story.terms_norm2, &new_terms);
  AddToCentroid(article.names, &story.names, &story.names_norm2, nullptr);
  for (TermId id : new_terms) postings_[id].push_back(story_id);
  ++story.size;
  if (article.time) {
    if (!story.first_time || *article.time < *story.first_time) story.first_time = article.time;
    if (!story.last_time || *article.time > *story.last_time) {
      story.last_time = article.time;
      expiry_.emplace(*article.time, story_id);
    }
  }
}

void StoryGrouper::Evict(int64_t now) {
  if (newest_time_ && now <= *newest_time_) return;
  newest_time_ = now;
  const int64_t horizon = now - options_.window_seconds;
  while (!expiry_.empty() && expiry_.top().first < horizon) {
    const auto [last_time, story_id] = expiry_.top();
    expiry_.pop();
    auto it = stories_.find(story_id);
    // A stale entry: the story has had an article since this entry was queued.
    if (it == stories_.end() || it->second.last_time != last_time) continue;
    stories_.erase(it);
    ++evicted_since_compaction_;
  }
  while (!document_expiry_.empty() && document_expiry_.top().first < horizon) {
    const size_t index = document_expiry_.top().second;
    document_expiry_.pop();
    Document& doc = documents_[index];
    if (auto exact = exact_.find(doc.exact_hash); exact != exact_.end() && exact->second == index) exact_.erase(exact);
    if (!doc.minhash.empty()) lsh_.Erase(index, doc.minhash);
    doc.minhash.clear();
    doc.minhash.shrink_to_fit();
  }
  if (evicted_since_compaction_ > 1024 && evicted_since_compaction_ > stories_.size()) CompactPostings();
}

void StoryGrouper::CompactPostings() {
  for (auto it = postings_.begin(); it != postings_.end();) {
    auto& ids = it->second;
    ids.erase(std::remove_if(ids.begin(), ids.end(), [this](int64_t id) { return !stories_.count(id); }), ids.end());
    it = ids.empty() ? postings_.erase(it) : std::next(it);
  }
  evicted_since_compaction_ = 0;
}

}  // namespace storydesk::stories
