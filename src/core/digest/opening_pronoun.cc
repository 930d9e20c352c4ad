#include "core/digest/opening_pronoun.h"

#include <algorithm>
#include <cctype>
#include <optional>
#include <vector>

#include "core/text/sentences.h"

namespace storydesk::digest {
namespace {

constexpr size_t kFollowsLetters = 40;
// How far into the sentence before its subject's name may begin: a title and a role ("US
// Special Representative for North Korea Sung Kim") fit, a clause does not.
constexpr size_t kSubjectBytes = 48;

bool IsOpeningPronoun(std::string_view word) { return word == "He" || word == "She"; }

// The letters and digits of `text` from its start, lower-cased, up to `limit` of them: what a
// sentence and its normalised form share whatever became of quotes, dashes and spaces.
std::string Letters(std::string_view text, size_t limit) {
  std::string out;
  for (const char c : text) {
    if (out.size() >= limit) break;
    if (std::isalnum(static_cast<unsigned char>(c)))
      out.push_back(static_cast<char>(std::tolower(static_cast<unsigned char>(c))));
  }
  return out;
}

// The sentence spans of `text` (the project's splitter, core/text/sentences.h) and the index of
// the one holding byte `at`, or spans.size().
size_t SpanHolding(const std::vector<text::SentenceSpan>& spans, size_t at) {
  const auto it =
      std::upper_bound(spans.begin(), spans.end(), at, [](size_t x, const text::SentenceSpan& s) { return x < s.end; });
  return it != spans.end() && it->begin <= at ? static_cast<size_t>(it - spans.begin()) : spans.size();
}

// Whether `at` opens its sentence: nothing but quotation marks between the span's start and it.
bool OpensSentence(std::string_view text, const text::SentenceSpan& span, size_t at) {
  for (size_t k = span.begin; k < at; ++k) {
    if (text[k] != '"' && text[k] != ' ' && text[k] != '\'') return false;
  }
  return true;
}

}  // namespace

std::vector<std::vector<ResolvedOpening>> ResolveOpeningPronouns(const std::vector<DigestArticle>& articles,
                                                                 const StoryVoices& voices) {
  std::vector<std::vector<ResolvedOpening>> out(articles.size());
  const std::vector<EntityMention>& mentions = voices.mentions;
  std::vector<std::optional<std::vector<text::SentenceSpan>>> spans_of(articles.size());
  for (size_t m = 0; m < mentions.size(); ++m) {
    const EntityMention& p = mentions[m];
    if (!p.pronoun || p.article >= articles.size() || p.entity >= voices.entities.size()) continue;
    const std::string_view text = articles[p.article].text;
    if (p.end > text.size() || p.begin >= p.end || !IsOpeningPronoun(text.substr(p.begin, p.end - p.begin)) ||
        voices.entities[p.entity].type != entities::EntityType::kPerson) {
      continue;
    }
    if (!spans_of[p.article]) spans_of[p.article] = text::SplitSentences(text);
    const std::vector<text::SentenceSpan>& spans = *spans_of[p.article];
    const size_t s = SpanHolding(spans, p.begin);
    if (s == spans.size() || !OpensSentence(text, spans[s], p.begin)) continue;
    // The sentence before: every person it names is the one the pronoun is linked to.
    const size_t start = spans[s].begin;
    const size_t previous_start = s > 0 ? spans[s - 1].begin : start;
    bool doubtful = false;
    const EntityMention* antecedent = nullptr;  // the earliest naming of the person there
    for (size_t k = m; k > 0; --k) {
      const EntityMention& before = mentions[k - 1];
      if (before.article != p.article || before.begin < previous_start) break;
      if (before.pronoun || before.entity >= voices.entities.size() ||
          voices.entities[before.entity].type != entities::EntityType::kPerson) {
        continue;
      }
      if (before.entity == p.entity) {
        antecedent = &before;
      } else {
        doubtful = true;
      }
    }
    // The person must be what the sentence before is about — named in its first words, as its
    // subject usually is ("Sung Kim arrived …", "US envoy Sung Kim said …"): a subject pronoun
    // continues the previous sentence's subject (centering theory: Grosz, Joshi & Weinstein,
    // Computational Linguistics 1995), not a name met deep inside it ("… shot a former patient,
    // Joyce Brannon. He did not testify …").
    if (doubtful || antecedent == nullptr || antecedent->begin - previous_start > kSubjectBytes) continue;
    // The story's fullest form of the name when it ends as written here ("Joe Biden" for
    // "Biden"); else as written (a name the tagger ran on, "Biden Thursday").
    const std::string_view written = text.substr(antecedent->begin, antecedent->end - antecedent->begin);
    const std::string& fullest = voices.entities[p.entity].name;
    auto ends_with_word = [](std::string_view name, std::string_view word) {
      return name.size() > word.size() && name.ends_with(word) && name[name.size() - word.size() - 1] == ' ';
    };
    // …unless the article writes another name ending so ("John Warner … his wife Jeanne
    // Warner … Warner served"): which one the surname is, the story's linking may have got wrong.
    bool ends_so = ends_with_word(fullest, written);
    for (size_t k = 0; k < mentions.size() && ends_so; ++k) {
      const EntityMention& other = mentions[k];
      if (other.article != p.article || other.pronoun || other.entity == p.entity || other.end > text.size()) continue;
      ends_so = !ends_with_word(text.substr(other.begin, other.end - other.begin), written);
    }
    out[p.article].push_back({Letters(text.substr(p.end), kFollowsLetters), ends_so ? fullest : std::string(written)});
  }
  return out;
}

std::string WithOpeningPronounResolved(std::string_view sentence, const std::vector<ResolvedOpening>& resolved) {
  size_t end = 0;
  while (end < sentence.size() && std::isalpha(static_cast<unsigned char>(sentence[end]))) ++end;
  if (!IsOpeningPronoun(sentence.substr(0, end)) || end == sentence.size() || sentence[end] != ' ') {
    return std::string(sentence);
  }
  const std::string follows = Letters(sentence.substr(end), kFollowsLetters);
  if (follows.empty()) return std::string(sentence);
  for (const ResolvedOpening& r : resolved) {
    // A short sentence's letters end before the 40 its article's text gives.
    const bool matches =
        follows.size() == kFollowsLetters ? r.follows == follows : r.follows.compare(0, follows.size(), follows) == 0;
    if (matches && !r.name.empty()) return r.name + std::string(sentence.substr(end));
  }
  return std::string(sentence);
}

}  // namespace storydesk::digest
