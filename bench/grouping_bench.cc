// Grouping-step benchmarks: StoryGrouper::Assign alone, on profiles computed beforehand, so
// the figure is the cost of candidate retrieval, features and decisions — not of text analysis.
//   BM_GroupFixed    the fixed cosine threshold
//   BM_GroupLearned  the shipped story model (models/story-model.tsv) with time evidence
//   BM_GroupTwoLevels  the same, grouping events (each article's lead giving its story's day)
//                    and storylines above them (StorylineLevel), as `--events` does
// items/s = articles/s on one core. The stream: one article a minute, stories of ~5 articles
// spread over a few hours, a 7-day window — so about 10,000 articles and 2,000 stories are
// active at once once the window fills.
// Run: make bench && build-bench/bench/storydesk_grouping_bench
#include <benchmark/benchmark.h>

#include <fstream>
#include <map>
#include <memory>
#include <random>
#include <sstream>
#include <string>
#include <vector>

#include "core/stories/story_grouper.h"
#include "core/stories/storyline_level.h"
#include "storydesk/copies/copy_relation.h"
#include "storydesk/fingerprint/minhash.h"
#include "storydesk/stories/story_model.h"

namespace {

using storydesk::stories::ArticleProfile;
using storydesk::terms::TermId;

// A unit TF-IDF-like vector of `n` distinct terms: half from the story's own vocabulary, half
// from a shared pool of common terms, with Zipf-ish weights.
storydesk::terms::SparseVector MakeVector(std::mt19937& rng, size_t n, TermId story_base, TermId story_span,
                                          TermId common) {
  std::map<TermId, float> weights;
  while (weights.size() < n) {
    const bool own = rng() % 2 == 0;
    const TermId id = own ? story_base + rng() % story_span : rng() % common;
    weights[id] += own ? 2.0f : 1.0f / static_cast<float>(1 + rng() % 5);
  }
  storydesk::terms::SparseVector v;
  v.entries.assign(weights.begin(), weights.end());
  v.Normalize();
  return v;
}

std::vector<ArticleProfile> MakeStream(size_t articles) {
  std::mt19937 rng(7);
  std::vector<ArticleProfile> out;
  out.reserve(articles);
  constexpr TermId kCommon = 3000;
  int64_t story = 0;
  int left_in_story = 0;
  for (size_t i = 0; i < articles; ++i) {
    // Interleave: each new article continues a recent story or starts one.
    if (left_in_story == 0 || rng() % 3 == 0) {
      story = static_cast<int64_t>(i);
      left_in_story = 1 + static_cast<int>(rng() % 8);
    }
    --left_in_story;
    const TermId base = kCommon + static_cast<TermId>(story % 50000) * 40;
    ArticleProfile p;
    p.id = "a" + std::to_string(i);
    p.time = static_cast<int64_t>(i) * 60;
    // The day its lead dates the news to: its story's first day (used by BM_GroupTwoLevels only).
    p.event_days = {static_cast<int32_t>(story * 60 / 86400)};
    p.all = MakeVector(rng, 80, base, 40, kCommon);
    p.title = MakeVector(rng, 8, base, 40, kCommon);
    p.lead = MakeVector(rng, 30, base, 40, kCommon);
    p.names = MakeVector(rng, 8, base + 20, 20, kCommon);
    p.numbers = MakeVector(rng, 3, base + 30, 10, kCommon);
    std::vector<std::string> words;
    for (const auto& [id, w] : p.all.entries) words.push_back("w" + std::to_string(id));
    // A body with no sentence structure: copy detection is measured on its own (copies_bench).
    p.copy = storydesk::copies::MakeCopyDocument(std::hash<std::string>{}(p.id),
                                                 storydesk::fingerprint::ShingleHashes(words), {}, 300);
    out.push_back(std::move(p));
  }
  return out;
}

std::shared_ptr<const storydesk::stories::StoryModel> ShippedModel() {
  std::ifstream in(STORYDESK_SOURCE_DIR "/models/story-model.tsv");
  std::stringstream text;
  text << in.rdbuf();
  auto parsed = storydesk::stories::ParseStoryModel(text.str());
  if (!parsed.ok()) return nullptr;
  return std::make_shared<const storydesk::stories::StoryModel>(parsed.value());
}

void RunGrouping(benchmark::State& state, const storydesk::stories::GroupingOptions& options) {
  const auto stream = MakeStream(static_cast<size_t>(state.range(0)));
  for (auto _ : state) {
    auto grouper = std::make_unique<storydesk::stories::StoryGrouper>(options);
    for (const auto& p : stream) benchmark::DoNotOptimize(grouper->Assign(p));
    state.PauseTiming();  // tearing the state down is not part of grouping an article
    grouper.reset();
    state.ResumeTiming();
  }
  state.SetItemsProcessed(static_cast<int64_t>(stream.size() * state.iterations()));
}

void BM_GroupFixed(benchmark::State& state) { RunGrouping(state, {}); }
BENCHMARK(BM_GroupFixed)->Arg(2000)->Arg(20000)->Unit(benchmark::kMillisecond);

void BM_GroupLearned(benchmark::State& state) {
  storydesk::stories::GroupingOptions options;
  options.model = ShippedModel();
  if (!options.model) {
    state.SkipWithError("cannot read models/story-model.tsv");
    return;
  }
  RunGrouping(state, options);
}
BENCHMARK(BM_GroupLearned)->Arg(20000)->Unit(benchmark::kMillisecond);

void BM_GroupTwoLevels(benchmark::State& state) {
  storydesk::stories::GroupingOptions options;
  options.model = ShippedModel();
  if (!options.model) {
    state.SkipWithError("cannot read models/story-model.tsv");
    return;
  }
  storydesk::stories::GroupingOptions events = options;
  events.events_by_day = true;
  events.event_days_near_penalty = storydesk::stories::kEventLevelNearPenalty;
  const auto stream = MakeStream(static_cast<size_t>(state.range(0)));
  for (auto _ : state) {
    auto grouper = std::make_unique<storydesk::stories::StoryGrouper>(events);
    auto storylines = std::make_unique<storydesk::stories::StorylineLevel>(options);
    for (const auto& p : stream) {
      ArticleProfile article = p;  // what the engine hands over (as BM_GroupLearned's copy)
      const auto event = grouper->Assign(&article);
      benchmark::DoNotOptimize(storylines->Place(std::move(article), event, grouper->CurrentStory(event.story)));
    }
    state.PauseTiming();
    grouper.reset();
    storylines.reset();
    state.ResumeTiming();
  }
  state.SetItemsProcessed(static_cast<int64_t>(stream.size() * state.iterations()));
}
BENCHMARK(BM_GroupTwoLevels)->Arg(20000)->Unit(benchmark::kMillisecond);

}  // namespace
