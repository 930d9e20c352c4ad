// Copy detection benchmarks, per core, in bytes of article text per second.
//   BM_CopyFingerprint  word shingles and the 128-permutation MinHash signature of each article
//   BM_CopyDetection    everything copy detection does after text analysis: sentence profiles,
//                       shingles and signature, candidate search (exact table, LSH, heaviest
//                       terms), full comparison of candidates (shingle overlap, sentence
//                       alignment) and indexing, over a window of 2,000 articles
// The corpus is generated (no third-party text): topic-shaped articles, a fifth of them
// lightly edited copies of an earlier one, so the verification paths run too.
// Run: build-bench/bench/storydesk_copies_bench
#include <benchmark/benchmark.h>

#include <deque>
#include <map>
#include <random>
#include <string>
#include <vector>

#include "core/copies/copy_index.h"
#include "core/copies/sentence_profile.h"
#include "core/fingerprint/exact_hash.h"
#include "core/fingerprint/minhash.h"
#include "core/stories/sparse_vector.h"
#include "core/text/analyzer.h"

namespace {

using storydesk::copies::CopyDocument;

std::vector<std::string> MakeTexts(size_t articles, size_t words_per_article) {
  std::mt19937 rng(7);
  std::vector<std::string> pool;
  for (int i = 0; i < 20000; ++i) pool.push_back("word" + std::to_string(i));
  std::vector<std::string> out;
  for (size_t i = 0; i < articles; ++i) {
    if (i >= 10 && i % 5 == 0) {
      std::string copy = out[i - 1 - rng() % 9];
      copy.replace(copy.find(' '), 1, " edited ");
      out.push_back(std::move(copy));
      continue;
    }
    const size_t topic = rng() % 200;
    std::string text;
    for (size_t w = 0; w < words_per_article; ++w) {
      const size_t index = (w % 2 == 0) ? (topic * 50 + rng() % 50) % pool.size() : rng() % 300;
      text += pool[index];
      text += (w % 18 == 17) ? ". " : " ";
    }
    out.push_back(std::move(text));
  }
  return out;
}

struct Prepared {
  std::vector<storydesk::text::AnalyzedText> analyzed;
  size_t bytes = 0;
};

Prepared Prepare(size_t articles) {
  Prepared p;
  storydesk::text::TextAnalyzer analyzer;
  for (const std::string& t : MakeTexts(articles, 450)) {
    p.analyzed.push_back(analyzer.Analyze(t));
    p.bytes += t.size();
  }
  return p;
}

void BM_CopyFingerprint(benchmark::State& state) {
  const Prepared p = Prepare(500);
  for (auto _ : state) {
    for (const auto& a : p.analyzed) {
      const auto shingles = storydesk::fingerprint::ShingleHashes(a.words);
      benchmark::DoNotOptimize(
          storydesk::copies::MakeCopyDocument(storydesk::fingerprint::ExactHash(a.normalized), shingles, {}, 0));
    }
  }
  state.SetBytesProcessed(static_cast<int64_t>(p.bytes * state.iterations()));
}
BENCHMARK(BM_CopyFingerprint)->Unit(benchmark::kMillisecond);

void BM_CopyDetection(benchmark::State& state) {
  const Prepared p = Prepare(5000);
  storydesk::copies::SentenceModel model;  // a typical trained shape
  model.weights[storydesk::copies::kSentenceBias] = -5.0;
  model.weights[storydesk::copies::kWeightedDice] = 4.0;
  model.weights[storydesk::copies::kStemJaccard] = 5.0;
  model.match_probability = 0.77;
  constexpr size_t kWindow = 2000;
  size_t copies_found = 0;
  for (auto _ : state) {
    storydesk::stories::TermStatistics statistics;
    storydesk::copies::CopyIndex index;
    std::deque<size_t> window;
    for (size_t i = 0; i < p.analyzed.size(); ++i) {
      const auto& a = p.analyzed[i];
      // The TF-IDF vector the engine computes for grouping anyway; its cost is not copy detection's.
      state.PauseTiming();
      std::map<storydesk::stories::TermId, int> counts;
      std::vector<storydesk::stories::TermId> unique;
      for (const std::string& stem : a.stems) counts[statistics.Intern(stem)]++;
      for (const auto& [id, n] : counts) unique.push_back(id);
      statistics.AddDocument(unique);
      const auto terms = storydesk::stories::TfIdfVector({counts.begin(), counts.end()}, statistics);
      state.ResumeTiming();

      CopyDocument doc = storydesk::copies::MakeCopyDocument(
          storydesk::fingerprint::ExactHash(a.normalized), storydesk::fingerprint::ShingleHashes(a.words),
          storydesk::copies::BuildSentenceProfiles(a, statistics), static_cast<uint32_t>(a.words.size()));
      if (index.Find(doc, terms, {&model, nullptr})) ++copies_found;
      index.Insert(i, std::move(doc), terms);
      window.push_back(i);
      if (window.size() > kWindow) {
        index.Erase(window.front());
        window.pop_front();
      }
    }
  }
  state.counters["copies_found"] = static_cast<double>(copies_found) / static_cast<double>(state.iterations());
  state.SetBytesProcessed(static_cast<int64_t>(p.bytes * state.iterations()));
  state.SetItemsProcessed(static_cast<int64_t>(p.analyzed.size() * state.iterations()));
}
BENCHMARK(BM_CopyDetection)->Unit(benchmark::kMillisecond)->Iterations(2);

}  // namespace
