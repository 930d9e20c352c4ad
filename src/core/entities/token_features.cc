#include "core/entities/token_features.h"

#include <unicode/uchar.h>
#include <xxhash.h>

#include <algorithm>

#include "core/entities/bilou.h"
#include "storydesk/text/tokens.h"
#include "storydesk/text/utf8.h"

namespace storydesk::entities {
namespace {

// Affixes up to this many code points: "-ville", "-stan", "Mc-" and "-ese" are evidence of
// their own for words the training text never showed.
constexpr size_t kMaxAffix = 4;

char ShapeOf(char32_t c) {
  if (c < 0x80) {
    if (c >= 'A' && c <= 'Z') return 'X';
    if (c >= 'a' && c <= 'z') return 'x';
    if (c >= '0' && c <= '9') return 'd';
    return static_cast<char>(c);
  }
  if (u_isupper(static_cast<UChar32>(c)) || u_istitle(static_cast<UChar32>(c))) return 'X';
  if (u_isalpha(static_cast<UChar32>(c))) return 'x';
  if (u_isdigit(static_cast<UChar32>(c))) return 'd';
  return '*';  // other symbols of the wider world, one class
}

bool Capitalised(std::string_view word) {
  size_t pos = 0;
  const char32_t c = text::DecodeUtf8(word, &pos);
  return ShapeOf(c) == 'X';
}

// The code-point boundaries of `word`: offsets 0, …, word.size().
std::vector<size_t> Boundaries(std::string_view word) {
  std::vector<size_t> at = {0};
  size_t pos = 0;
  while (pos < word.size()) {
    text::DecodeUtf8(word, &pos);
    at.push_back(pos);
  }
  return at;
}

constexpr std::string_view kBefore = "<s>";
constexpr std::string_view kAfter = "</s>";

// `lower` with its first letter a capital ("new york" -> "New york").
std::string TitleCase(std::string_view lower) {
  if (lower.empty()) return {};
  size_t pos = 0;
  const char32_t first = text::DecodeUtf8(lower, &pos);
  std::string out;
  text::AppendUtf8(static_cast<char32_t>(u_totitle(static_cast<UChar32>(first))), &out);
  out.append(lower.substr(pos));
  return out;
}

// Small words that join the capitalised words of one name: "Bank of England", "Agir Ensemble
// pour les Droits de l'Homme", "Procter & Gamble".
bool Joining(std::string_view lower) {
  static constexpr std::array<std::string_view, 12> kJoining = {"of",  "for", "and", "&",   "de",   "du",
                                                                "des", "la",  "le",  "les", "pour", "the"};
  return std::find(kJoining.begin(), kJoining.end(), lower) != kJoining.end();
}

void MarkRuns(PreparedSentence* s) {
  const size_t n = s->tokens.size();
  s->run_begin.resize(n);
  s->run_end.resize(n);
  size_t i = 0;
  while (i < n) {
    size_t end = i + 1;
    if (!s->headline && Capitalised(s->tokens[i])) {
      while (end < n) {
        if (Capitalised(s->tokens[end])) {
          ++end;
        } else if (Joining(s->lower[end]) && end + 1 < n && Capitalised(s->tokens[end + 1])) {
          end += 2;
        } else {
          break;
        }
      }
    }
    for (size_t k = i; k < end; ++k) {
      s->run_begin[k] = static_cast<uint32_t>(i);
      s->run_end[k] = static_cast<uint32_t>(end);
    }
    i = end;
  }
}

}  // namespace

std::string WordShape(std::string_view word) {
  std::string shape;
  size_t pos = 0;
  while (pos < word.size()) {
    const char s = ShapeOf(text::DecodeUtf8(word, &pos));
    const bool run = s == 'X' || s == 'x' || s == 'd';
    if (run && !shape.empty() && shape.back() == s) continue;
    shape += s;
  }
  return shape;
}

PreparedSentence PrepareSentence(const std::vector<std::string>& tokens, const WordClusters* clusters,
                                 const Gazetteer* gazetteer) {
  PreparedSentence s;
  if (clusters != nullptr) {
    s.paths.reserve(tokens.size());
    for (const std::string& t : tokens) s.paths.push_back(clusters->Path(t));
  }
  s.tokens = tokens;
  s.lower.reserve(tokens.size());
  s.shapes.reserve(tokens.size());
  size_t upper = 0, letters = 0;
  for (const std::string& t : tokens) {
    s.lower.push_back(text::ToLower(t));
    s.shapes.push_back(WordShape(t));
    size_t pos = 0;
    while (pos < t.size()) {
      const char c = ShapeOf(text::DecodeUtf8(t, &pos));
      upper += c == 'X';
      letters += c == 'X' || c == 'x';
    }
  }
  // A headline in capitals ("SOCCER - JAPAN GET LUCKY WIN"): more than four letters in five.
  s.headline = letters >= 4 && upper * 5 > letters * 4;
  if (gazetteer != nullptr) s.listed = gazetteer->Match(s.lower);
  MarkRuns(&s);
  if (clusters != nullptr) {
    s.case_seen.reserve(tokens.size());
    s.title_paths.reserve(tokens.size());
    for (size_t i = 0; i < tokens.size(); ++i) {
      if (!Capitalised(tokens[i])) {  // read for capitalised words only
        s.case_seen.emplace_back();
        s.title_paths.emplace_back();
        continue;
      }
      const std::string title = TitleCase(s.lower[i]);
      const std::string_view title_path = clusters->Path(title);
      s.case_seen.push_back(std::string(clusters->Path(s.lower[i]).empty() ? "0" : "1") +
                            (title_path.empty() ? "0" : "1"));
      s.title_paths.push_back(title_path);
    }
  }
  return s;
}

void DocumentMemory::Record(const std::string& token, int label) {
  if (label <= kOutside || !Capitalised(token)) return;
  auto& counts = seen_[token];
  uint16_t& n = counts[static_cast<size_t>(TypeOf(label))];
  if (n < UINT16_MAX) ++n;
}

const std::array<uint16_t, kEntityTypes>* DocumentMemory::Seen(const std::string& token) const {
  const auto it = seen_.find(token);
  return it == seen_.end() ? nullptr : &it->second;
}

uint64_t FeatureHash(std::string_view name) { return XXH3_64bits(name.data(), name.size()); }

void FeatureSet::Clear() {
  hashes_.clear();
  names_.clear();
}

void FeatureSet::Commit() {
  hashes_.push_back(FeatureHash(buffer_));
  if (keep_names_) names_.push_back(buffer_);
}

void FeatureSet::Add(std::string_view name, std::string_view value) {
  buffer_.assign(name);
  buffer_ += '=';
  buffer_ += value;
  Commit();
}

void FeatureSet::Add(std::string_view name, std::string_view a, std::string_view b) {
  buffer_.assign(name);
  buffer_ += '=';
  buffer_ += a;
  buffer_ += '|';
  buffer_ += b;
  Commit();
}

void FeatureSet::Add(std::string_view name, std::string_view a, std::string_view b, std::string_view c) {
  buffer_.assign(name);
  buffer_ += '=';
  buffer_ += a;
  buffer_ += '|';
  buffer_ += b;
  buffer_ += '|';
  buffer_ += c;
  Commit();
}

void TokenFeatures(const PreparedSentence& s, size_t i, int previous, int before_previous, const DocumentMemory& memory,
                   FeatureSet* out) {
  WordFeatures(s, i, memory, out);
  LabelFeatures(s, i, previous, before_previous, out);
}

void WordFeatures(const PreparedSentence& s, size_t i, const DocumentMemory& memory, FeatureSet* out) {
  const size_t n = s.tokens.size();
  auto lower = [&](ptrdiff_t k) -> std::string_view {
    const ptrdiff_t j = static_cast<ptrdiff_t>(i) + k;
    if (j < 0) return kBefore;
    if (j >= static_cast<ptrdiff_t>(n)) return kAfter;
    return s.lower[static_cast<size_t>(j)];
  };
  auto shape = [&](ptrdiff_t k) -> std::string_view {
    const ptrdiff_t j = static_cast<ptrdiff_t>(i) + k;
    if (j < 0) return kBefore;
    if (j >= static_cast<ptrdiff_t>(n)) return kAfter;
    return s.shapes[static_cast<size_t>(j)];
  };
  const std::string& word = s.tokens[i];
  const std::string_view w = s.lower[i];

  out->Add("b", "");
  out->Add("w", w);
  out->Add("W", word);
  out->Add("w-1", lower(-1));
  out->Add("w+1", lower(1));
  out->Add("w-2", lower(-2));
  out->Add("w+2", lower(2));
  out->Add("w-1w", lower(-1), w);
  out->Add("ww+1", w, lower(1));
  out->Add("s", shape(0));
  out->Add("s-1", shape(-1));
  out->Add("s+1", shape(1));
  out->Add("s-1ss+1", shape(-1), shape(0), shape(1));
  out->Add("s-1w", shape(-1), w);
  out->Add("ws+1", w, shape(1));

  const std::vector<size_t> at = Boundaries(w);
  const size_t points = at.size() - 1;
  static constexpr std::array<std::string_view, kMaxAffix> kPrefix = {"p1", "p2", "p3", "p4"};
  static constexpr std::array<std::string_view, kMaxAffix> kSuffix = {"x1", "x2", "x3", "x4"};
  for (size_t k = 1; k <= kMaxAffix && k < points; ++k) {
    out->Add(kPrefix[k - 1], w.substr(0, at[k]));
    out->Add(kSuffix[k - 1], w.substr(at[points - k]));
  }

  if (!s.paths.empty()) {
    static constexpr std::array<size_t, 4> kPrefixes = {4, 6, 10, 20};
    static constexpr std::array<std::string_view, 4> kNames0 = {"c4", "c6", "c10", "c20"};
    static constexpr std::array<std::string_view, 4> kNamesBefore = {"c4-1", "c6-1", "c10-1", "c20-1"};
    static constexpr std::array<std::string_view, 4> kNamesAfter = {"c4+1", "c6+1", "c10+1", "c20+1"};
    auto add = [&](ptrdiff_t k, const std::array<std::string_view, 4>& names) {
      const ptrdiff_t j = static_cast<ptrdiff_t>(i) + k;
      if (j < 0 || j >= static_cast<ptrdiff_t>(n)) return;
      const std::string_view path = s.paths[static_cast<size_t>(j)];
      if (path.empty()) {
        out->Add(names[0], "?");
        return;
      }
      for (size_t p = 0; p < kPrefixes.size(); ++p) {
        out->Add(names[p], path.substr(0, kPrefixes[p]));
        if (path.size() <= kPrefixes[p]) break;
      }
    };
    add(0, kNames0);
    add(-1, kNamesBefore);
    add(1, kNamesAfter);
  }

  if (!s.listed.empty()) {
    for (const std::string& m : s.listed[i]) out->Add("g", m);
  }
  if (!s.case_seen.empty() && Capitalised(word)) {
    out->Add("cs", s.case_seen[i]);
    if (s.title_paths[i].size() >= 6 && s.paths[i].empty()) {
      out->Add("tc6", s.title_paths[i].substr(0, 6));
      out->Add("tc10", s.title_paths[i].substr(0, std::min<size_t>(10, s.title_paths[i].size())));
    }
  }
  if (s.run_end[i] - s.run_begin[i] > 1) {
    // A name of several words is typed by its last ("Louis Dreyfus Corp", "Pembroke Pines
    // police"), which a left-to-right tagger has not reached at the first: it is looked at here.
    const size_t first = s.run_begin[i], last = s.run_end[i] - 1;
    const size_t length = std::min<size_t>(last - first + 1, 4);
    out->Add("rp", std::to_string(i - first), std::to_string(length));
    if (i < last) out->Add("rl", s.lower[last]);
    if (i > first) out->Add("rf", s.lower[first]);
    if (i < last && !s.paths.empty() && !s.paths[last].empty()) out->Add("rlc", s.paths[last].substr(0, 6));
  }

  if (i == 0) out->Add("first", s.shapes[0]);
  if (s.headline) {
    out->Add("H", "");
    out->Add("Hw", w);
  }
  if (const auto* seen = memory.Seen(word)) {
    size_t best = 0;
    for (size_t t = 0; t < kEntityTypes; ++t) {
      if ((*seen)[t] > 0) out->Add("h", EntityTypeName(static_cast<EntityType>(t)));
      if ((*seen)[t] > (*seen)[best]) best = t;
    }
    out->Add("hmax", EntityTypeName(static_cast<EntityType>(best)));
  }
}

void LabelFeatures(const PreparedSentence& s, size_t i, int previous, int before_previous, FeatureSet* out) {
  const std::string prev = previous == kNoLabel ? "<s>" : LabelName(previous);
  const std::string prev2 = before_previous == kNoLabel ? "<s>" : LabelName(before_previous);
  out->Add("t-1", prev);
  out->Add("t-2t-1", prev2, prev);
  out->Add("t-1w", prev, s.lower[i]);
  out->Add("t-1s", prev, s.shapes[i]);
}

}  // namespace storydesk::entities
