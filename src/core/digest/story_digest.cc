#include "core/digest/story_digest.h"

#include <algorithm>
#include <map>
#include <unordered_map>
#include <unordered_set>

#include "core/copies/sentence_profile.h"
#include "core/digest/boilerplate.h"
#include "core/digest/headline.h"
#include "core/digest/lexrank.h"
#include "core/stories/sparse_vector.h"
#include "core/text/analyzer.h"
#include "core/text/dateline.h"

namespace storydesk::digest {
namespace {

// Candidates per article and in all (see the header): bounds the O(n²) of LexRank.
constexpr size_t kLeadSentences = 30;
constexpr size_t kMaxCandidates = 400;
constexpr double kMmrLambda = 0.7;
constexpr double kMaxBulletSimilarity = 0.5;
// Two sentences are compared by the matcher only when they share at least kMinSharedTerms of
// the query sentence's kQueryTerms heaviest stems: re-wordings keep their rare words, and the
// posting lists of rare words are short, so a story of hundreds of articles stays cheap.
constexpr uint32_t kMinSharedTerms = 2;
constexpr size_t kQueryTerms = 8;
// For relevance and for what a source adds, the matcher judges only the kMaxCompared sentences
// sharing the most: a bound on the work per sentence whatever the story's size (a point that
// 32 sentences say is among the story's most repeated anyway). A bullet's citations are
// looked for among all.
constexpr size_t kMaxCompared = 32;
// Two sentences say the same thing at even odds by the matcher — its own decision boundary, not
// the stricter point copy detection needs, where a whole text is judged from many links each
// of which must be near-certain: a citation is one judgement, shown to a person who can check.
constexpr double kSameSayingProbability = 0.5;

struct Sentence {
  size_t article = 0;
  // Can stand alone as a bullet: not a piece of a quotation spanning several sentences (its
  // double quotes are balanced).
  bool standalone = true;
  size_t position = 0;  // among the article's sentences that are not boilerplate
  std::string text;
  stories::SparseVector vector;
  copies::SentenceProfile profile;
  bool boilerplate = false;
  uint32_t words = 0;
};

stories::SparseVector Vector(const std::vector<stories::TermId>& terms, const stories::TermStatistics& statistics) {
  std::map<stories::TermId, int> counts;
  for (stories::TermId t : terms) ++counts[t];
  return stories::TfIdfVector({counts.begin(), counts.end()}, statistics);
}

// The sentences of one analysed article, with their vectors and matcher profiles.
void AddSentences(size_t article, const text::AnalyzedText& t, stories::TermStatistics& statistics,
                  std::vector<Sentence>* out) {
  std::vector<copies::SentenceProfile> profiles = copies::BuildSentenceProfiles(t, statistics);
  std::unordered_map<uint32_t, size_t> profile_at;  // a profile's begin offset -> its index
  for (size_t i = 0; i < profiles.size(); ++i) profile_at.emplace(profiles[i].begin, i);
  std::vector<std::vector<stories::TermId>> terms(t.sentences.size());
  for (size_t k = 0; k < t.stems.size(); ++k) {
    terms[t.word_sentence[t.stem_word[k]]].push_back(statistics.Intern(t.stems[k]));
  }
  size_t position = 0;
  for (size_t i = 0; i < t.sentences.size(); ++i) {
    auto p = profile_at.find(static_cast<uint32_t>(t.sentences[i].begin));
    if (p == profile_at.end()) continue;  // no word
    Sentence s;
    s.article = article;
    s.text = t.normalized.substr(t.sentences[i].begin, t.sentences[i].end - t.sentences[i].begin);
    while (!s.text.empty() && s.text.back() == ' ') s.text.pop_back();
    // A bullet reads without the wire dateline ("WASHINGTON (AP) - ") its article opens with.
    if (const auto dateline = text::ParseDateline(s.text); dateline && dateline->length < s.text.size()) {
      s.text.erase(0, dateline->length);
    }
    s.standalone = std::count(s.text.begin(), s.text.end(), '"') % 2 == 0;
    s.boilerplate = IsBoilerplateSentence(s.text);
    s.position = s.boilerplate ? position : position++;
    s.vector = Vector(terms[i], statistics);
    s.profile = std::move(profiles[p->second]);
    s.words = s.profile.word_count;
    out->push_back(std::move(s));
  }
}

// For each sentence, the sentences of other copy families that say the same thing (the
// matcher at its operating point, or the very same text), through an index of terms.
class SameSaying {
 public:
  SameSaying(const std::vector<Sentence>& sentences, const std::vector<size_t>& family,
             const copies::SentenceModel& matcher)
      : sentences_(sentences), family_(family), matcher_(matcher) {
    for (size_t i = 0; i < sentences.size(); ++i) {
      for (const copies::WeightedTerm& t : sentences[i].profile.stems) index_[t.term].push_back(i);
    }
  }

  // The articles (by index) outside `exclude_family` with a sentence saying what sentence
  // `i` says, among the `max_compared` sentences sharing the most terms with it; with
  // `first_only`, at most one (whether any does).
  std::vector<size_t> Articles(size_t i, std::optional<size_t> exclude_family, size_t max_compared,
                               bool first_only = false) const {
    const Sentence& s = sentences_[i];
    std::vector<copies::WeightedTerm> query = s.profile.stems;
    const size_t k = std::min(kQueryTerms, query.size());
    std::partial_sort(query.begin(), query.begin() + static_cast<std::ptrdiff_t>(k), query.end(),
                      [](const copies::WeightedTerm& x, const copies::WeightedTerm& y) { return x.weight > y.weight; });
    std::unordered_map<size_t, uint32_t> shared;
    for (size_t q = 0; q < k; ++q) Count(query[q].term, &shared);
    std::vector<std::pair<uint32_t, size_t>> ranked;  // (shared terms, sentence)
    for (const auto& [j, count] : shared) {
      if (j == i || count < kMinSharedTerms) continue;
      if (exclude_family && family_[sentences_[j].article] == *exclude_family) continue;
      ranked.emplace_back(count, j);
    }
    const size_t compared = std::min(max_compared, ranked.size());
    std::partial_sort(ranked.begin(), ranked.begin() + static_cast<std::ptrdiff_t>(compared), ranked.end(),
                      [](const auto& x, const auto& y) { return x.first != y.first ? x.first > y.first : x.second < y.second; });
    ranked.resize(compared);
    std::vector<size_t> out;
    for (const auto& [count, j] : ranked) {
      const Sentence& other = sentences_[j];
      if (std::find(out.begin(), out.end(), other.article) != out.end()) continue;
      if (other.text == s.text || matcher_.Probability(s.profile, other.profile) >= kSameSayingProbability) {
        out.push_back(other.article);
        if (first_only) break;
      }
    }
    std::sort(out.begin(), out.end());
    return out;
  }

 private:
  void Count(stories::TermId term, std::unordered_map<size_t, uint32_t>* shared) const {
    auto it = index_.find(term);
    if (it == index_.end()) return;
    for (size_t j : it->second) ++(*shared)[j];
  }

  const std::vector<Sentence>& sentences_;
  const std::vector<size_t>& family_;
  const copies::SentenceModel& matcher_;
  std::unordered_map<stories::TermId, std::vector<size_t>> index_;
};

std::optional<std::string> Date(const std::optional<std::string>& published) {
  if (!published || published->size() < 10) return std::nullopt;
  return published->substr(0, 10);
}

}  // namespace

StoryDigest BuildStoryDigest(const std::vector<DigestArticle>& articles, const copies::SentenceModel& matcher,
                             stories::TermStatistics& statistics, const DigestOptions& options) {
  StoryDigest digest;
  if (articles.empty()) return digest;
  for (const DigestArticle& a : articles) {
    const auto date = Date(a.published);
    if (!date) continue;
    if (!digest.first_published || *date < *digest.first_published) digest.first_published = date;
    if (!digest.last_published || *date > *digest.last_published) digest.last_published = date;
  }

  // Copy families within the story: a copy whose original is here belongs to the original's.
  std::unordered_map<std::string, size_t> index_of;
  for (size_t i = 0; i < articles.size(); ++i) index_of.emplace(articles[i].id, i);
  std::vector<size_t> family(articles.size());
  for (size_t i = 0; i < articles.size(); ++i) {
    family[i] = i;
    if (articles[i].copy_of) {
      if (auto it = index_of.find(*articles[i].copy_of); it != index_of.end()) family[i] = it->second;
    }
  }

  text::TextAnalyzer analyzer;
  std::vector<Sentence> sentences;
  for (size_t i = 0; i < articles.size(); ++i) AddSentences(i, analyzer.Analyze(articles[i].text), statistics, &sentences);

  // 1. Candidates, round-robin over the originals' leads.
  std::vector<std::vector<size_t>> by_article(articles.size());
  for (size_t i = 0; i < sentences.size(); ++i) {
    const Sentence& s = sentences[i];
    if (!s.boilerplate && s.standalone && family[s.article] == s.article && s.position < kLeadSentences &&
        !s.vector.empty()) {
      by_article[s.article].push_back(i);
    }
  }
  std::vector<size_t> candidates;
  for (size_t round = 0; round < kLeadSentences && candidates.size() < kMaxCandidates; ++round) {
    for (const auto& list : by_article) {
      if (round < list.size() && candidates.size() < kMaxCandidates) candidates.push_back(list[round]);
    }
  }

  // 2. Centrality, biased to the lead.
  std::vector<stories::SparseVector> vectors;
  std::vector<double> prior;
  for (size_t c : candidates) {
    vectors.push_back(sentences[c].vector);
    prior.push_back(1.0 / static_cast<double>(sentences[c].position + 1));
  }
  const std::vector<double> rank = LexRank(vectors, prior);
  std::vector<double> centrality(sentences.size(), 0.0);
  const double top = rank.empty() ? 0.0 : *std::max_element(rank.begin(), rank.end());
  for (size_t k = 0; k < candidates.size(); ++k) centrality[candidates[k]] = top > 0 ? rank[k] / top : 0.0;

  // Relevance: centrality times the number of copy families that say it — what several
  // independent sources report is what the story is about (the cross-document frequency
  // signal of multi-document summarisers, e.g. SumBasic, Nenkova & Vanderwende 2005).
  const SameSaying same(sentences, family, matcher);
  std::vector<double> relevance(candidates.size(), 0.0);
  for (size_t k = 0; k < candidates.size(); ++k) {
    std::vector<size_t> families = {family[sentences[candidates[k]].article]};
    for (size_t a : same.Articles(candidates[k], std::nullopt, kMaxCompared)) families.push_back(family[a]);
    std::sort(families.begin(), families.end());
    const auto distinct = static_cast<double>(std::unique(families.begin(), families.end()) - families.begin());
    relevance[k] = centrality[candidates[k]] * distinct;
  }
  const double top_relevance = relevance.empty() ? 0.0 : *std::max_element(relevance.begin(), relevance.end());
  if (top_relevance > 0) {
    for (double& r : relevance) r /= top_relevance;
  }

  // 3. Bullets by maximal marginal relevance.
  std::vector<size_t> chosen;
  std::vector<bool> taken(candidates.size(), false);
  size_t words = 0;
  auto want_more = [&] {
    if (options.word_budget) return words < *options.word_budget;
    return chosen.size() < options.max_bullets && (chosen.size() < options.min_bullets || words < options.target_words);
  };
  while (want_more()) {
    double best = -1e9;
    std::optional<size_t> pick;
    for (size_t k = 0; k < candidates.size(); ++k) {
      if (taken[k]) continue;
      double closest = 0.0;
      for (size_t c : chosen) closest = std::max(closest, stories::Dot(vectors[k], sentences[c].vector));
      if (closest >= kMaxBulletSimilarity) continue;
      const double score = kMmrLambda * relevance[k] - (1.0 - kMmrLambda) * closest;
      if (score > best) best = score, pick = k;
    }
    if (!pick) break;
    taken[*pick] = true;
    chosen.push_back(candidates[*pick]);
    words += sentences[candidates[*pick]].words;
  }

  // 4. Support.
  for (size_t c : chosen) {
    const Sentence& s = sentences[c];
    std::vector<bool> supports(articles.size(), false);
    supports[s.article] = true;
    for (size_t a : same.Articles(c, std::nullopt, sentences.size())) supports[a] = true;
    // Copies support what their original says.
    for (size_t a = 0; a < articles.size(); ++a) {
      if (supports[family[a]]) supports[a] = true;
    }
    Bullet b;
    b.text = s.text;
    for (size_t a = 0; a < articles.size(); ++a) {
      if (supports[a]) b.sources.push_back(articles[a].id);
    }
    digest.bullets.push_back(std::move(b));
  }

  // 5. Headline: one rule for every view (headline.h); a stored story's is the store's.
  if (options.headline) {
    digest.headline = *options.headline;
  } else {
    std::vector<HeadlineEvidence> evidence;
    for (size_t i = 0; i < articles.size() && i < kHeadlineArticles; ++i) {
      evidence.push_back(AnalyzeHeadlineEvidence(articles[i].title, articles[i].text, analyzer));
    }
    digest.headline = ChooseHeadline(evidence);
  }

  // 6. What each source adds and lacks — nothing to say when one text (and its copies) is all
  // the story has.
  const bool comparable = std::any_of(family.begin(), family.end(), [&](size_t f) { return f != family.front(); });
  for (size_t a = 0; a < articles.size(); ++a) {
    SourceComparison comparison;
    comparison.article = articles[a].id;
    if (!comparable) {
      digest.sources.push_back(std::move(comparison));
      continue;
    }
    std::vector<size_t> own;
    for (size_t i = 0; i < sentences.size(); ++i) {
      if (sentences[i].article == a && !sentences[i].boilerplate && !sentences[i].vector.empty()) own.push_back(i);
    }
    // Most central first, then in text order.
    std::stable_sort(own.begin(), own.end(), [&](size_t x, size_t y) { return centrality[x] > centrality[y]; });
    for (size_t i : own) {
      if (comparison.adds.size() >= options.max_adds) break;
      if (same.Articles(i, family[a], kMaxCompared, /*first_only=*/true).empty()) comparison.adds.push_back(sentences[i].text);
    }
    for (const Bullet& b : digest.bullets) {
      if (std::find(b.sources.begin(), b.sources.end(), articles[a].id) == b.sources.end()) comparison.lacks.push_back(b.text);
    }
    digest.sources.push_back(std::move(comparison));
  }
  return digest;
}

}  // namespace storydesk::digest
