#include "storydesk/claims/claim_support.h"

#include <algorithm>
#include <bit>
#include <cmath>
#include <cstddef>
#include <cstdint>

#include "core/copies/sorted_sets.h"
#include "storydesk/learning/logistic_regression.h"
#include "storydesk/learning/model_text.h"

namespace storydesk::claims {
namespace {

// A claim's terms are tracked as bits of one 64-bit mask per text sentence: a news sentence
// has far fewer than 64 content stems, and a longer one keeps its 64 heaviest.
constexpr size_t kMaxTrackedTerms = 64;
constexpr size_t kMaxWindow = 3;
// What a name or a number weighs when the window is chosen: about the IDF of a rare word.
constexpr double kNameOrNumberWeight = 5.0;

template <typename T>
uint64_t PresenceMask(const std::vector<T>& tracked, const std::vector<T>& sorted_set) {
  uint64_t mask = 0;
  for (size_t i = 0; i < tracked.size(); ++i) {
    if (std::binary_search(sorted_set.begin(), sorted_set.end(), tracked[i])) mask |= uint64_t{1} << i;
  }
  return mask;
}

uint64_t StemMask(const std::vector<copies::WeightedTerm>& tracked, const std::vector<copies::WeightedTerm>& stems) {
  uint64_t mask = 0;
  for (size_t i = 0, j = 0; i < tracked.size() && j < stems.size();) {
    if (tracked[i].term < stems[j].term) {
      ++i;
    } else if (stems[j].term < tracked[i].term) {
      ++j;
    } else {
      mask |= uint64_t{1} << i;
      ++i, ++j;
    }
  }
  return mask;
}

double Share(uint64_t mask, size_t n) {
  return n == 0 ? 0.0 : static_cast<double>(std::popcount(mask)) / static_cast<double>(n);
}

}  // namespace

std::string_view ClaimFeatureName(size_t feature) {
  static constexpr std::string_view kNames[kClaimFeatureCount] = {
      "bias",           "window_coverage", "article_coverage",  "window_bigram_coverage", "name_coverage",
      "number_missing", "number_conflict", "negation_mismatch", "sentence_match",         "heaviest_missing",
      "number_match",   "name_match",      "synonym_coverage"};
  return feature < kClaimFeatureCount ? kNames[feature] : std::string_view();
}

std::string_view SupportLevelName(SupportLevel level) {
  switch (level) {
    case SupportLevel::kYes:
      return "yes";
    case SupportLevel::kPartial:
      return "partial";
    case SupportLevel::kNo:
      break;
  }
  return "no";
}

ClaimEvidence ComputeClaimEvidence(const ClaimSentence& claim, const ClaimText& text,
                                   const copies::SentenceModel& matcher) {
  ClaimEvidence e;
  ClaimFeatureVector& f = e.features;
  f[kClaimBias] = 1.0;
  const copies::SentenceProfile& c = claim.profile;

  // The tracked stems: all, or the 64 heaviest, ascending by term as the profiles are; with
  // each one's synonyms.
  std::vector<size_t> order(c.stems.size());
  for (size_t k = 0; k < order.size(); ++k) order[k] = k;
  if (order.size() > kMaxTrackedTerms) {
    std::partial_sort(order.begin(), order.begin() + kMaxTrackedTerms, order.end(),
                      [&](size_t x, size_t y) { return c.stems[x].weight > c.stems[y].weight; });
    order.resize(kMaxTrackedTerms);
    std::sort(order.begin(), order.end());
  }
  std::vector<copies::WeightedTerm> tracked;
  std::vector<const std::vector<terms::TermId>*> tracked_synonyms;
  for (size_t k : order) {
    tracked.push_back(c.stems[k]);
    tracked_synonyms.push_back(k < claim.synonyms.size() && !claim.synonyms[k].empty() ? &claim.synonyms[k] : nullptr);
  }
  double total = 0.0;
  size_t heaviest = 0;
  for (size_t i = 0; i < tracked.size(); ++i) {
    total += tracked[i].weight;
    if (tracked[i].weight > tracked[heaviest].weight) heaviest = i;
  }
  std::vector<uint64_t> bigrams(
      c.bigrams.begin(), c.bigrams.begin() + static_cast<std::ptrdiff_t>(std::min(c.bigrams.size(), kMaxTrackedTerms)));
  std::vector<terms::TermId> numbers(
      c.numbers.begin(), c.numbers.begin() + static_cast<std::ptrdiff_t>(std::min(c.numbers.size(), kMaxTrackedTerms)));

  // Names and numbers in the whole text; stems too.
  if (!c.names.empty()) {
    f[kNameCoverage] =
        Share(PresenceMask(c.names.size() > kMaxTrackedTerms
                               ? std::vector<terms::TermId>(c.names.begin(), c.names.begin() + kMaxTrackedTerms)
                               : c.names,
                           text.names),
              std::min(c.names.size(), kMaxTrackedTerms));
  } else {
    f[kNameCoverage] = 1.0;
  }
  const uint64_t numbers_in_text = PresenceMask(numbers, text.numbers);
  if (!numbers.empty()) f[kNumberMissing] = 1.0 - Share(numbers_in_text, numbers.size());
  if (total > 0) {
    double covered = 0.0;
    for (const copies::WeightedTerm& t : tracked) {
      if (std::binary_search(text.stems.begin(), text.stems.end(), t.term)) covered += t.weight;
    }
    f[kArticleCoverage] = covered / total;
  }
  if (text.sentences.empty() || total <= 0) return e;

  // Per sentence of the text: which of the claim's stems, bigrams, names and numbers it has.
  const size_t n = text.sentences.size();
  std::vector<uint64_t> stem_mask(n), loose_mask(n), bigram_mask(n), number_mask(n), name_mask(n);
  std::vector<terms::TermId> names(
      c.names.begin(), c.names.begin() + static_cast<std::ptrdiff_t>(std::min(c.names.size(), kMaxTrackedTerms)));
  for (size_t s = 0; s < n; ++s) {
    const copies::SentenceProfile& p = text.sentences[s].profile;
    stem_mask[s] = StemMask(tracked, p.stems);
    loose_mask[s] = stem_mask[s];
    for (size_t i = 0; i < tracked.size(); ++i) {
      if ((loose_mask[s] >> i) & 1 || tracked_synonyms[i] == nullptr) continue;
      for (terms::TermId synonym : *tracked_synonyms[i]) {
        const auto at = std::lower_bound(p.stems.begin(), p.stems.end(), synonym,
                                         [](const copies::WeightedTerm& t, terms::TermId id) { return t.term < id; });
        if (at != p.stems.end() && at->term == synonym) {
          loose_mask[s] |= uint64_t{1} << i;
          break;
        }
      }
    }
    bigram_mask[s] = PresenceMask(bigrams, p.bigrams);
    number_mask[s] = PresenceMask(numbers, p.numbers);
    name_mask[s] = PresenceMask(names, p.names);
  }
  auto weight_of = [&](uint64_t mask) {
    double w = 0.0;
    for (; mask != 0; mask &= mask - 1) w += tracked[static_cast<size_t>(std::countr_zero(mask))].weight;
    return w;
  };
  // The best window: the most of the claim's content — stem weight, and names and numbers at
  // kNameOrNumberWeight each (a rewording keeps them) — then the fewest sentences, then the first.
  // Synonyms count as their stems here.
  double best = -1.0, best_stems = 0.0;
  size_t best_length = 0;
  uint64_t best_mask = 0;
  for (size_t begin = 0; begin < n; ++begin) {
    uint64_t mask = 0, numbers_seen = 0, names_seen = 0;
    for (size_t end = begin + 1; end <= std::min(n, begin + kMaxWindow); ++end) {
      const bool adds = end == begin + 1 || (loose_mask[end - 1] & ~mask) != 0 ||
                        (number_mask[end - 1] & ~numbers_seen) != 0 || (name_mask[end - 1] & ~names_seen) != 0;
      mask |= loose_mask[end - 1];
      numbers_seen |= number_mask[end - 1];
      names_seen |= name_mask[end - 1];
      if (!adds) continue;  // a sentence that adds nothing
      const double stems = weight_of(mask);
      const double w = stems + kNameOrNumberWeight * (std::popcount(numbers_seen) + std::popcount(names_seen));
      const size_t length = end - begin;
      if (w > best + 1e-9 || (w > best - 1e-9 && length < best_length)) {
        best = w, best_stems = stems, best_length = length, best_mask = mask, e.window_begin = begin,
        e.window_end = end;
      }
    }
  }
  uint64_t exact = 0;
  for (size_t s = e.window_begin; s < e.window_end; ++s) exact |= stem_mask[s];
  f[kWindowCoverage] = weight_of(exact) / total;
  f[kSynonymCoverage] = best_stems / total;
  f[kHeaviestMissing] = (best_mask >> heaviest) & 1 ? 0.0 : 1.0;  // a synonym will do
  uint64_t window_bigrams = 0, window_numbers = 0;
  bool window_negated = false, window_has_other_number = false;
  copies::SentenceProfile window = text.sentences[e.window_begin].profile;
  for (size_t s = e.window_begin; s < e.window_end; ++s) {
    window_bigrams |= bigram_mask[s];
    window_numbers |= number_mask[s];
    window_negated = window_negated || text.sentences[s].negated;
    for (terms::TermId number : text.sentences[s].profile.numbers) {
      if (!std::binary_search(c.numbers.begin(), c.numbers.end(), number)) window_has_other_number = true;
    }
    if (s > e.window_begin) window = copies::MergeProfiles(window, text.sentences[s].profile);
  }
  if (!bigrams.empty()) f[kWindowBigramCoverage] = Share(window_bigrams, bigrams.size());
  if (!numbers.empty()) f[kNumberMatch] = Share(window_numbers, numbers.size());
  if (!c.names.empty()) {
    f[kNameMatch] =
        static_cast<double>(copies::IntersectionSize(c.names, window.names)) / static_cast<double>(c.names.size());
  }
  const bool number_missing_in_window = std::popcount(window_numbers) < static_cast<int>(numbers.size());
  f[kNumberConflict] = (number_missing_in_window && window_has_other_number) ? 1.0 : 0.0;
  f[kNegationMismatch] = claim.negated != window_negated ? 1.0 : 0.0;
  f[kSentenceMatch] = matcher.Probability(c, window);
  return e;
}

double ClaimModel::Probability(const ClaimFeatureVector& features) const {
  double z = 0.0;
  for (size_t k = 0; k < kClaimFeatureCount; ++k) z += weights[k] * features[k];
  return learning::Sigmoid(z);
}

SupportLevel ClaimModel::Level(double probability) const {
  if (probability >= cite_probability) return SupportLevel::kYes;
  if (probability >= partial_probability) return SupportLevel::kPartial;
  return SupportLevel::kNo;
}

Support JudgeSupport(const ClaimModel& model, const ClaimSentence& claim, const ClaimText& text,
                     const copies::SentenceModel& matcher) {
  const ClaimEvidence e = ComputeClaimEvidence(claim, text, matcher);
  Support s;
  s.probability = model.Probability(e.features);
  s.level = model.Level(s.probability);
  s.window_begin = e.window_begin;
  s.window_end = e.window_end;
  return s;
}

Result<ClaimModel> ParseClaimModel(std::string_view text) {
  ClaimModel model;
  bool have_weights = false, have_cite = false, have_partial = false, have_unique = false;
  size_t lines = 0;
  const Status status = learning::ForEachModelLine(
      text, kClaimModelHeader,
      [&](size_t number, std::string_view line) -> Status {
        const std::vector<std::string_view> fields = learning::SplitTabs(line);
        if (fields[0] == "claim" && !have_weights) {
          have_weights = true;
          return learning::ReadWeights(fields, number, ClaimFeatureName, &model.weights);
        }
        struct Point {
          std::string_view label;
          double* value;
          bool* seen;
        };
        for (const Point& point : {Point{"cite", &model.cite_probability, &have_cite},
                                   Point{"partial", &model.partial_probability, &have_partial},
                                   Point{"unique", &model.unique_probability, &have_unique}}) {
          if (fields[0] != point.label || *point.seen) continue;
          std::array<double, 1> p{};
          if (Status s = learning::ReadWeights(fields, number, learning::ProbabilityFieldName, &p); !s.ok()) return s;
          if (p[0] <= 0.0 || p[0] >= 1.0) return learning::ModelLineError(number, "a probability must be in (0, 1)");
          *point.value = p[0];
          *point.seen = true;
          return Status::Ok();
        }
        return learning::ModelLineError(number,
                                        "expected one \"claim\", \"cite\", \"partial\" and \"unique\" line, got \"" +
                                            std::string(fields[0]) + "\"");
      },
      &lines);
  if (!status.ok()) return status;
  if (!have_weights || !have_cite || !have_partial || !have_unique) {
    return learning::ModelLineError(lines, "the \"claim\", \"cite\", \"partial\" or \"unique\" line is missing");
  }
  if (model.partial_probability > model.unique_probability || model.unique_probability > model.cite_probability) {
    return learning::ModelLineError(lines, "the probabilities must be partial <= unique <= cite");
  }
  return model;
}

std::string FormatClaimModel(const ClaimModel& model, const std::vector<std::string>& comments) {
  std::string out(kClaimModelHeader);
  out += '\n';
  for (const std::string& c : comments) out += "# " + c + '\n';
  out += learning::WriteWeights("claim", model.weights, ClaimFeatureName);
  out += learning::WriteWeights("cite", std::array<double, 1>{model.cite_probability}, learning::ProbabilityFieldName);
  out += learning::WriteWeights("partial", std::array<double, 1>{model.partial_probability},
                                learning::ProbabilityFieldName);
  out +=
      learning::WriteWeights("unique", std::array<double, 1>{model.unique_probability}, learning::ProbabilityFieldName);
  return out;
}

}  // namespace storydesk::claims
