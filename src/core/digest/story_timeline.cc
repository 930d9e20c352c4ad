#include "storydesk/digest/story_timeline.h"

#include <algorithm>
#include <cctype>
#include <optional>
#include <string_view>

#include "core/digest/boilerplate.h"
#include "core/digest/timeline_input.h"
#include "storydesk/claims/claim_text.h"
#include "storydesk/copies/sentence_profile.h"
#include "storydesk/digest/story_digest.h"
#include "storydesk/text/analyzer.h"
#include "storydesk/time/timex.h"

namespace storydesk::digest {
namespace {

// Longest sentence kept whole in an entry; a longer one is cut at a word.
constexpr size_t kMaxEntryBytes = 280;

std::string Cut(std::string_view sentence) {
  if (sentence.size() <= kMaxEntryBytes) return std::string(sentence);
  size_t cut = sentence.rfind(' ', kMaxEntryBytes);
  if (cut == std::string_view::npos || cut == 0) cut = kMaxEntryBytes;
  while (cut > 0 && (static_cast<unsigned char>(sentence[cut]) & 0xC0) == 0x80) --cut;
  return std::string(sentence.substr(0, cut)) + "...";
}

struct Dated {
  size_t article = 0;
  std::string date, precision, sentence, expression;
  claims::ClaimText claim;
  size_t entry = 0;  // the entry it is merged into
};

// The sentence's profile without its date expression, so that two wordings of one event with
// different dates compare on the event alone.
copies::SentenceProfile EventProfile(const Dated& d, text::TextAnalyzer& analyzer, terms::TermStatistics& statistics) {
  std::string masked = d.sentence;
  if (const size_t at = d.sentence.find(d.expression); at != std::string::npos) {
    masked = d.sentence.substr(0, at) + " " + d.sentence.substr(at + d.expression.size());
  }
  return copies::BuildTextProfile(analyzer.Analyze(masked), statistics);
}

// Records on the listed entries (`listed`, indexes into `entries`) the other dates sources give
// for the same event (story_timeline.h): entries of one precision whose dates differ, with a
// sentence each, from articles that do not also give the other's date, that the sentence matcher
// judges one statement in other words once the dates are taken out, with the same numbers and
// the names of one among the other's. Only listed entries are
// compared, so the cost stays bounded by the timeline's length, not the story's.
void MarkConflicts(const std::vector<size_t>& listed, const std::vector<Dated>& dated,
                   const std::vector<std::vector<size_t>>& members, const copies::SentenceModel& matcher,
                   text::TextAnalyzer& analyzer, terms::TermStatistics& statistics,
                   std::vector<TimelineEntry>& entries) {
  // Whether article `a` gives a date that holds or is held by `date` anywhere.
  auto gives = [&](size_t a, std::string_view date) {
    return std::any_of(dated.begin(), dated.end(),
                       [&](const Dated& d) { return d.article == a && timeutil::CalendarCompatible(d.date, date); });
  };
  std::vector<std::optional<copies::SentenceProfile>> profiles(dated.size());
  auto profile = [&](size_t m) -> const copies::SentenceProfile& {
    if (!profiles[m]) profiles[m] = EventProfile(dated[m], analyzer, statistics);
    return *profiles[m];
  };
  for (size_t i = 0; i < listed.size(); ++i) {
    for (size_t j = i + 1; j < listed.size(); ++j) {
      TimelineEntry& x = entries[listed[i]];
      TimelineEntry& y = entries[listed[j]];
      if (x.precision != y.precision || timeutil::CalendarCompatible(x.date, y.date)) continue;
      bool conflict = false;
      for (size_t mx : members[listed[i]]) {
        for (size_t my : members[listed[j]]) {
          const Dated& dx = dated[mx];
          const Dated& dy = dated[my];
          if (dx.article == dy.article || gives(dx.article, y.date) || gives(dy.article, x.date)) continue;
          const copies::SentenceProfile& px = profile(mx);
          const copies::SentenceProfile& py = profile(my);
          // One statement keeps its figures and its names: "claims fell to 473,000" and "fell
          // to 444,000" are two weeks' figures, not one week dated twice.
          const bool names_kept = std::includes(px.names.begin(), px.names.end(), py.names.begin(), py.names.end()) ||
                                  std::includes(py.names.begin(), py.names.end(), px.names.begin(), px.names.end());
          if (px.numbers == py.numbers && names_kept && matcher.Probability(px, py) >= matcher.match_probability) {
            conflict = true;
            break;
          }
        }
        if (conflict) break;
      }
      if (!conflict) continue;
      x.conflicts.push_back({y.date, y.articles});
      y.conflicts.push_back({x.date, x.articles});
    }
  }
}

}  // namespace

std::vector<TimelineEntry> BuildStoryTimeline(const std::vector<DigestArticle>& articles,
                                              const copies::SentenceModel& matcher, const claims::ClaimMatcher& claims,
                                              terms::TermStatistics& statistics, size_t max_entries) {
  text::TextAnalyzer analyzer;
  std::vector<text::AnalyzedText> texts;
  std::vector<claims::ClaimText> claim_texts;
  std::vector<SentenceDates> dates;
  texts.reserve(articles.size());
  claim_texts.reserve(articles.size());
  dates.reserve(articles.size());
  for (const DigestArticle& article : articles) {
    texts.push_back(analyzer.Analyze(article.text));
    claim_texts.push_back(claims::BuildClaimText(texts.back(), statistics, claims.synonyms.get()));
    dates.push_back(DatesBySentence(texts.back(), article.published));
  }
  std::vector<ReadArticle> read(articles.size());
  for (size_t a = 0; a < articles.size(); ++a) read[a] = {&texts[a], &claim_texts[a], &dates[a]};
  return BuildStoryTimeline(articles, read, matcher, claims, statistics, max_entries);
}

std::vector<TimelineEntry> BuildStoryTimeline(const std::vector<DigestArticle>& articles,
                                              const std::vector<ReadArticle>& read,
                                              const copies::SentenceModel& matcher, const claims::ClaimMatcher& claims,
                                              terms::TermStatistics& statistics, size_t max_entries) {
  text::TextAnalyzer analyzer;  // for the conflicts' date-masked sentences only
  std::vector<Dated> dated;
  for (size_t a = 0; a < articles.size(); ++a) {
    // The analysed text, as bullets are read from: normalised spaces and quotes, and the
    // project's sentences (text/sentences.h: abbreviations, initials and hard-wrapped lines do
    // not end one).
    const text::AnalyzedText& analysed = *read[a].text;
    const std::string_view text = analysed.normalized;
    const SentenceDates& dates = *read[a].dates;
    // The claim matcher's sentence for each sentence index (a title's sentences have none).
    std::vector<const claims::ClaimSentence*> claim_of(analysed.sentences.size(), nullptr);
    for (const claims::ClaimSentence& s : read[a].claims->sentences) {
      if (s.index < claim_of.size()) claim_of[s.index] = &s;
    }
    for (size_t k = 0; k < dates.size() && k < analysed.sentences.size(); ++k) {
      if (dates[k].empty()) continue;
      const text::SentenceSpan& span = analysed.sentences[k];
      const std::string_view sentence = text.substr(span.begin, span.end - span.begin);
      if (sentence.empty() || IsBoilerplateSentence(sentence)) continue;
      // A sentence is listed once, under its first date: "From Friday through Sunday there were
      // more than 400 shootings" is one thing, not one on Friday and another on Sunday.
      const SentenceDate& first = dates[k].front();
      Dated d;
      d.article = a;
      d.date = first.value;
      d.precision = std::string(first.precision);
      d.sentence = Cut(sentence);
      d.expression = std::string(text.substr(first.begin, first.end - first.begin));
      if (std::any_of(dated.begin(), dated.end(),
                      [&](const Dated& x) { return x.article == a && x.sentence == d.sentence; })) {
        continue;
      }
      if (const claims::ClaimSentence* s = claim_of[k]) {
        d.claim.sentences.push_back(*s);
        d.claim.names = s->profile.names;
        d.claim.numbers = s->profile.numbers;
        for (const copies::WeightedTerm& t : s->profile.stems) d.claim.stems.push_back(t.term);
      }
      dated.push_back(std::move(d));
    }
  }
  // Entries: each dated sentence joins the first earlier one of another article with the same
  // date that states it (or that it states) at least in part.
  auto states = [&](const Dated& x, const Dated& y) {
    for (const claims::ClaimSentence& s : x.claim.sentences) {
      if (claims::JudgeSupport(claims.model, s, y.claim, matcher).level != claims::SupportLevel::kNo) return true;
    }
    return false;
  };
  std::vector<TimelineEntry> entries;
  std::vector<std::vector<size_t>> members;  // per entry: indexes into `dated`
  for (size_t k = 0; k < dated.size(); ++k) {
    Dated& d = dated[k];
    std::optional<size_t> into;
    for (size_t e = 0; e < entries.size() && !into; ++e) {
      if (entries[e].date != d.date) continue;
      for (size_t m : members[e]) {
        if (dated[m].article != d.article && (states(dated[m], d) || states(d, dated[m]))) {
          into = e;
          break;
        }
      }
    }
    if (!into) {
      into = entries.size();
      entries.push_back({d.date, d.precision, d.sentence, d.expression, {}, {}});
      members.emplace_back();
    }
    members[*into].push_back(k);
    TimelineEntry& entry = entries[*into];
    const std::string& id = articles[d.article].id;
    if (std::find(entry.articles.begin(), entry.articles.end(), id) == entry.articles.end())
      entry.articles.push_back(id);
  }
  // The entries most articles give, when there are too many; then by date.
  std::vector<size_t> order(entries.size());
  for (size_t e = 0; e < order.size(); ++e) order[e] = e;
  std::stable_sort(order.begin(), order.end(),
                   [&](size_t x, size_t y) { return entries[x].articles.size() > entries[y].articles.size(); });
  if (order.size() > max_entries) order.resize(max_entries);
  std::stable_sort(order.begin(), order.end(), [&](size_t x, size_t y) {
    return entries[x].date != entries[y].date ? entries[x].date < entries[y].date : x < y;
  });
  MarkConflicts(order, dated, members, matcher, analyzer, statistics, entries);
  std::vector<TimelineEntry> out;
  out.reserve(order.size());
  for (size_t e : order) out.push_back(std::move(entries[e]));
  return out;
}

}  // namespace storydesk::digest
