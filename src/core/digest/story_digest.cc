#include "storydesk/digest/story_digest.h"

#include <algorithm>
#include <map>
#include <unordered_map>
#include <unordered_set>

#include "core/digest/boilerplate.h"
#include "core/digest/bullet_quality.h"
#include "core/digest/lexrank.h"
#include "core/digest/opening_pronoun.h"
#include "core/digest/run_together.h"
#include "core/digest/sentence_dates.h"
#include "core/digest/timeline_input.h"
#include "storydesk/claims/claim_text.h"
#include "storydesk/digest/headline.h"
#include "storydesk/terms/sparse_vector.h"
#include "storydesk/text/analyzer.h"
#include "storydesk/text/dateline.h"
#include "storydesk/time/timex.h"

namespace storydesk::digest {
namespace {

// Candidates per article and in all (see the header): bounds the O(n²) of LexRank.
constexpr size_t kLeadSentences = 30;
constexpr size_t kMaxCandidates = 400;
// Bullets are chosen among the most central candidates only: the claim matcher judges each
// against every article, and a sentence outside the first kRanked is never chosen anyway.
constexpr size_t kRanked = 60;
constexpr double kMmrLambda = 0.7;
constexpr double kMaxBulletSimilarity = 0.5;
// A bullet whose weighted content is this much inside another's repeats it.
constexpr double kMaxContainment = 0.6;
// An article is judged for a sentence only when it shares at least kMinSharedTerms of the
// sentence's kQueryTerms heaviest stems, names and numbers: a source stating a claim keeps some
// of its rare words, and the posting lists of rare words are short, so a story of hundreds of
// articles stays cheap. The others do not state it.
constexpr uint32_t kMinSharedTerms = 1;
constexpr size_t kQueryTerms = 8;
// Per source, at most this many of its sentences are tried as "adds".
constexpr size_t kMaxAddsTried = 12;
// Share of a sentence's letters inside quotation marks from which it is all quotation.
constexpr float kInsideQuotationShare = 0.99f;

struct Sentence {
  size_t article = 0;
  size_t position = 0;  // among the article's sentences that are not boilerplate
  std::string text;
  terms::SparseVector vector;
  claims::ClaimSentence claim;
  bool boilerplate = false;
  bool usable = false;  // may be a bullet or an "add": no boilerplate, fragment or commentary
  uint32_t words = 0;
};

terms::SparseVector Vector(const std::vector<terms::TermId>& terms, const terms::TermStatistics& statistics) {
  std::map<terms::TermId, int> counts;
  for (terms::TermId t : terms) ++counts[t];
  return terms::TfIdfVector({counts.begin(), counts.end()}, statistics);
}

// The sentences of one analysed article, with their vectors and matcher profiles.
// `resolved`: the article's opening pronouns the story's people resolve (opening_pronoun.h).
void AddSentences(size_t article, const text::AnalyzedText& t, const claims::ClaimText& prepared,
                  const std::vector<ResolvedOpening>& resolved, text::TextAnalyzer& analyzer,
                  terms::TermStatistics& statistics, std::vector<Sentence>* out) {
  std::vector<std::vector<terms::TermId>> terms(t.sentences.size());
  std::vector<std::vector<std::string_view>> stems(t.sentences.size());
  for (size_t k = 0; k < t.stems.size(); ++k) {
    const uint32_t sentence = t.word_sentence[t.stem_word[k]];
    terms[sentence].push_back(statistics.Intern(t.stems[k]));
    stems[sentence].push_back(t.stems[k]);
  }
  std::unordered_set<std::string_view> earlier;  // stems of the sentences before
  size_t position = 0, next_stems = 0;
  for (const claims::ClaimSentence& cs : prepared.sentences) {
    for (; next_stems < cs.index; ++next_stems) earlier.insert(stems[next_stems].begin(), stems[next_stems].end());
    Sentence s;
    s.article = article;
    const text::SentenceSpan& span = t.sentences[cs.index];
    s.text = t.normalized.substr(span.begin, span.end - span.begin);
    while (!s.text.empty() && s.text.back() == ' ') s.text.pop_back();
    // A bullet reads without the wire dateline ("WASHINGTON (AP) - ") its article opens with.
    if (const auto dateline = text::ParseDateline(s.text); dateline && dateline->length < s.text.size()) {
      s.text.erase(0, dateline->length);
    }
    s.text = WithoutOpeningConnective(std::string(WithoutSectionLabel(s.text)));
    if (!resolved.empty()) s.text = WithOpeningPronounResolved(s.text, resolved);
    s.boilerplate = IsBoilerplateSentence(s.text);
    bool refers_back = false;
    if (const std::string_view noun = DefiniteOpeningNoun(s.text); !noun.empty() && !earlier.empty()) {
      const text::AnalyzedText word = analyzer.Analyze(noun);
      refers_back = (!word.stems.empty() && earlier.count(word.stems.front()) > 0) || OpensWithEventReference(s.text);
    }
    // A sentence wholly inside a quotation that opened before it and closes after it ("Best
    // burger in town. Really, it's that amazing. Not a huge place ...") is a piece of a quote
    // with neither its speaker nor its marks.
    const bool inside_quotation =
        cs.profile.quoted_share >= kInsideQuotationShare && s.text.find('"') == std::string::npos;
    s.usable = !s.boilerplate && !IsFragmentSentence(s.text, refers_back) && !IsOpinionSentence(s.text) &&
               !IsRunTogether(s.text) && !inside_quotation;
    s.position = s.boilerplate ? position : position++;
    s.vector = Vector(terms[cs.index], statistics);
    s.claim = cs;
    s.words = cs.profile.word_count;
    out->push_back(std::move(s));
  }
}

// Whether a text dates a statement otherwise: both give dates, some of one precision, and none
// of one side can name the same time as one of the other ("began on 16 August" against "began
// on 17 August"; not "began on 16 August" against "began in August" or "... and ends on the 25th").
bool DatesDisagree(const std::vector<std::string>& x, const std::vector<std::string>& y) {
  if (x.empty() || y.empty()) return false;
  bool same_precision = false;
  for (const std::string& a : x) {
    for (const std::string& b : y) {
      if (timeutil::CalendarCompatible(a, b)) return false;
      same_precision |= timeutil::CalendarPrecision(a) == timeutil::CalendarPrecision(b);
    }
  }
  return same_precision;
}

// Which articles state which sentences: the claim matcher, behind an index of the articles'
// terms that skips articles sharing too little, with every judgement kept. A text that states a
// sentence but dates it otherwise states it only in part: the event, not when it happened.
class Support {
 public:
  Support(const std::vector<Sentence>& sentences, const std::vector<claims::ClaimText>& texts,
          const std::vector<SentenceDates>& dates, const std::vector<size_t>& family,
          const copies::SentenceModel& matcher, const claims::ClaimModel& model)
      : sentences_(sentences), texts_(texts), dates_(dates), family_(family), matcher_(matcher), model_(model) {
    for (size_t a = 0; a < texts.size(); ++a) {
      for (terms::TermId term : texts[a].stems) index_[term].push_back(a);
      for (terms::TermId term : texts[a].names) index_[term].push_back(a);
      for (terms::TermId term : texts[a].numbers) index_[term].push_back(a);
    }
  }

  // What article `a` says of sentence `i`: the claim matcher's judgement; always "yes" within
  // the sentence's own copy family.
  claims::Support Of(size_t i, size_t a) {
    const Sentence& s = sentences_[i];
    if (family_[a] == family_[s.article]) return {claims::SupportLevel::kYes, 1.0, 0, 0};
    const auto key = std::make_pair(i, family_[a]);
    if (auto it = cache_.find(key); it != cache_.end()) return it->second;
    claims::Support judged;
    if (Candidates(i).count(family_[a])) judged = claims::JudgeSupport(model_, s.claim, texts_[family_[a]], matcher_);
    if (judged.level == claims::SupportLevel::kYes && DatedOtherwise(s, family_[a], judged)) {
      judged.level = claims::SupportLevel::kPartial;
    }
    cache_.emplace(key, judged);
    return judged;
  }

 private:
  // The families sharing at least kMinSharedTerms of the sentence's heaviest terms.
  const std::unordered_set<size_t>& Candidates(size_t i) {
    if (auto it = candidates_.find(i); it != candidates_.end()) return it->second;
    const copies::SentenceProfile& p = sentences_[i].claim.profile;
    std::vector<copies::WeightedTerm> query = p.stems;
    const size_t k = std::min(kQueryTerms, query.size());
    std::partial_sort(query.begin(), query.begin() + static_cast<std::ptrdiff_t>(k), query.end(),
                      [](const copies::WeightedTerm& x, const copies::WeightedTerm& y) { return x.weight > y.weight; });
    std::vector<terms::TermId> terms;
    for (size_t q = 0; q < k; ++q) terms.push_back(query[q].term);
    terms.insert(terms.end(), p.names.begin(), p.names.end());
    terms.insert(terms.end(), p.numbers.begin(), p.numbers.end());
    std::unordered_map<size_t, uint32_t> shared;
    for (terms::TermId term : terms) {
      auto it = index_.find(term);
      if (it == index_.end()) continue;
      for (size_t a : it->second) ++shared[a];
    }
    std::unordered_set<size_t> out;
    for (const auto& [a, count] : shared) {
      if (count >= kMinSharedTerms) out.insert(family_[a]);
    }
    return candidates_.emplace(i, std::move(out)).first->second;
  }

  // Whether the sentence of article `a`'s window closest to sentence `s` (by the sentence
  // matcher) dates it to another day. Only days are compared: a month or a year is as often the
  // background of a statement ("signed into law in March") as its date.
  bool DatedOtherwise(const Sentence& s, size_t a, const claims::Support& judged) const {
    if (s.claim.index >= dates_[s.article].size()) return false;
    const std::vector<std::string> own = Days(dates_[s.article][s.claim.index]);
    if (own.empty()) return false;
    const std::vector<claims::ClaimSentence>& window = texts_[a].sentences;
    std::optional<size_t> closest;
    double best = -1.0;
    for (size_t w = judged.window_begin; w < judged.window_end && w < window.size(); ++w) {
      const double p = matcher_.Probability(s.claim.profile, window[w].profile);
      if (p > best) best = p, closest = w;
    }
    if (!closest || window[*closest].index >= dates_[a].size()) return false;  // none, or a title
    return DatesDisagree(own, Days(dates_[a][window[*closest].index]));
  }

  static std::vector<std::string> Days(const std::vector<SentenceDate>& dates) {
    std::vector<std::string> out;
    for (const SentenceDate& d : dates) {
      if (d.precision == "day") out.push_back(d.value);
    }
    return out;
  }

  struct PairHash {
    size_t operator()(const std::pair<size_t, size_t>& p) const { return p.first * 1000003u ^ p.second; }
  };
  const std::vector<Sentence>& sentences_;
  const std::vector<claims::ClaimText>& texts_;
  const std::vector<SentenceDates>& dates_;
  const std::vector<size_t>& family_;
  const copies::SentenceModel& matcher_;
  const claims::ClaimModel& model_;
  std::unordered_map<terms::TermId, std::vector<size_t>> index_;
  std::unordered_map<size_t, std::unordered_set<size_t>> candidates_;
  std::unordered_map<std::pair<size_t, size_t>, claims::Support, PairHash> cache_;
};

// Whether two sentences say the same: either states the other by the claim matcher, or most of
// the shorter one's content is in the longer one (a short restatement of a long sentence, whose
// cosine stays low: "more than 1.6 million verified signatures" within "... had collected
// 1,626,042 signatures on their petition, more than the roughly 1.5 million required ...").
bool Repeats(const Sentence& x, const Sentence& y, const copies::SentenceModel& matcher,
             const claims::ClaimModel& model) {
  if (ContentContainment(x.claim.profile, y.claim.profile) >= kMaxContainment) return true;
  auto alone = [](const Sentence& s) {
    claims::ClaimText t;
    t.sentences.push_back(s.claim);
    for (const copies::WeightedTerm& w : s.claim.profile.stems) t.stems.push_back(w.term);
    t.names = s.claim.profile.names;
    t.numbers = s.claim.profile.numbers;
    return t;
  };
  return claims::JudgeSupport(model, x.claim, alone(y), matcher).level == claims::SupportLevel::kYes ||
         claims::JudgeSupport(model, y.claim, alone(x), matcher).level == claims::SupportLevel::kYes;
}

std::optional<std::string> Date(const std::optional<std::string>& published) {
  if (!published || published->size() < 10) return std::nullopt;
  return published->substr(0, 10);
}

// An article's text for the claim matcher: its title's sentences, then its body's.
claims::ClaimText WithTitle(claims::ClaimText body, const std::optional<std::string>& title,
                            text::TextAnalyzer& analyzer, terms::TermStatistics& statistics,
                            const claims::StemSynonyms* synonyms) {
  if (!title || title->empty()) return body;
  claims::ClaimText t = claims::BuildClaimText(analyzer.Analyze(*title), statistics, synonyms);
  for (claims::ClaimSentence& s : t.sentences) s.index = UINT32_MAX;  // not a body sentence
  auto merge = [](std::vector<terms::TermId> a, const std::vector<terms::TermId>& b) {
    a.insert(a.end(), b.begin(), b.end());
    std::sort(a.begin(), a.end());
    a.erase(std::unique(a.begin(), a.end()), a.end());
    return a;
  };
  t.stems = merge(t.stems, body.stems);
  t.names = merge(t.names, body.names);
  t.numbers = merge(t.numbers, body.numbers);
  for (claims::ClaimSentence& s : body.sentences) t.sentences.push_back(std::move(s));
  return t;
}

}  // namespace

StoryDigest BuildStoryDigest(const std::vector<DigestArticle>& articles, const copies::SentenceModel& matcher,
                             const claims::ClaimMatcher& claims, terms::TermStatistics& statistics,
                             const DigestOptions& options) {
  const claims::ClaimModel& claim_model = claims.model;
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

  // The story's people first: they resolve the pronouns bullets may open with.
  std::optional<StoryVoices> voices;
  std::vector<std::vector<ResolvedOpening>> resolved(articles.size());
  if (options.entities != nullptr) {
    voices = FindStoryVoices(articles, *options.entities, matcher, claims, statistics);
    resolved = ResolveOpeningPronouns(articles, *voices);
  }

  text::TextAnalyzer analyzer;
  std::vector<Sentence> sentences;
  std::vector<claims::ClaimText> texts;
  std::vector<SentenceDates> dates;
  std::vector<text::AnalyzedText> analysed;  // kept for the timeline
  analysed.reserve(articles.size());
  for (size_t i = 0; i < articles.size(); ++i) {
    const text::AnalyzedText& t = analysed.emplace_back(analyzer.Analyze(articles[i].text));
    size_t unresolved = 0;
    dates.push_back(DatesBySentence(t, articles[i].published, &unresolved));
    if (unresolved > 0) digest.timeline_unplaced.push_back(articles[i].id);
    claims::ClaimText prepared = claims::BuildClaimText(t, statistics, claims.synonyms.get());
    AddSentences(i, t, prepared, resolved[i], analyzer, statistics, &sentences);
    texts.push_back(WithTitle(std::move(prepared), articles[i].title, analyzer, statistics, claims.synonyms.get()));
  }

  // 1. Candidates, round-robin over the originals' leads.
  std::vector<std::vector<size_t>> by_article(articles.size());
  for (size_t i = 0; i < sentences.size(); ++i) {
    const Sentence& s = sentences[i];
    if (s.usable && family[s.article] == s.article && s.position < kLeadSentences && !s.vector.empty()) {
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
  std::vector<terms::SparseVector> vectors;
  std::vector<double> prior;
  for (size_t c : candidates) {
    vectors.push_back(sentences[c].vector);
    prior.push_back(1.0 / static_cast<double>(sentences[c].position + 1));
  }
  const std::vector<double> rank = LexRank(vectors, prior);
  std::vector<double> centrality(sentences.size(), 0.0);
  const double top = rank.empty() ? 0.0 : *std::max_element(rank.begin(), rank.end());
  for (size_t k = 0; k < candidates.size(); ++k) centrality[candidates[k]] = top > 0 ? rank[k] / top : 0.0;

  // 3. Support, for the most central candidates. Relevance: centrality times the number of
  // copy families stating it — what several independent sources report is what the story is
  // about (the cross-document frequency signal of multi-document summarisers, e.g. SumBasic,
  // Nenkova & Vanderwende 2005).
  std::vector<size_t> ranked(candidates.size());
  for (size_t k = 0; k < candidates.size(); ++k) ranked[k] = k;
  std::stable_sort(ranked.begin(), ranked.end(),
                   [&](size_t x, size_t y) { return centrality[candidates[x]] > centrality[candidates[y]]; });
  if (ranked.size() > kRanked) ranked.resize(kRanked);
  Support support(sentences, texts, dates, family, matcher, claim_model);
  std::vector<double> relevance(candidates.size(), 0.0);
  for (size_t k : ranked) {
    std::unordered_set<size_t> families;
    for (size_t a = 0; a < articles.size(); ++a) {
      if (families.count(family[a]) == 0 && support.Of(candidates[k], a).level == claims::SupportLevel::kYes) {
        families.insert(family[a]);
      }
    }
    relevance[k] = centrality[candidates[k]] * static_cast<double>(families.size());
  }
  const double top_relevance = relevance.empty() ? 0.0 : *std::max_element(relevance.begin(), relevance.end());
  if (top_relevance > 0) {
    for (double& r : relevance) r /= top_relevance;
  }

  // 4. Bullets by maximal marginal relevance, never repeating one another.
  std::vector<size_t> chosen;
  std::vector<bool> excluded(candidates.size(), true);
  for (size_t k : ranked) excluded[k] = false;
  size_t words = 0;
  auto want_more = [&] {
    if (options.word_budget) return words < *options.word_budget;
    return chosen.size() < options.max_bullets && (chosen.size() < options.min_bullets || words < options.target_words);
  };
  while (want_more()) {
    double best = -1e9;
    std::optional<size_t> pick;
    for (size_t k : ranked) {
      if (excluded[k]) continue;
      double closest = 0.0;
      for (size_t c : chosen) closest = std::max(closest, terms::Dot(vectors[k], sentences[c].vector));
      if (closest >= kMaxBulletSimilarity) {
        excluded[k] = true;
        continue;
      }
      const double score = kMmrLambda * relevance[k] - (1.0 - kMmrLambda) * closest;
      if (score > best) best = score, pick = k;
    }
    if (!pick) break;
    excluded[*pick] = true;
    const Sentence& picked = sentences[candidates[*pick]];
    if (std::any_of(chosen.begin(), chosen.end(),
                    [&](size_t c) { return Repeats(picked, sentences[c], matcher, claim_model); })) {
      continue;
    }
    chosen.push_back(candidates[*pick]);
    words += picked.words;
  }

  // 5. Citations.
  std::vector<size_t> stating_families;  // per bullet
  for (size_t c : chosen) {
    const Sentence& s = sentences[c];
    Bullet b;
    b.text = s.text;
    b.origin = articles[s.article].id;
    b.sentence = s.claim.index;
    std::unordered_set<size_t> families;
    for (size_t a = 0; a < articles.size(); ++a) {
      const claims::SupportLevel level = support.Of(c, a).level;
      if (level == claims::SupportLevel::kYes) {
        b.sources.push_back(articles[a].id);
        families.insert(family[a]);
      }
      if (level == claims::SupportLevel::kPartial) b.partial_sources.push_back(articles[a].id);
    }
    stating_families.push_back(families.size());
    digest.bullets.push_back(std::move(b));
  }

  // 6. Headline: one rule for every view (headline.h); a stored story's is the store's.
  if (options.headline) {
    digest.headline = *options.headline;
  } else {
    std::vector<HeadlineEvidence> evidence;
    for (size_t i = 0; i < articles.size() && i < kHeadlineArticles; ++i) {
      evidence.push_back(AnalyzeHeadlineEvidence(articles[i].title, articles[i].text, analyzer));
    }
    digest.headline = ChooseHeadline(evidence);
  }

  // 7. What each source adds and leaves out — nothing to say when one text (and its copies)
  // is all the story has.
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
      if (sentences[i].article == a && sentences[i].usable && !sentences[i].vector.empty()) own.push_back(i);
    }
    // Most central first, then in text order.
    std::stable_sort(own.begin(), own.end(), [&](size_t x, size_t y) { return centrality[x] > centrality[y]; });
    if (own.size() > kMaxAddsTried) own.resize(kMaxAddsTried);
    for (size_t i : own) {
      if (comparison.adds.size() >= options.max_adds) break;
      bool stated_elsewhere = false;
      for (size_t b = 0; b < articles.size() && !stated_elsewhere; ++b) {
        stated_elsewhere = family[b] != family[a] && support.Of(i, b).probability >= claim_model.unique_probability;
      }
      if (!stated_elsewhere) comparison.adds.push_back(sentences[i].text);
    }
    // A central point — one at least two independent sources state — the source does not state
    // even in part. (A bullet one source alone states is that source's "add", not a gap of
    // the others.)
    for (size_t k = 0; k < chosen.size(); ++k) {
      if (stating_families[k] >= 2 && support.Of(chosen[k], a).level == claims::SupportLevel::kNo) {
        comparison.lacks.push_back(digest.bullets[k].text);
      }
    }
    digest.sources.push_back(std::move(comparison));
  }
  // 8. People and quotes.
  if (voices) {
    digest.entities = std::move(voices->entities);
    digest.quotes = std::move(voices->quotes);
  }
  // 9. When things happened.
  std::vector<ReadArticle> read(articles.size());
  for (size_t i = 0; i < articles.size(); ++i) read[i] = {&analysed[i], &texts[i], &dates[i]};
  digest.timeline = BuildStoryTimeline(articles, read, matcher, claims, statistics);
  return digest;
}

}  // namespace storydesk::digest
