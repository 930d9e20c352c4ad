#include "storydesk/story_engine.h"

#include <algorithm>
#include <limits>
#include <unordered_map>

#include "core/analyzed_article_data.h"
#include "core/fingerprint/exact_hash.h"
#include "core/stories/event_days.h"
#include "core/stories/story_grouper.h"
#include "core/stories/storyline_level.h"
#include "core/time/mentioned_years.h"
#include "storydesk/copies/attribution.h"
#include "storydesk/copies/sentence_profile.h"
#include "storydesk/digest/headline.h"
#include "storydesk/fingerprint/minhash.h"
#include "storydesk/stories/story_model.h"
#include "storydesk/text/analyzer.h"
#include "storydesk/text/tokens.h"

namespace storydesk {
namespace {

// Names live in the same vocabulary as stems; the prefix keeps "kim" the stem apart from
// "Kim" the name. Stems never contain ':'.
constexpr std::string_view kNamePrefix = "n:";
// Numbers likewise ("#2009"); stems never start with '#'.
constexpr std::string_view kNumberPrefix = "#";
// A title says what the story is about more densely than any body sentence.
constexpr int kTitleWeight = 2;

}  // namespace

AnalyzedArticle::AnalyzedArticle() = default;
AnalyzedArticle::~AnalyzedArticle() = default;
AnalyzedArticle::AnalyzedArticle(AnalyzedArticle&&) noexcept = default;
AnalyzedArticle& AnalyzedArticle::operator=(AnalyzedArticle&&) noexcept = default;

AnalysisOptions AnalysisOptionsFor(const EngineOptions& options) {
  return {.headline_evidence = options.headline_evidence, .event_days = options.events};
}

AnalyzedArticle AnalyzeArticle(const RawArticle& article, const AnalysisOptions& options) {
  // One analyzer per thread: TextAnalyzer keeps scratch state and is not thread-safe.
  thread_local text::TextAnalyzer analyzer;
  AnalyzedArticle result;
  result.data_ = std::make_unique<AnalyzedArticle::Data>();
  AnalyzedArticle::Data& d = *result.data_;
  if (article.title) d.title = analyzer.Analyze(*article.title);
  d.bullets.reserve(article.bullets.size());
  for (const std::string& bullet : article.bullets) d.bullets.push_back(analyzer.Analyze(bullet));
  d.body = analyzer.Analyze(article.text);
  d.exact_hash = fingerprint::ExactHash(d.body.normalized);
  d.shingles = fingerprint::ShingleHashes(d.body.words);
  d.credits = copies::FindAttributions(article.text);
  if (options.event_days) d.event_days = stories::LeadEventDays(d.body, article.published);
  if (options.headline_evidence) {
    d.headline_evidence = std::make_shared<const digest::HeadlineEvidence>(
        digest::HeadlineEvidenceOf(article.title, d.title ? &*d.title : nullptr, d.body));
  }
  return result;
}

struct StoryEngine::Impl {
  // `grouper` is declared before `options`, so it is built before `engine_options` is moved.
  explicit Impl(EngineOptions engine_options)
      : grouper(MakeGroupingOptions(engine_options)), options(std::move(engine_options)) {
    if (options.events) {
      stories::GroupingOptions g = MakeGroupingOptions(options);
      g.attach_threshold = options.storyline_attach_threshold.value_or(stories::kStorylineAttachThreshold);
      storylines.emplace(std::move(g));
    }
  }

  static stories::GroupingOptions MakeGroupingOptions(const EngineOptions& options) {
    stories::GroupingOptions g;
    g.window_seconds = options.window_seconds;
    if (options.join_threshold) g.join_threshold = *options.join_threshold;
    if (options.name_weight) g.name_weight = *options.name_weight;
    g.model = options.model;
    if (options.merge_probability) g.merge_probability = *options.merge_probability;
    if (options.stream_time_evidence) g.stream_time_evidence = *options.stream_time_evidence;
    if (options.events) {
      g.events_by_day = true;
      g.event_days_near_penalty = stories::kEventLevelNearPenalty;
    }
    g.sentence_model = options.sentence_model;
    g.rewrite_model = options.rewrite_model;
    if (options.exhaustive_candidates) {
      g.max_postings_per_term = std::numeric_limits<size_t>::max();
      g.scored_candidates = std::numeric_limits<size_t>::max();
    }
    return g;
  }

  // Term counts of one article, interned; the analysed body is left in *body.
  struct Counted {
    std::vector<std::pair<terms::TermId, int>> terms;
    std::vector<std::pair<terms::TermId, int>> names;
    std::vector<std::pair<terms::TermId, int>> title;  // title stems
    std::vector<std::pair<terms::TermId, int>> lead;   // the first kLeadStems stems of bullets and body
    std::vector<std::pair<terms::TermId, int>> numbers;
    std::vector<int> years;  // the calendar years of title, bullets and body
  };

  // Interns the article's terms in text order (title, bullets, body), as they always were, so
  // that term ids and hence every sum over them come out the same however the analysis ran.
  Counted Count(const AnalyzedArticle::Data& analyzed) {
    std::unordered_map<terms::TermId, int> terms, names, title, lead, numbers;
    size_t lead_stems = 0;
    std::vector<std::string> number_tokens;
    auto add = [&](const text::AnalyzedText& analyzed, int weight, bool in_body) {
      for (const std::string& stem : analyzed.stems) {
        const terms::TermId id = statistics.Intern(stem);
        terms[id] += weight;
        if (!in_body) {
          ++title[id];
        } else if (lead_stems < stories::kLeadStems) {
          ++lead[id];
          ++lead_stems;
        }
      }
      number_tokens.insert(number_tokens.end(), analyzed.numbers.begin(), analyzed.numbers.end());
      for (const std::string& number : analyzed.numbers) {
        std::string key(kNumberPrefix);
        key += number;
        numbers[statistics.Intern(key)] += 1;
      }
      const bool with_names = in_body;
      if (!with_names) return;
      // Each word of a name counts on its own, so "Sollen Valley" and "Sollen Valley Water
      // Board" overlap in the words they share instead of being two unrelated names.
      for (const std::string& name : analyzed.names) {
        for (const text::Token& word : text::Tokenize(name)) {
          std::string key(kNamePrefix);
          key += text::ToLower(word.text);
          names[statistics.Intern(key)] += weight;
        }
      }
    };
    Counted counted;
    // Titles give no names: Title Case makes every word look like one.
    if (analyzed.title) add(*analyzed.title, kTitleWeight, false);
    for (const text::AnalyzedText& bullet : analyzed.bullets) add(bullet, 1, true);
    add(analyzed.body, 1, true);
    counted.terms.assign(terms.begin(), terms.end());
    counted.names.assign(names.begin(), names.end());
    counted.title.assign(title.begin(), title.end());
    counted.lead.assign(lead.begin(), lead.end());
    counted.numbers.assign(numbers.begin(), numbers.end());
    counted.years = timeutil::MentionedYears(number_tokens);
    return counted;
  }

  // Counts the article in the document frequencies (it counts in its own statistics, as in
  // batch TF-IDF) and returns its distinct terms.
  std::vector<terms::TermId> AddToStatistics(const Counted& counted) {
    std::vector<terms::TermId> unique;
    unique.reserve(counted.terms.size() + counted.names.size() + counted.numbers.size());
    for (const auto& [id, tf] : counted.terms) unique.push_back(id);
    for (const auto& [id, tf] : counted.names) unique.push_back(id);
    for (const auto& [id, tf] : counted.numbers) unique.push_back(id);
    statistics.AddDocument(unique);
    return unique;
  }

  stories::ArticleProfile Profile(const RawArticle& article, AnalyzedArticle::Data& analyzed, const Counted& counted) {
    stories::ArticleProfile p;
    p.id = article.id;
    p.time = article.published_at;
    p.mentioned_years = counted.years;
    p.source = article.source.value_or("");
    p.credits = std::move(analyzed.credits);
    p.event_days = std::move(analyzed.event_days);
    p.all = terms::TfIdfVector(counted.terms, statistics);
    p.names = terms::TfIdfVector(counted.names, statistics);
    p.title = terms::TfIdfVector(counted.title, statistics);
    p.lead = terms::TfIdfVector(counted.lead, statistics);
    p.numbers = terms::TfIdfVector(counted.numbers, statistics);
    p.copy = copies::MakeCopyDocument(analyzed.exact_hash, std::move(analyzed.shingles),
                                      copies::BuildSentenceProfiles(analyzed.body, statistics),
                                      static_cast<uint32_t>(analyzed.body.words.size()));
    return p;
  }

  // The storyline of an article whose event is `a` (recorded as `storyline` when not 0).
  int64_t PlaceInStoryline(stories::ArticleProfile profile, const stories::Assignment& a, int64_t storyline) {
    const int64_t line = storylines->Record(std::move(profile), a, grouper.CurrentStory(a.story), storyline);
    storylines->ForgetWhenGrown();
    return line;
  }

  // Forgets the terms nothing live holds once the vocabulary has reached the next threshold
  // (EngineOptions::forget_terms_at, then half again what was left): the sweep walks every live
  // structure, so growing the threshold with what is left keeps its cost a constant per term
  // interned, and the vocabulary between 1 and 1.5 times what is live.
  void ForgetUnusedTerms() {
    if (options.forget_terms_at == 0 || statistics.Size() < next_forget_at) return;
    std::vector<bool> in_use(statistics.IdBound(), false);
    grouper.MarkTermsInUse(in_use);
    if (storylines) storylines->MarkTermsInUse(in_use);
    statistics.Forget(in_use);
    next_forget_at = std::max(options.forget_terms_at, statistics.Size() + statistics.Size() / 2);
  }

  terms::TermStatistics statistics;
  stories::StoryGrouper grouper;
  // The storylines above the events, when grouping events (EngineOptions::events).
  std::optional<stories::StorylineLevel> storylines;
  // Training replay. Teacher forcing: gold label -> story id. Own decisions: story id -> how
  // many of its articles carry each gold label.
  std::unordered_map<std::string, int64_t> gold_stories;
  std::unordered_map<int64_t, std::unordered_map<std::string, int>> gold_members;
  EngineOptions options;
  size_t next_forget_at = options.forget_terms_at;
};

StoryEngine::StoryEngine(EngineOptions options) : impl_(std::make_unique<Impl>(std::move(options))) {}
StoryEngine::~StoryEngine() = default;
StoryEngine::StoryEngine(StoryEngine&&) noexcept = default;
StoryEngine& StoryEngine::operator=(StoryEngine&&) noexcept = default;

void StoryEngine::LoadDocumentFrequencies(int64_t documents, const std::map<std::string, int64_t>& df,
                                          bool kept_always) {
  impl_->statistics.AddDocuments(documents);
  for (const auto& [term, count] : df) impl_->statistics.AddCounts(0, term, count, kept_always);
}

void StoryEngine::ReserveStoryIdsThrough(int64_t id) { impl_->grouper.ReserveStoryIdsThrough(id); }

void StoryEngine::ReserveStorylineIdsThrough(int64_t id) {
  if (impl_->storylines) impl_->storylines->ReserveIdsThrough(id);
}

Decision StoryEngine::Add(const RawArticle& article) {
  return Decide(article, AnalyzeArticle(article, AnalysisOptionsFor(impl_->options)));
}

Decision StoryEngine::Decide(const RawArticle& article, AnalyzedArticle analyzed) {
  AnalyzedArticle::Data& data = *analyzed.data_;
  Impl::Counted counted = impl_->Count(data);
  const std::vector<terms::TermId> unique = impl_->AddToStatistics(counted);

  stories::ArticleProfile profile = impl_->Profile(article, data, counted);
  Decision d;
  d.exact_hash = profile.copy.exact_hash;
  d.minhash = profile.copy.minhash;  // the copy index takes the profile's own
  stories::Assignment a;
  if (impl_->storylines) {
    // The event grouper takes only the copy document: the storylines get the rest uncopied.
    a = impl_->grouper.Assign(&profile);
    d.storyline = impl_->PlaceInStoryline(std::move(profile), a, 0);
  } else {
    a = impl_->grouper.Assign(std::move(profile));
  }

  d.story = a.story;
  d.opened_story = a.opened_story;
  d.similarity = a.similarity;
  d.copy_of = a.copy_of;
  d.relation = a.relation;
  d.copy_score = a.copy_score;
  d.merged_stories = a.merged;
  d.copy_updates = a.copy_updates;
  d.terms.reserve(unique.size());
  for (terms::TermId id : unique) d.terms.push_back(impl_->statistics.Term(id));
  std::sort(d.terms.begin(), d.terms.end());
  d.headline_evidence = std::move(data.headline_evidence);
  // Only now: the decision names the article's terms by their strings above, and nothing
  // guarantees that every one of them is still held by a live structure.
  impl_->ForgetUnusedTerms();
  return d;
}

const EngineOptions& StoryEngine::Options() const { return impl_->options; }

int64_t StoryEngine::CurrentStory(int64_t story) const { return impl_->grouper.CurrentStory(story); }

void StoryEngine::KeepApart(int64_t a, int64_t b) { impl_->grouper.KeepApart(a, b); }

bool StoryEngine::Observe(const RawArticle& article, const std::string& gold, stories::TrainingArticle* example) {
  AnalysisOptions analysis = AnalysisOptionsFor(impl_->options);
  analysis.headline_evidence = false;
  AnalyzedArticle analyzed = AnalyzeArticle(article, analysis);
  Impl::Counted counted = impl_->Count(*analyzed.data_);
  impl_->AddToStatistics(counted);
  stories::ArticleProfile profile = impl_->Profile(article, *analyzed.data_, counted);

  const std::vector<stories::Candidate> candidates = impl_->grouper.Candidates(profile);
  // A copy is placed by its fingerprint before any model is asked (as in Add).
  const bool is_copy = impl_->grouper.IsCopy(profile);
  example->candidates.clear();
  example->gold.reset();
  for (const stories::Candidate& c : candidates) example->candidates.push_back(c.features);

  if (!impl_->options.model) {
    // Teacher forcing: the stories are the gold stories.
    auto [it, opened] = impl_->gold_stories.try_emplace(gold, 0);
    if (opened) it->second = impl_->grouper.OpenStoryId();
    for (size_t i = 0; i < candidates.size(); ++i) {
      if (candidates[i].story == it->second) example->gold = i;
    }
    stories::Assignment a;
    a.story = it->second;
    impl_->grouper.Record(std::move(profile), a);
    return !is_copy;
  }

  // The model's own decisions: the stories are what it made, and a candidate is right when
  // most of its articles are of the article's gold story (the best such candidate if several).
  int best_count = 0;
  for (size_t i = 0; i < candidates.size(); ++i) {
    const auto& members = impl_->gold_members[impl_->grouper.CurrentStory(candidates[i].story)];
    int count = 0, majority = 0;
    for (const auto& [label, n] : members) {
      majority = std::max(majority, n);
      if (label == gold) count = n;
    }
    if (count > 0 && count == majority && count > best_count) {
      best_count = count;
      example->gold = i;
    }
  }
  const stories::Assignment a = impl_->grouper.Assign(std::move(profile));
  auto& members = impl_->gold_members[a.story];
  for (int64_t merged : a.merged) {
    for (const auto& [label, n] : impl_->gold_members[merged]) members[label] += n;
    impl_->gold_members.erase(merged);
  }
  ++members[gold];
  return !is_copy;
}

void StoryEngine::Restore(const RawArticle& article, int64_t story, const std::optional<std::string>& copy_of,
                          copies::CopyKind relation, int64_t storyline) {
  AnalysisOptions analysis = AnalysisOptionsFor(impl_->options);
  analysis.headline_evidence = false;
  Restore(article, AnalyzeArticle(article, analysis), story, copy_of, relation, storyline);
}

void StoryEngine::Restore(const RawArticle& article, AnalyzedArticle analyzed, int64_t story,
                          const std::optional<std::string>& copy_of, copies::CopyKind relation, int64_t storyline) {
  Impl::Counted counted = impl_->Count(*analyzed.data_);
  stories::ArticleProfile profile = impl_->Profile(article, *analyzed.data_, counted);
  stories::Assignment a;
  a.story = story;
  a.copy_of = copy_of;
  a.relation = relation;
  if (impl_->storylines) {
    impl_->grouper.Record(&profile, a);
    impl_->storylines->ReserveIdsThrough(storyline);
    impl_->PlaceInStoryline(std::move(profile), a, storyline);
  } else {
    impl_->grouper.Record(std::move(profile), a);
  }
  impl_->ForgetUnusedTerms();
}

void StoryEngine::Fingerprint(const RawArticle& article, uint64_t* exact_hash, std::vector<uint32_t>* minhash) {
  text::TextAnalyzer analyzer;
  const text::AnalyzedText body = analyzer.Analyze(article.text);
  *exact_hash = fingerprint::ExactHash(body.normalized);
  *minhash = fingerprint::ComputeMinHash(body.words);
}

void SortForProcessing(std::vector<RawArticle>* articles) {
  std::stable_sort(articles->begin(), articles->end(), [](const RawArticle& a, const RawArticle& b) {
    if (a.published_at.has_value() != b.published_at.has_value()) return a.published_at.has_value();
    return a.published_at.has_value() && *a.published_at < *b.published_at;
  });
}

}  // namespace storydesk
