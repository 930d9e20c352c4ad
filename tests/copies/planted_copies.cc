// Planted copies: the generator of copy variants (see planted_copies.h for the kinds).
#include "planted_copies.h"

#include <algorithm>
#include <cmath>
#include <cstdio>
#include <string>
#include <vector>

#include "core/text/sentences.h"
#include "storydesk/text/normalize.h"
#include "storydesk/text/stopwords.h"

namespace storydesk::planted {
namespace {

constexpr int64_t kSecondsPerDay = int64_t{24} * 3600;

// splitmix64 (Steele, Lea and Flood 2014): tiny, fast, and the same on every platform.
class SplitMix64 {
 public:
  explicit SplitMix64(uint64_t seed) : state_(seed) {}

  uint64_t Next() {
    uint64_t z = (state_ += 0x9e3779b97f4a7c15ULL);
    z = (z ^ (z >> 30)) * 0xbf58476d1ce4e5b9ULL;
    z = (z ^ (z >> 27)) * 0x94d049bb133111ebULL;
    return z ^ (z >> 31);
  }
  // Uniform in [0, 1), from the top 53 bits.
  double Uniform() { return static_cast<double>(Next() >> 11) * 0x1.0p-53; }
  double Between(double low, double high) { return low + (high - low) * Uniform(); }
  // Uniform in [0, n) for n > 0 (the modulo bias is below 2^-40 for the sizes used here).
  size_t Below(size_t n) { return static_cast<size_t>(Next() % n); }

  template <typename T>
  void Shuffle(std::vector<T>* items) {
    for (size_t i = items->size(); i > 1; --i) std::swap((*items)[i - 1], (*items)[Below(i)]);
  }

 private:
  uint64_t state_;
};

uint64_t Fnv1a(std::string_view text) {
  uint64_t h = 0xcbf29ce484222325ULL;
  for (const char c : text) {
    h ^= static_cast<unsigned char>(c);
    h *= 0x100000001b3ULL;
  }
  return h;
}

bool IsAsciiLetter(char c) { return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z'); }
bool IsAsciiUpper(char c) { return c >= 'A' && c <= 'Z'; }
bool IsAsciiLower(char c) { return c >= 'a' && c <= 'z'; }
bool IsAsciiDigit(char c) { return c >= '0' && c <= '9'; }
char ToUpper(char c) { return IsAsciiLower(c) ? static_cast<char>(c - 'a' + 'A') : c; }
char ToLower(char c) { return IsAsciiUpper(c) ? static_cast<char>(c - 'A' + 'a') : c; }

std::string LowerAscii(std::string_view word) {
  std::string lower(word);
  for (char& c : lower) c = ToLower(c);
  return lower;
}

size_t Rounded(double x) { return static_cast<size_t>(std::llround(x)); }

// A body as sentences and the breaks between them, so kinds can drop, swap and join sentences
// and still render paragraphs.
struct Document {
  std::vector<std::string> sentences;
  // gaps[i] separates sentences[i] and sentences[i + 1]: " " (same line), "\n" (line break) or
  // "\n\n" (paragraph break). One fewer than the sentences.
  std::vector<std::string> gaps;
};

// " " < "\n" < "\n\n".
int GapStrength(const std::string& gap) { return gap == " " ? 0 : static_cast<int>(gap.size()); }

Document SplitDocument(std::string_view normalized) {
  Document doc;
  const std::vector<text::SentenceSpan> spans = text::SplitSentences(normalized);
  for (size_t i = 0; i < spans.size(); ++i) {
    if (i > 0) {
      const std::string_view between = normalized.substr(spans[i - 1].end, spans[i].begin - spans[i - 1].end);
      const auto newlines = std::count(between.begin(), between.end(), '\n');
      doc.gaps.push_back(newlines >= 2 ? "\n\n" : newlines == 1 ? "\n" : " ");
    }
    doc.sentences.emplace_back(normalized.substr(spans[i].begin, spans[i].end - spans[i].begin));
  }
  return doc;
}

std::string Render(const Document& doc) {
  std::string text;
  for (size_t i = 0; i < doc.sentences.size(); ++i) {
    if (i > 0) text += doc.gaps[i - 1];
    text += doc.sentences[i];
  }
  return text;
}

void DropSentence(Document* doc, size_t i) {
  const size_t n = doc->sentences.size();
  if (i >= n) return;
  if (n > 1) {
    if (i == 0) {
      doc->gaps.erase(doc->gaps.begin());
    } else if (i == n - 1) {
      doc->gaps.pop_back();
    } else {
      // The stronger break survives: dropping a paragraph's last sentence keeps the paragraph end.
      if (GapStrength(doc->gaps[i]) > GapStrength(doc->gaps[i - 1])) doc->gaps[i - 1] = doc->gaps[i];
      doc->gaps.erase(doc->gaps.begin() + static_cast<std::ptrdiff_t>(i));
    }
  }
  doc->sentences.erase(doc->sentences.begin() + static_cast<std::ptrdiff_t>(i));
}

// Sentence index ranges [begin, end) of the paragraphs.
std::vector<std::pair<size_t, size_t>> Paragraphs(const Document& doc) {
  std::vector<std::pair<size_t, size_t>> paragraphs;
  size_t begin = 0;
  for (size_t i = 0; i < doc.gaps.size(); ++i) {
    if (doc.gaps[i] == "\n\n") {
      paragraphs.emplace_back(begin, i + 1);
      begin = i + 1;
    }
  }
  if (begin < doc.sentences.size()) paragraphs.emplace_back(begin, doc.sentences.size());
  return paragraphs;
}

// Swaps paragraphs p and p + 1; returns the sentence index range they now cover together.
std::pair<size_t, size_t> SwapParagraphs(Document* doc, size_t p) {
  const auto paragraphs = Paragraphs(*doc);
  const auto [a_begin, a_end] = paragraphs[p];
  const auto [b_begin, b_end] = paragraphs[p + 1];
  Document swapped;
  auto append = [&](size_t begin, size_t end) {
    for (size_t i = begin; i < end; ++i) {
      if (!swapped.sentences.empty()) swapped.gaps.push_back(i == begin ? "\n\n" : doc->gaps[i - 1]);
      swapped.sentences.push_back(doc->sentences[i]);
    }
  };
  append(0, a_begin);
  append(b_begin, b_end);
  append(a_begin, a_end);
  append(b_end, doc->sentences.size());
  *doc = std::move(swapped);
  return {a_begin, b_end};
}

// Moves text around: one pair of adjacent paragraphs (not the lead) when there are at least 4,
// and about one sentence in ten swapped with its successor (not the lead sentence, and not
// inside the swapped paragraphs, so no swap can undo another).
void Reorder(Document* doc, SplitMix64* rng) {
  const size_t paragraph_count = Paragraphs(*doc).size();
  std::pair<size_t, size_t> moved = {0, 0};
  if (paragraph_count >= 4) moved = SwapParagraphs(doc, 1 + rng->Below(paragraph_count - 2));
  const size_t n = doc->sentences.size();
  std::vector<size_t> candidates;
  for (size_t i = 1; i + 1 < n; ++i) {
    const bool touches_moved = i + 1 >= moved.first && i < moved.second;
    if (!touches_moved) candidates.push_back(i);
  }
  rng->Shuffle(&candidates);
  const size_t wanted = std::max<size_t>(1, Rounded(0.1 * static_cast<double>(n)));
  std::vector<bool> used(n, false);
  size_t done = 0;
  for (const size_t i : candidates) {
    if (done == wanted) break;
    if (used[i] || used[i + 1]) continue;
    std::swap(doc->sentences[i], doc->sentences[i + 1]);
    used[i] = used[i + 1] = true;
    ++done;
  }
}

// A word that may be replaced: sentence index and byte range within that sentence.
struct WordSpot {
  size_t sentence = 0;
  size_t begin = 0;
  size_t end = 0;
};

std::vector<WordSpot> SubstitutableWords(const Document& doc, const SynonymMap& synonyms) {
  std::vector<WordSpot> spots;
  for (size_t s = 0; s < doc.sentences.size(); ++s) {
    const std::string& sentence = doc.sentences[s];
    bool first_word = true;
    size_t i = 0;
    while (i < sentence.size()) {
      if (!IsAsciiLetter(sentence[i])) {
        ++i;
        continue;
      }
      size_t j = i;
      while (j < sentence.size() && IsAsciiLetter(sentence[j])) ++j;
      const std::string_view word(sentence.data() + i, j - i);
      // Glued to a digit or a non-ASCII character ("B52", "café"): not a clean English word.
      const auto glued = [](char c) { return IsAsciiDigit(c) || static_cast<unsigned char>(c) >= 0x80; };
      const bool clean = (i == 0 || !glued(sentence[i - 1])) && (j == sentence.size() || !glued(sentence[j]));
      const bool rest_lower = std::all_of(word.begin() + 1, word.end(), IsAsciiLower);
      const bool case_ok = rest_lower && (IsAsciiLower(word[0]) || first_word);
      if (clean && case_ok && word.size() >= kMinSubstitutedLetters && synonyms.count(LowerAscii(word))) {
        spots.push_back({s, i, j});
      }
      first_word = false;
      i = j;
    }
  }
  return spots;
}

// Replaces round(share × eligible words) of the eligible words (at least one when any is).
void Substitute(Document* doc, double share, const SynonymMap& synonyms, SplitMix64* rng) {
  std::vector<WordSpot> spots = SubstitutableWords(*doc, synonyms);
  if (spots.empty()) return;
  rng->Shuffle(&spots);
  spots.resize(std::max<size_t>(1, Rounded(share * static_cast<double>(spots.size()))));
  // Right to left within each sentence, so earlier byte offsets stay valid.
  std::sort(spots.begin(), spots.end(), [](const WordSpot& a, const WordSpot& b) {
    return a.sentence != b.sentence ? a.sentence > b.sentence : a.begin > b.begin;
  });
  for (const WordSpot& spot : spots) {
    std::string& sentence = doc->sentences[spot.sentence];
    const std::string_view word(sentence.data() + spot.begin, spot.end - spot.begin);
    const std::vector<std::string>& options = synonyms.at(LowerAscii(word));
    std::string replacement = options[rng->Below(options.size())];
    if (IsAsciiUpper(word[0])) replacement[0] = ToUpper(replacement[0]);
    sentence.replace(spot.begin, spot.end - spot.begin, replacement);
  }
}

// A sentence that can give up its final period: one period after a lower-case letter or digit
// (not "...", not "U.S.").
bool EndsInPlainPeriod(const std::string& sentence) {
  const size_t n = sentence.size();
  return n >= 2 && sentence[n - 1] == '.' && (IsAsciiLower(sentence[n - 2]) || IsAsciiDigit(sentence[n - 2]));
}

// The sentence as the continuation of another: its first letter lower-cased when its first word
// is a function word ("The", "He", "But") — never "I", and never a name-like word ("Finley").
std::string AsContinuation(const std::string& sentence) {
  size_t end = 0;
  while (end < sentence.size() && IsAsciiLetter(sentence[end])) ++end;
  const std::string_view first(sentence.data(), end);
  std::string result = sentence;
  const bool rest_lower = end > 1 && std::all_of(first.begin() + 1, first.end(), IsAsciiLower);
  if (rest_lower && IsAsciiUpper(first[0]) && text::IsStopWord(LowerAscii(first))) result[0] = ToLower(result[0]);
  return result;
}

// Joins about `share` of the consecutive sentence pairs: "A did x. The B did y." becomes
// "A did x, and the B did y." or "A did x; the B did y." No sentence joins twice.
void MergeSentencePairs(Document* doc, double share, SplitMix64* rng) {
  const size_t n = doc->sentences.size();
  if (n < 2) return;
  std::vector<size_t> candidates;
  for (size_t i = 0; i + 1 < n; ++i) {
    if (EndsInPlainPeriod(doc->sentences[i]) && IsAsciiLetter(doc->sentences[i + 1][0])) candidates.push_back(i);
  }
  rng->Shuffle(&candidates);
  const size_t wanted = Rounded(share * static_cast<double>(n - 1));
  std::vector<bool> used(n, false);
  std::vector<size_t> chosen;
  for (const size_t i : candidates) {
    if (chosen.size() == wanted) break;
    if (used[i] || used[i + 1]) continue;
    used[i] = used[i + 1] = true;
    chosen.push_back(i);
  }
  std::sort(chosen.rbegin(), chosen.rend());  // right to left, so indexes stay valid
  for (const size_t i : chosen) {
    std::string& first = doc->sentences[i];
    first.pop_back();
    first += rng->Below(2) == 0 ? ", and " : "; ";
    first += AsContinuation(doc->sentences[i + 1]);
    doc->sentences.erase(doc->sentences.begin() + static_cast<std::ptrdiff_t>(i + 1));
    doc->gaps.erase(doc->gaps.begin() + static_cast<std::ptrdiff_t>(i));
  }
}

// A new headline: the first 6 to 9 words of one of the first three sentences, without the last
// word's trailing punctuation.
std::string NewHeadline(const Document& doc, SplitMix64* rng) {
  if (doc.sentences.empty()) return "Update";
  const std::string& sentence = doc.sentences[rng->Below(std::min<size_t>(3, doc.sentences.size()))];
  const size_t wanted = 6 + rng->Below(4);
  std::string headline;
  size_t words = 0;
  for (size_t i = 0; i < sentence.size() && words < wanted;) {
    while (i < sentence.size() && (sentence[i] == ' ' || sentence[i] == '\n')) ++i;
    const size_t start = i;
    while (i < sentence.size() && sentence[i] != ' ' && sentence[i] != '\n') ++i;
    if (i == start) break;
    if (!headline.empty()) headline += ' ';
    headline.append(sentence, start, i - start);
    ++words;
  }
  while (!headline.empty() && !IsAsciiLetter(headline.back()) && !IsAsciiDigit(headline.back())) headline.pop_back();
  return headline.empty() ? "Update" : headline;
}

// "2020-01-02" for midnight UTC, else "2020-01-02T13:45:00Z" (days to civil date: H. Hinnant's
// algorithm, proleptic Gregorian).
std::string FormatInstant(int64_t seconds) {
  int64_t days = seconds / kSecondsPerDay;
  int64_t in_day = seconds % kSecondsPerDay;
  if (in_day < 0) {
    in_day += kSecondsPerDay;
    --days;
  }
  const int64_t z = days + 719468;
  const int64_t era = (z >= 0 ? z : z - 146096) / 146097;
  const int64_t doe = z - era * 146097;
  const int64_t yoe = (doe - doe / 1460 + doe / 36524 - doe / 146096) / 365;
  const int64_t doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
  const int64_t mp = (5 * doy + 2) / 153;
  const int64_t day = doy - (153 * mp + 2) / 5 + 1;
  const int64_t month = mp < 10 ? mp + 3 : mp - 9;
  const int64_t year = yoe + era * 400 + (month <= 2 ? 1 : 0);
  char buffer[64];  // room for any int64 year, so the output is never cut
  if (in_day == 0) {
    std::snprintf(buffer, sizeof buffer, "%04lld-%02lld-%02lld", static_cast<long long>(year),
                  static_cast<long long>(month), static_cast<long long>(day));
  } else {
    std::snprintf(buffer, sizeof buffer, "%04lld-%02lld-%02lldT%02lld:%02lld:%02lldZ", static_cast<long long>(year),
                  static_cast<long long>(month), static_cast<long long>(day), static_cast<long long>(in_day / 3600),
                  static_cast<long long>(in_day / 60 % 60), static_cast<long long>(in_day % 60));
  }
  return buffer;
}

// The normalised text up to the end of its `count`-th sentence: a true prefix of the original.
std::string LeadSentences(const std::string& normalized, size_t count) {
  const std::vector<text::SentenceSpan> spans = text::SplitSentences(normalized);
  if (spans.empty() || count == 0) return "";
  return normalized.substr(0, spans[std::min(count, spans.size()) - 1].end);
}

}  // namespace

std::string_view PlantedKindName(PlantedKind kind) {
  switch (kind) {
    case PlantedKind::kExact:
      return "exact";
    case PlantedKind::kReheadlined:
      return "reheadlined";
    case PlantedKind::kExcerpt:
      return "excerpt";
    case PlantedKind::kTrimmed:
      return "trimmed";
    case PlantedKind::kReordered:
      return "reordered";
    case PlantedKind::kSubstituted:
      return "substituted";
    case PlantedKind::kMerged:
      return "merged";
    case PlantedKind::kRoundtrip:
      return "roundtrip";
  }
  return "unknown";
}

RawArticle PlantCopy(const RawArticle& original, PlantedKind kind, const SynonymMap& synonyms, uint64_t seed) {
  const std::string_view name = PlantedKindName(kind);
  SplitMix64 rng(seed ^ Fnv1a(original.id) ^ (0xd1b54a32d192ed03ULL * (static_cast<uint64_t>(kind) + 1)));

  RawArticle copy;
  copy.id = original.id + "~" + std::string(name);
  copy.source = "planted-" + std::string(name);
  copy.url.reset();
  copy.title = original.title;
  copy.place = original.place;
  copy.bullets = original.bullets;
  if (original.published_at) {
    copy.published_at = *original.published_at + kSecondsPerDay;
    copy.published = FormatInstant(*copy.published_at);
  }
  copy.origin = "planted " + std::string(name) + " copy of " + original.id;

  const std::string normalized = text::Normalize(original.text);
  Document doc = SplitDocument(normalized);
  const size_t n = doc.sentences.size();
  switch (kind) {
    case PlantedKind::kExact:
      copy.text = original.text;
      break;
    case PlantedKind::kReheadlined: {
      copy.text = original.text;
      std::string headline = NewHeadline(doc, &rng);
      if (headline == original.title) headline += " (updated)";
      copy.title = std::move(headline);
      break;
    }
    case PlantedKind::kExcerpt: {
      const size_t keep = std::max<size_t>(3, Rounded(rng.Between(0.30, 0.50) * static_cast<double>(n)));
      copy.text = LeadSentences(normalized, std::min(keep, n));
      break;
    }
    case PlantedKind::kTrimmed: {
      const size_t dropped = std::max<size_t>(1, Rounded(rng.Between(0.20, 0.35) * static_cast<double>(n)));
      copy.text = LeadSentences(normalized, n > dropped ? n - dropped : 1);
      break;
    }
    case PlantedKind::kReordered:
      Reorder(&doc, &rng);
      copy.text = Render(doc);
      break;
    case PlantedKind::kSubstituted:
      Substitute(&doc, rng.Between(0.15, 0.25), synonyms, &rng);
      copy.text = Render(doc);
      break;
    case PlantedKind::kMerged:
      MergeSentencePairs(&doc, 1.0 / 3.0, &rng);
      copy.text = Render(doc);
      break;
    case PlantedKind::kRoundtrip:
      if (n >= 2) DropSentence(&doc, 1 + rng.Below(n - 1));
      Substitute(&doc, 0.15, synonyms, &rng);
      MergeSentencePairs(&doc, 1.0 / 3.0, &rng);
      copy.text = Render(doc);
      break;
  }
  copy.verbatim = copy.text;
  return copy;
}

}  // namespace storydesk::planted
