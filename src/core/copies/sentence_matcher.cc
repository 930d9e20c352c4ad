#include "storydesk/copies/sentence_matcher.h"

#include <algorithm>
#include <cmath>
#include <initializer_list>

#include "core/copies/sorted_sets.h"
#include "storydesk/learning/logistic_regression.h"
#include "storydesk/learning/model_text.h"

namespace storydesk::copies {
namespace {

double Dice(size_t shared, size_t a, size_t b) {
  return a + b == 0 ? 0.0 : 2.0 * static_cast<double>(shared) / static_cast<double>(a + b);
}

}  // namespace

std::string_view SentenceFeatureName(size_t feature) {
  static constexpr std::string_view kNames[kSentenceFeatureCount] = {
      "bias",         "weighted_dice",    "weighted_containment", "stem_jaccard",
      "bigram_dice",  "name_dice",        "names_unmatched",      "number_mismatch",
      "length_ratio", "word_bigram_dice", "word_trigram_dice",    "unmatched_weight"};
  return feature < kSentenceFeatureCount ? kNames[feature] : std::string_view();
}

namespace {

// The features read from the stems alone (weighted and plain overlap, the unmatched weight)
// and the length ratio: one merge of the two stem lists. Fills those entries of *f.
void StemFeatures(const SentenceProfile& a, const SentenceProfile& b, SentenceFeatureVector* f) {
  (*f)[kSentenceBias] = 1.0;
  double shared_weight = 0.0;
  size_t shared = 0;
  for (size_t i = 0, j = 0; i < a.stems.size() && j < b.stems.size();) {
    if (a.stems[i].term < b.stems[j].term) {
      ++i;
    } else if (b.stems[j].term < a.stems[i].term) {
      ++j;
    } else {
      // The smaller of the two weights: the IDF may have moved between the two profiles.
      shared_weight += std::min(a.stems[i].weight, b.stems[j].weight);
      ++shared, ++i, ++j;
    }
  }
  const double wa = a.weight, wb = b.weight;
  if (wa + wb > 0) (*f)[kWeightedDice] = 2.0 * shared_weight / (wa + wb);
  if (std::min(wa, wb) > 0) (*f)[kWeightedContainment] = std::min(1.0, shared_weight / std::min(wa, wb));
  const size_t stem_union = a.stems.size() + b.stems.size() - shared;
  if (stem_union > 0) (*f)[kStemJaccard] = static_cast<double>(shared) / static_cast<double>(stem_union);
  if (wa > 0 && wb > 0) (*f)[kUnmatchedWeight] = std::max(1.0 - shared_weight / wa, 1.0 - shared_weight / wb);
  const auto longer = std::max(a.word_count, b.word_count);
  if (longer > 0) (*f)[kLengthRatio] = static_cast<double>(std::min(a.word_count, b.word_count)) / longer;
}

// The Dice of adjacent word pairs.
void WordBigramFeature(const SentenceProfile& a, const SentenceProfile& b, SentenceFeatureVector* f) {
  (*f)[kWordBigramDice] =
      Dice(IntersectionSize(a.word_bigrams, b.word_bigrams), a.word_bigrams.size(), b.word_bigrams.size());
}

// The other features: stem bigrams, names, numbers, word triples.
void OrderAndNameFeatures(const SentenceProfile& a, const SentenceProfile& b, SentenceFeatureVector* f) {
  (*f)[kBigramDice] = Dice(IntersectionSize(a.bigrams, b.bigrams), a.bigrams.size(), b.bigrams.size());
  const size_t shared_names = IntersectionSize(a.names, b.names);
  (*f)[kNameDice] = Dice(shared_names, a.names.size(), b.names.size());
  const size_t names = a.names.size() + b.names.size();
  if (names > 0) (*f)[kNamesUnmatched] = static_cast<double>(names - 2 * shared_names) / static_cast<double>(names);
  const size_t shared_numbers = IntersectionSize(a.numbers, b.numbers);
  (*f)[kNumberMismatch] = (shared_numbers < a.numbers.size() || shared_numbers < b.numbers.size()) ? 1.0 : 0.0;
  (*f)[kWordTrigramDice] =
      Dice(IntersectionSize(a.word_trigrams, b.word_trigrams), a.word_trigrams.size(), b.word_trigrams.size());
}

}  // namespace

SentenceFeatureVector ComputeSentenceFeatures(const SentenceProfile& a, const SentenceProfile& b) {
  SentenceFeatureVector f{};
  StemFeatures(a, b, &f);
  WordBigramFeature(a, b, &f);
  OrderAndNameFeatures(a, b, &f);
  return f;
}

std::optional<SentenceFeatureVector> FeaturesIfPossiblyAtLeast(const SentenceModel& model, const SentenceProfile& a,
                                                               const SentenceProfile& b, double min_probability) {
  // In stages, cheapest first; after each, every feature lies in [0, 1], so the most the
  // features not yet computed can add is their positive weights.
  const double threshold = std::log(min_probability / (1.0 - min_probability));  // logit
  auto most_added = [&model](std::initializer_list<size_t> features) {
    double sum = 0.0;
    for (size_t k : features) sum += std::max(0.0, model.weights[k]);
    return sum;
  };
  SentenceFeatureVector f{};
  StemFeatures(a, b, &f);
  if (model.Logit(f) +
          most_added({kWordBigramDice, kBigramDice, kNameDice, kNamesUnmatched, kNumberMismatch, kWordTrigramDice}) <
      threshold) {
    return std::nullopt;
  }
  WordBigramFeature(a, b, &f);
  if (model.Logit(f) + most_added({kBigramDice, kNameDice, kNamesUnmatched, kNumberMismatch, kWordTrigramDice}) <
      threshold) {
    return std::nullopt;
  }
  OrderAndNameFeatures(a, b, &f);
  return f;
}

double SentenceModel::Logit(const SentenceFeatureVector& f) const {
  double s = 0.0;
  for (size_t k = 0; k < kSentenceFeatureCount; ++k) s += weights[k] * f[k];
  return s;
}

double SentenceModel::Probability(const SentenceProfile& a, const SentenceProfile& b) const {
  return learning::Sigmoid(Logit(ComputeSentenceFeatures(a, b)));
}

namespace {

constexpr learning::OperatingPointLayout kSentenceModelLayout{kSentenceModelHeader, "sentence", "match", "match"};

}  // namespace

Result<SentenceModel> ParseSentenceModel(std::string_view text) {
  SentenceModel model;
  if (Status s = learning::ParseWeightsWithOperatingPoint(text, kSentenceModelLayout, SentenceFeatureName,
                                                          &model.weights, &model.match_probability);
      !s.ok()) {
    return s;
  }
  return model;
}

std::string FormatSentenceModel(const SentenceModel& model, const std::vector<std::string>& comments) {
  return learning::FormatWeightsWithOperatingPoint(kSentenceModelLayout, comments, SentenceFeatureName, model.weights,
                                                   model.match_probability);
}

}  // namespace storydesk::copies
