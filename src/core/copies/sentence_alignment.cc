#include "storydesk/copies/sentence_alignment.h"

#include <algorithm>
#include <tuple>

#include "storydesk/learning/logistic_regression.h"

namespace storydesk::copies {
namespace {

// Words as copy evidence: quoted words weigh less (EvidenceWords), so a chain of shared
// quotations neither wins the alignment nor covers much.
double Words(const std::vector<SentenceProfile>& s, uint32_t begin, uint32_t end) {
  double n = 0;
  for (uint32_t i = begin; i < end; ++i) n += EvidenceWords(s[i]);
  return n;
}

// For each sentence of `side`, the sentences of `other` sharing at least `min_shared` terms
// (stems and names). The (term, sentence) pairs of `other` are sorted into one array, and an
// open-addressing table (linear probing, Fibonacci hashing) finds a term's run of sentences:
// two allocations per call, where a term -> sentences hash map allocates a list per term.
std::vector<std::vector<uint32_t>> Neighbours(const std::vector<SentenceProfile>& side,
                                              const std::vector<SentenceProfile>& other, uint32_t min_shared) {
  // term << 32 | sentence: the sentences having a term are one run, in ascending order.
  std::vector<uint64_t> pairs;
  for (uint32_t j = 0; j < other.size(); ++j) {
    for (const WeightedTerm& t : other[j].stems) pairs.push_back(static_cast<uint64_t>(t.term) << 32 | j);
    for (terms::TermId n : other[j].names) pairs.push_back(static_cast<uint64_t>(n) << 32 | j);
  }
  std::sort(pairs.begin(), pairs.end());
  auto term_of = [&](size_t p) { return static_cast<terms::TermId>(pairs[p] >> 32); };
  // Slot -> 1 + the first pair of a term's run (0: empty); at most half full.
  int bits = 4;
  while ((size_t{1} << bits) < 2 * pairs.size()) ++bits;
  const size_t mask = (size_t{1} << bits) - 1;
  auto home = [&](terms::TermId term) { return static_cast<size_t>((term * 0x9E3779B97F4A7C15ULL) >> (64 - bits)); };
  std::vector<uint32_t> runs(mask + 1, 0);
  for (size_t p = 0; p < pairs.size(); ++p) {
    if (p > 0 && term_of(p) == term_of(p - 1)) continue;
    size_t slot = home(term_of(p));
    while (runs[slot] != 0) slot = (slot + 1) & mask;
    runs[slot] = static_cast<uint32_t>(p + 1);
  }
  std::vector<std::vector<uint32_t>> out(side.size());
  std::vector<uint32_t> counts(other.size(), 0);
  std::vector<uint32_t> touched;
  for (uint32_t i = 0; i < side.size(); ++i) {
    touched.clear();
    auto visit = [&](terms::TermId term) {
      size_t slot = home(term);
      while (runs[slot] != 0 && term_of(runs[slot] - 1) != term) slot = (slot + 1) & mask;
      if (runs[slot] == 0) return;  // no sentence of `other` has it
      for (size_t p = runs[slot] - 1; p < pairs.size() && term_of(p) == term; ++p) {
        const auto j = static_cast<uint32_t>(pairs[p]);
        if (counts[j]++ == 0) touched.push_back(j);
      }
    };
    for (const WeightedTerm& t : side[i].stems) visit(t.term);
    for (terms::TermId n : side[i].names) visit(n);
    for (uint32_t j : touched) {
      if (counts[j] >= min_shared) out[i].push_back(j);
      counts[j] = 0;
    }
    std::sort(out[i].begin(), out[i].end());
  }
  return out;
}

}  // namespace

std::vector<SentenceLink> CandidateLinks(const std::vector<SentenceProfile>& a, const std::vector<SentenceProfile>& b,
                                         const SentenceModel& model, double min_probability,
                                         const AlignmentOptions& options) {
  std::vector<SentenceLink> links;
  if (a.empty() || b.empty()) return links;
  const auto na = static_cast<uint32_t>(a.size());
  const auto nb = static_cast<uint32_t>(b.size());
  // 1:1 and 1:2 from A's side, 2:1 from B's side.
  auto consider = [&](uint32_t a0, uint32_t a1, uint32_t b0, uint32_t b1, const SentenceProfile& pa,
                      const SentenceProfile& pb) {
    const auto f = FeaturesIfPossiblyAtLeast(model, pa, pb, min_probability);
    if (!f) return;
    const double p = learning::Sigmoid(model.Logit(*f));
    if (p >= min_probability) links.push_back({a0, a1, b0, b1, p, (*f)[kWeightedDice]});
  };
  // Two adjacent sentences read as one, merged once each and only when first needed.
  auto merged = [](const std::vector<SentenceProfile>& side, std::vector<std::optional<SentenceProfile>>& cache,
                   uint32_t k) -> const SentenceProfile& {
    if (!cache[k]) cache[k] = MergeProfiles(side[k], side[k + 1]);
    return *cache[k];
  };
  std::vector<std::optional<SentenceProfile>> merged_a(na), merged_b(nb);
  const auto from_a = Neighbours(a, b, options.min_shared_terms);
  for (uint32_t i = 0; i < na; ++i) {
    for (uint32_t j : from_a[i]) {
      consider(i, i + 1, j, j + 1, a[i], b[j]);
      if (j + 1 < nb) consider(i, i + 1, j, j + 2, a[i], merged(b, merged_b, j));
    }
  }
  const auto from_b = Neighbours(b, a, options.min_shared_terms);
  for (uint32_t j = 0; j < nb; ++j) {
    for (uint32_t i : from_b[j]) {
      if (i + 1 < na) consider(i, i + 2, j, j + 1, merged(a, merged_a, i), b[j]);
    }
  }
  return links;
}

SentenceAlignment ChainLinks(std::vector<SentenceLink> links, const std::vector<SentenceProfile>& a,
                             const std::vector<SentenceProfile>& b, double min_probability) {
  SentenceAlignment out;
  links.erase(std::remove_if(links.begin(), links.end(),
                             [&](const SentenceLink& l) { return l.probability < min_probability; }),
              links.end());
  if (links.empty()) return out;

  // The heaviest in-order chain: links sorted by their A end; best[k] = the weight (words of A
  // times probability) of the best chain ending in link k.
  std::sort(links.begin(), links.end(), [](const SentenceLink& x, const SentenceLink& y) {
    return std::tie(x.a_end, x.b_end, x.a_begin, x.b_begin) < std::tie(y.a_end, y.b_end, y.a_begin, y.b_begin);
  });
  const size_t m = links.size();
  std::vector<double> best(m);
  std::vector<int64_t> previous(m, -1);
  for (size_t k = 0; k < m; ++k) {
    const double own = Words(a, links[k].a_begin, links[k].a_end) * links[k].probability;
    best[k] = own;
    for (size_t q = 0; q < k; ++q) {
      if (links[q].a_end <= links[k].a_begin && links[q].b_end <= links[k].b_begin && best[q] + own > best[k]) {
        best[k] = best[q] + own;
        previous[k] = static_cast<int64_t>(q);
      }
    }
  }
  int64_t k = static_cast<int64_t>(std::max_element(best.begin(), best.end()) - best.begin());
  for (; k >= 0; k = previous[static_cast<size_t>(k)]) out.links.push_back(links[static_cast<size_t>(k)]);
  std::reverse(out.links.begin(), out.links.end());

  double words_a = 0, words_b = 0;
  for (const SentenceLink& l : out.links) {
    words_a += Words(a, l.a_begin, l.a_end);
    words_b += Words(b, l.b_begin, l.b_end);
    out.matched_a += l.a_end - l.a_begin;
    out.matched_b += l.b_end - l.b_begin;
  }
  const double total_a = Words(a, 0, static_cast<uint32_t>(a.size()));
  const double total_b = Words(b, 0, static_cast<uint32_t>(b.size()));
  if (total_a > 0) out.coverage_a = words_a / total_a;
  if (total_b > 0) out.coverage_b = words_b / total_b;
  return out;
}

SentenceAlignment AlignSentences(const std::vector<SentenceProfile>& a, const std::vector<SentenceProfile>& b,
                                 const SentenceModel& model, const AlignmentOptions& options) {
  return ChainLinks(CandidateLinks(a, b, model, model.match_probability, options), a, b, model.match_probability);
}

}  // namespace storydesk::copies
