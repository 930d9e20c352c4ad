// Extraction score: how much of a page's true article body an extractor returned, and how much of
// what it returned is body — the metric of the public article-extraction benchmark (Zyte's
// "article-extraction-benchmark", 2020), so our figures sit next to the published ones.
//
// Per page: both texts are cut into word tokens (runs of Unicode letters, digits and '_', the
// `\w+` of Python's regular expressions), then into shingles of 4 consecutive tokens (a text
// shorter than 4 tokens is one shingle of all of them). Shingles are counted with
// multiplicity: tp = sum of min(true count, predicted count), fp = predicted beyond the truth,
// fn = truth beyond the prediction. Precision = tp / (tp + fp) and recall = tp / (tp + fn),
// both 1 when the page has nothing on either side wrong (fp = fn = 0) and 0 when nothing matched.
// Over pages: the mean precision, the mean recall, and the F1 of those two means.
// Pure functions; thread-safe.
#pragma once

#include <cstddef>
#include <string_view>

namespace storydesk::eval {

struct ExtractionPageScore {
  double precision = 0;
  double recall = 0;
};

ExtractionPageScore ScoreExtraction(std::string_view truth, std::string_view prediction);

// Means over pages, and the F1 of the means.
struct ExtractionScore {
  size_t pages = 0;
  double precision_sum = 0, recall_sum = 0;

  void Add(const ExtractionPageScore& page);
  double Precision() const;  // 0 with no pages
  double Recall() const;     // 0 with no pages
  double F1() const;         // 0 when both means are 0
};

}  // namespace storydesk::eval
