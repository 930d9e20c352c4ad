// Kernel benchmarks: the per-article costs of the pipeline, on a generated corpus.
//   BM_Analyze      text normalisation, sentences, tokens, stems, names (bytes/s)
//   BM_MinHash      MinHash signing of word shingles (bytes/s)
//   BM_Timex        temporal expressions found and resolved (bytes/s), on text with dates
//   BM_AnalyzeDated BM_Analyze on that same text, the baseline to compare BM_Timex with
//   BM_StoryEngine  the whole core pipeline per article (items/s = articles/s)
// Run: build-bench/bench/storydesk_kernels_bench
#include <benchmark/benchmark.h>

#include <random>
#include <string>
#include <vector>

#include "storydesk/fingerprint/minhash.h"
#include "storydesk/story_engine.h"
#include "storydesk/text/analyzer.h"
#include "storydesk/time/timex.h"

namespace {

// A synthetic corpus: `stories` topics, each with its own vocabulary drawn from a shared
// Zipf-like pool, so articles of one topic overlap and articles of different topics mostly
// do not — the shape of a news stream, without third-party text.
std::vector<storydesk::RawArticle> MakeCorpus(size_t articles, size_t stories, size_t words_per_article) {
  std::mt19937 rng(42);
  std::vector<std::string> pool;
  pool.reserve(20000);
  for (int i = 0; i < 20000; ++i) pool.push_back("word" + std::to_string(i));
  std::vector<storydesk::RawArticle> out;
  for (size_t i = 0; i < articles; ++i) {
    const size_t story = rng() % stories;
    std::string text;
    for (size_t w = 0; w < words_per_article; ++w) {
      // Half the words from the story's own slice of the pool, half from common words.
      const size_t index = (w % 2 == 0) ? (story * 50 + rng() % 50) % pool.size() : rng() % 300;
      text += pool[index];
      text += (w % 15 == 14) ? ". " : " ";
    }
    storydesk::RawArticle a;
    a.id = "b" + std::to_string(i);
    a.title = "Story " + std::to_string(story) + " " + pool[story * 50 % pool.size()];
    a.published_at = static_cast<int64_t>(i) * 60;  // one article a minute
    a.text = std::move(text);
    out.push_back(std::move(a));
  }
  return out;
}

void BM_Analyze(benchmark::State& state) {
  const auto corpus = MakeCorpus(200, 20, 400);
  storydesk::text::TextAnalyzer analyzer;
  size_t bytes = 0;
  for (auto _ : state) {
    for (const auto& a : corpus) {
      benchmark::DoNotOptimize(analyzer.Analyze(a.text));
      bytes += a.text.size();
    }
  }
  state.SetBytesProcessed(static_cast<int64_t>(bytes));
}
BENCHMARK(BM_Analyze)->Unit(benchmark::kMillisecond);

// News-like sentences with the date expressions a wire story carries, between the synthetic
// corpus's words: the recogniser's work is per token, with extra work at each date.
std::vector<std::string> MakeDatedTexts(size_t articles) {
  static const char* const kSentences[] = {"The envoy arrived in the capital on Saturday for a four-day visit. ",
                                           "Officials said on Monday that talks would resume next week. ",
                                           "The exercise began on 16 August and is expected to end on Tuesday. ",
                                           "Profit rose 12% in the third quarter from a year earlier. ",
                                           "The company was founded in 1998 and moved its offices in March. ",
                                           "Lawmakers are due to vote on the bill later this month, the speaker said. ",
                                           "Prices have fallen since the 1990s, economists said. ",
                                           "The agency gave the families until 9 a.m. Thursday to respond. "};
  const auto corpus = MakeCorpus(articles, 20, 300);
  std::vector<std::string> out;
  out.reserve(corpus.size());
  size_t k = 0;
  for (const auto& a : corpus) {
    std::string text;
    for (size_t at = 0; at < a.text.size(); at += 600) {
      text += a.text.substr(at, 600);
      text += kSentences[k++ % (sizeof kSentences / sizeof kSentences[0])];
    }
    out.push_back(std::move(text));
  }
  return out;
}

void BM_Timex(benchmark::State& state) {
  const std::vector<std::string> texts = MakeDatedTexts(200);
  const storydesk::timeutil::CivilDate published{2021, 8, 23};
  size_t bytes = 0;
  for (auto _ : state) {
    for (const std::string& t : texts) {
      benchmark::DoNotOptimize(storydesk::timeutil::FindTimexes(t, published));
      bytes += t.size();
    }
  }
  state.SetBytesProcessed(static_cast<int64_t>(bytes));
}
BENCHMARK(BM_Timex)->Unit(benchmark::kMillisecond);

void BM_AnalyzeDated(benchmark::State& state) {
  const std::vector<std::string> texts = MakeDatedTexts(200);
  storydesk::text::TextAnalyzer analyzer;
  size_t bytes = 0;
  for (auto _ : state) {
    for (const std::string& t : texts) {
      benchmark::DoNotOptimize(analyzer.Analyze(t));
      bytes += t.size();
    }
  }
  state.SetBytesProcessed(static_cast<int64_t>(bytes));
}
BENCHMARK(BM_AnalyzeDated)->Unit(benchmark::kMillisecond);

void BM_MinHash(benchmark::State& state) {
  const auto corpus = MakeCorpus(200, 20, 400);
  storydesk::text::TextAnalyzer analyzer;
  std::vector<std::vector<std::string>> words;
  size_t corpus_bytes = 0;
  for (const auto& a : corpus) {
    words.push_back(analyzer.Analyze(a.text).words);
    corpus_bytes += a.text.size();
  }
  for (auto _ : state) {
    for (const auto& w : words) benchmark::DoNotOptimize(storydesk::fingerprint::ComputeMinHash(w));
  }
  state.SetBytesProcessed(static_cast<int64_t>(corpus_bytes * state.iterations()));
}
BENCHMARK(BM_MinHash)->Unit(benchmark::kMillisecond);

void BM_StoryEngine(benchmark::State& state) {
  const auto corpus = MakeCorpus(static_cast<size_t>(state.range(0)), 500, 300);
  for (auto _ : state) {
    storydesk::StoryEngine engine;
    for (const auto& a : corpus) benchmark::DoNotOptimize(engine.Add(a));
  }
  state.SetItemsProcessed(static_cast<int64_t>(corpus.size() * state.iterations()));
}
BENCHMARK(BM_StoryEngine)->Arg(5000)->Unit(benchmark::kMillisecond);

}  // namespace
