#include "core/copies/copy_index.h"

#include <algorithm>
#include <functional>
#include <tuple>

namespace storydesk::copies {
namespace {

int KindRank(CopyKind kind) {
  switch (kind) {
    case CopyKind::kExact:
      return 4;
    case CopyKind::kNear:
      return 3;
    case CopyKind::kExcerpt:
      return 2;
    case CopyKind::kRewrite:
      return 1;
    case CopyKind::kNone:
      break;
  }
  return 0;
}

// True when `a` is the clearer match than `b`.
bool Better(const CopyMatch& a, const CopyMatch& b) {
  return std::make_tuple(KindRank(a.verdict.kind), a.verdict.score, -static_cast<double>(a.document)) >
         std::make_tuple(KindRank(b.verdict.kind), b.verdict.score, -static_cast<double>(b.document));
}

}  // namespace

std::vector<std::pair<float, terms::TermId>> CopyIndex::Heaviest(const terms::SparseVector& terms) const {
  std::vector<std::pair<float, terms::TermId>> heaviest;
  const size_t k = std::min(options_.query_terms, terms.entries.size());
  if (k == 0) return heaviest;
  // The k-th largest weight, selected among the bare weights (a float comparison, not a pair's),
  // then every term heavier than it and, at it, the lowest ids (entries ascend by id): the k
  // first terms by descending weight and ascending id, found in linear time.
  std::vector<float> weights;
  weights.reserve(terms.entries.size());
  for (const auto& [id, w] : terms.entries) weights.push_back(w);
  const auto kth = weights.begin() + static_cast<std::ptrdiff_t>(k - 1);
  std::nth_element(weights.begin(), kth, weights.end(), std::greater<>());
  const float cut = *kth;
  size_t at_cut = k - static_cast<size_t>(std::count_if(weights.begin(), kth, [&](float w) { return w > cut; }));
  heaviest.reserve(k);
  for (const auto& [id, w] : terms.entries) {
    if (w > cut) {
      heaviest.emplace_back(w, id);
    } else if (w == cut && at_cut > 0) {
      heaviest.emplace_back(w, id);
      --at_cut;
    }
  }
  std::sort(heaviest.begin(), heaviest.end(), [](const auto& a, const auto& b) {
    return a.first > b.first || (a.first == b.first && a.second < b.second);
  });
  return heaviest;
}

std::optional<CopyMatch> CopyIndex::Find(const CopyDocument& doc, const terms::SparseVector& terms,
                                         const CopyModels& models) const {
  std::optional<CopyMatch> best;
  auto offer = [&](size_t index, const CopyVerdict& verdict) {
    if (verdict.kind == CopyKind::kNone) return;
    CopyMatch m{index, verdict};
    if (!best || Better(m, *best)) best = m;
  };
  if (auto exact = exact_.find(doc.exact_hash); exact != exact_.end() && doc.word_count > 0) {
    CopyVerdict v;
    v.kind = CopyKind::kExact;
    v.score = v.jaccard = v.containment = 1.0;
    offer(exact->second, v);
    return best;
  }

  std::vector<size_t> compared;
  auto compare = [&](size_t index) {
    if (std::find(compared.begin(), compared.end(), index) != compared.end()) return;
    compared.push_back(index);
    auto it = entries_.find(index);
    if (it == entries_.end()) return;
    offer(index, ClassifyCopy(doc, it->second.doc, models, options_.copy));
  };
  if (doc.shingles.size() >= options_.copy.min_shingles) {
    for (uint64_t index : lsh_.Candidates(doc.minhash)) compare(static_cast<size_t>(index));
  }

  // Term-at-a-time overlap over the newest postings of the heaviest terms.
  const auto heaviest = Heaviest(terms);
  double query_weight = 0;
  std::vector<std::pair<size_t, float>> hits;
  hits.reserve(heaviest.size() * options_.max_postings_per_term);  // at most; spares the regrowth
  for (const auto& [w, term] : heaviest) {
    query_weight += w;
    auto it = postings_.find(term);
    if (it == postings_.end()) continue;
    const std::vector<size_t>& list = it->second;
    const size_t from = list.size() > options_.max_postings_per_term ? list.size() - options_.max_postings_per_term : 0;
    for (size_t j = from; j < list.size(); ++j) hits.emplace_back(list[j], w);
  }
  std::sort(hits.begin(), hits.end());
  std::vector<std::pair<float, size_t>> scored;
  for (size_t i = 0; i < hits.size();) {
    const size_t index = hits[i].first;
    float overlap = 0;
    for (; i < hits.size() && hits[i].first == index; ++i) overlap += hits[i].second;
    if (overlap >= options_.min_shared_weight * query_weight && entries_.count(index) > 0) {
      scored.emplace_back(-overlap, index);
    }
  }
  const size_t keep = std::min(options_.compared, scored.size());
  std::partial_sort(scored.begin(), scored.begin() + static_cast<std::ptrdiff_t>(keep), scored.end());
  for (size_t i = 0; i < keep; ++i) compare(scored[i].second);
  return best;
}

void CopyIndex::Insert(size_t document, CopyDocument doc, const terms::SparseVector& terms) {
  Entry entry;
  exact_.try_emplace(doc.exact_hash, document);
  if (doc.shingles.size() >= options_.copy.min_shingles) {
    entry.band_keys = fingerprint::LshIndex::Keys(doc.minhash);
    if (entry.band_keys) lsh_.Insert(document, *entry.band_keys);
  }
  for (const auto& [w, term] : Heaviest(terms)) {
    postings_[term].push_back(document);
    entry.terms.push_back(term);
  }
  entry.doc = std::move(doc);
  entries_.insert_or_assign(document, std::move(entry));
}

void CopyIndex::Erase(size_t document) {
  auto it = entries_.find(document);
  if (it == entries_.end()) return;
  if (auto exact = exact_.find(it->second.doc.exact_hash); exact != exact_.end() && exact->second == document) {
    exact_.erase(exact);
  }
  if (it->second.band_keys) lsh_.Erase(document, *it->second.band_keys);
  entries_.erase(it);
  if (++erased_since_compaction_ > 1024 && erased_since_compaction_ > entries_.size()) CompactPostings();
}

const CopyDocument* CopyIndex::Get(size_t document) const {
  auto it = entries_.find(document);
  return it == entries_.end() ? nullptr : &it->second.doc;
}

void CopyIndex::MarkTermsInUse(std::vector<bool>& in_use) {
  CompactPostings();
  for (const auto& [document, entry] : entries_) {
    for (terms::TermId id : entry.terms) in_use[id] = true;
    for (terms::TermId id : entry.doc.stems) in_use[id] = true;
    for (const SentenceProfile& sentence : entry.doc.sentences.Unpack()) {
      for (const WeightedTerm& stem : sentence.stems) in_use[stem.term] = true;
      for (terms::TermId id : sentence.names) in_use[id] = true;
      for (terms::TermId id : sentence.numbers) in_use[id] = true;
      for (uint64_t pair : sentence.bigrams) {  // two stem ids (sentence_profile.cc)
        in_use[static_cast<terms::TermId>(pair >> 32)] = true;
        in_use[static_cast<terms::TermId>(pair)] = true;
      }
    }
  }
  for (const auto& [id, list] : postings_) in_use[id] = true;
}

void CopyIndex::CompactPostings() {
  for (auto it = postings_.begin(); it != postings_.end();) {
    std::vector<size_t>& list = it->second;
    list.erase(std::remove_if(list.begin(), list.end(), [&](size_t d) { return entries_.count(d) == 0; }), list.end());
    it = list.empty() ? postings_.erase(it) : std::next(it);
  }
  erased_since_compaction_ = 0;
}

}  // namespace storydesk::copies
