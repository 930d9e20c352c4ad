#include "storydesk/eval/rouge.h"

#include <algorithm>
#include <cstdint>
#include <initializer_list>
#include <limits>
#include <stdexcept>
#include <unordered_map>

namespace storydesk::eval {
namespace {

// ROUGE-1.5.5 stems only tokens longer than this many characters.
constexpr size_t kLongestUnstemmedToken = 3;

bool IsAsciiAlnum(char c) { return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9'); }

char AsciiLower(char c) { return c >= 'A' && c <= 'Z' ? static_cast<char>(c - 'A' + 'a') : c; }

double F1(double p, double r) { return p + r > 0 ? 2 * p * r / (p + r) : 0.0; }

PrecisionRecall Score(size_t matches, size_t candidate_units, size_t reference_units) {
  PrecisionRecall s;
  if (candidate_units == 0 || reference_units == 0) return s;
  s.precision = static_cast<double>(matches) / static_cast<double>(candidate_units);
  s.recall = static_cast<double>(matches) / static_cast<double>(reference_units);
  s.f1 = F1(s.precision, s.recall);
  return s;
}

// Both sequences as dense token ids of one shared vocabulary, so n-grams pack into integers and
// the LCS compares integers instead of strings.
struct EncodedPair {
  std::vector<uint32_t> candidate;
  std::vector<uint32_t> reference;
};

EncodedPair Encode(const std::vector<std::string>& candidate, const std::vector<std::string>& reference) {
  // Ids are 32 bits so a bigram packs into 64; more distinct tokens than that cannot be scored.
  if (candidate.size() + reference.size() > std::numeric_limits<uint32_t>::max()) {
    throw std::length_error("Rouge: more than 2^32 tokens");
  }
  std::unordered_map<std::string_view, uint32_t> ids;
  ids.reserve(candidate.size() + reference.size());
  auto encode = [&ids](const std::vector<std::string>& tokens) {
    std::vector<uint32_t> out;
    out.reserve(tokens.size());
    for (const std::string& token : tokens) {
      out.push_back(ids.try_emplace(token, static_cast<uint32_t>(ids.size())).first->second);
    }
    return out;
  };
  EncodedPair pair;
  pair.candidate = encode(candidate);
  pair.reference = encode(reference);
  return pair;
}

// The n-grams (n = 1 or 2) of `ids`, each packed into one integer.
std::vector<uint64_t> NGrams(const std::vector<uint32_t>& ids, size_t n) {
  std::vector<uint64_t> grams;
  if (ids.size() < n) return grams;
  grams.reserve(ids.size() - n + 1);
  for (size_t i = 0; i + n <= ids.size(); ++i) {
    grams.push_back(n == 1 ? ids[i] : (static_cast<uint64_t>(ids[i]) << 32) | ids[i + 1]);
  }
  return grams;
}

// ROUGE-N over n-grams of size n: matches are the size of the multiset intersection.
PrecisionRecall RougeN(const EncodedPair& pair, size_t n) {
  const std::vector<uint64_t> candidate = NGrams(pair.candidate, n);
  const std::vector<uint64_t> reference = NGrams(pair.reference, n);
  std::unordered_map<uint64_t, size_t> unmatched;  // reference n-gram → copies not yet matched
  unmatched.reserve(reference.size());
  for (uint64_t gram : reference) ++unmatched[gram];
  size_t matches = 0;
  for (uint64_t gram : candidate) {
    auto it = unmatched.find(gram);
    if (it != unmatched.end() && it->second > 0) {
      --it->second;
      ++matches;
    }
  }
  return Score(matches, candidate.size(), reference.size());
}

// Length of the longest common subsequence: the textbook dynamic programme, row by row over the
// longer sequence, keeping one row as long as the shorter sequence plus one.
size_t LongestCommonSubsequence(const std::vector<uint32_t>& a, const std::vector<uint32_t>& b) {
  const std::vector<uint32_t>& longer = a.size() >= b.size() ? a : b;
  const std::vector<uint32_t>& shorter = a.size() >= b.size() ? b : a;
  // row[j] = LCS of the longer sequence's prefix so far and shorter[0, j).
  std::vector<size_t> row(shorter.size() + 1, 0);
  for (uint32_t token : longer) {
    size_t diagonal = 0;  // the previous row's row[j - 1]
    for (size_t j = 1; j <= shorter.size(); ++j) {
      const size_t above = row[j];
      row[j] = token == shorter[j - 1] ? diagonal + 1 : std::max(above, row[j - 1]);
      diagonal = above;
    }
  }
  return row.back();
}

}  // namespace

std::vector<std::string> RougeTokens(std::string_view text, text::Stemmer& stemmer) {
  std::vector<std::string> tokens;
  std::string token;
  auto flush = [&] {
    if (token.empty()) return;
    tokens.push_back(token.size() > kLongestUnstemmedToken ? stemmer.Stem(token) : token);
    token.clear();
  };
  for (char c : text) {
    if (IsAsciiAlnum(c)) {
      token.push_back(AsciiLower(c));
    } else {
      flush();
    }
  }
  flush();
  return tokens;
}

std::vector<std::string> TruncateToWords(std::vector<std::string> tokens, size_t words) {
  if (tokens.size() > words) tokens.resize(words);
  return tokens;
}

RougeScores Rouge(const std::vector<std::string>& candidate, const std::vector<std::string>& reference) {
  const EncodedPair pair = Encode(candidate, reference);
  RougeScores s;
  s.rouge1 = RougeN(pair, 1);
  s.rouge2 = RougeN(pair, 2);
  s.rouge_l =
      Score(LongestCommonSubsequence(pair.candidate, pair.reference), pair.candidate.size(), pair.reference.size());
  return s;
}

RougeScores MeanRouge(const std::vector<RougeScores>& per_story) {
  RougeScores mean;
  if (per_story.empty()) return mean;
  auto add = [](PrecisionRecall& sum, const PrecisionRecall& x) {
    sum.precision += x.precision;
    sum.recall += x.recall;
    sum.f1 += x.f1;
  };
  for (const RougeScores& s : per_story) {
    add(mean.rouge1, s.rouge1);
    add(mean.rouge2, s.rouge2);
    add(mean.rouge_l, s.rouge_l);
  }
  const double n = static_cast<double>(per_story.size());
  for (PrecisionRecall* pr : {&mean.rouge1, &mean.rouge2, &mean.rouge_l}) {
    pr->precision /= n;
    pr->recall /= n;
    pr->f1 /= n;
  }
  return mean;
}

}  // namespace storydesk::eval
