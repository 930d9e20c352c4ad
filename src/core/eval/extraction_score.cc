#include "storydesk/eval/extraction_score.h"

#include <unicode/uchar.h>

#include <algorithm>
#include <string>
#include <unordered_map>
#include <vector>

#include "storydesk/text/utf8.h"

namespace storydesk::eval {

namespace {

// Python's `\w` on str: alphanumeric in Unicode's sense (letters, and numbers of every kind) or
// the underscore.
bool IsWordCodePoint(char32_t cp) {
  if (cp < 0x80) return (cp >= 'a' && cp <= 'z') || (cp >= 'A' && cp <= 'Z') || (cp >= '0' && cp <= '9') || cp == '_';
  const auto c = static_cast<UChar32>(cp);
  if (u_isalpha(c) != 0) return true;
  const int8_t type = u_charType(c);
  return type == U_DECIMAL_DIGIT_NUMBER || type == U_LETTER_NUMBER || type == U_OTHER_NUMBER;
}

std::vector<std::string_view> Tokens(std::string_view text) {
  std::vector<std::string_view> tokens;
  size_t pos = 0;
  size_t start = std::string_view::npos;
  while (pos < text.size()) {
    const size_t at = pos;
    const auto byte = static_cast<unsigned char>(text[pos]);
    const char32_t cp = byte < 0x80 ? (++pos, byte) : text::DecodeUtf8(text, &pos);
    if (IsWordCodePoint(cp)) {
      if (start == std::string_view::npos) start = at;
    } else if (start != std::string_view::npos) {
      tokens.push_back(text.substr(start, at - start));
      start = std::string_view::npos;
    }
  }
  if (start != std::string_view::npos) tokens.push_back(text.substr(start));
  return tokens;
}

constexpr size_t kShingleTokens = 4;

// Each shingle as its tokens joined by a byte no token holds.
std::unordered_map<std::string, int> Shingles(std::string_view text) {
  const std::vector<std::string_view> tokens = Tokens(text);
  std::unordered_map<std::string, int> counts;
  if (tokens.empty()) return counts;
  const size_t n = tokens.size() >= kShingleTokens ? tokens.size() - kShingleTokens + 1 : 1;
  for (size_t i = 0; i < n; ++i) {
    std::string key;
    for (size_t j = i; j < std::min(tokens.size(), i + kShingleTokens); ++j) {
      if (j > i) key += ' ';
      key += tokens[j];
    }
    ++counts[key];
  }
  return counts;
}

}  // namespace

ExtractionPageScore ScoreExtraction(std::string_view truth, std::string_view prediction) {
  const auto true_shingles = Shingles(truth);
  const auto predicted_shingles = Shingles(prediction);
  double tp = 0, fp = 0, fn = 0;
  for (const auto& [key, true_count] : true_shingles) {
    const auto it = predicted_shingles.find(key);
    const int predicted_count = it == predicted_shingles.end() ? 0 : it->second;
    tp += std::min(true_count, predicted_count);
    fn += std::max(0, true_count - predicted_count);
  }
  for (const auto& [key, predicted_count] : predicted_shingles) {
    const auto it = true_shingles.find(key);
    fp += std::max(0, predicted_count - (it == true_shingles.end() ? 0 : it->second));
  }
  ExtractionPageScore score;
  if (fp == 0 && fn == 0) return {1.0, 1.0};
  if (tp == 0) return score;
  score.precision = tp / (tp + fp);
  score.recall = tp / (tp + fn);
  return score;
}

void ExtractionScore::Add(const ExtractionPageScore& page) {
  ++pages;
  precision_sum += page.precision;
  recall_sum += page.recall;
}

double ExtractionScore::Precision() const { return pages == 0 ? 0.0 : precision_sum / static_cast<double>(pages); }

double ExtractionScore::Recall() const { return pages == 0 ? 0.0 : recall_sum / static_cast<double>(pages); }

double ExtractionScore::F1() const {
  const double p = Precision();
  const double r = Recall();
  return p + r > 0 ? 2 * p * r / (p + r) : 0.0;
}

}  // namespace storydesk::eval
