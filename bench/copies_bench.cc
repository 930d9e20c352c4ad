// Copy detection benchmarks, per core, in bytes of article text per second.
//   BM_CopyFingerprint  word shingles and the 128-permutation MinHash signature of each article
//   BM_CopyDetection    everything copy detection does after text analysis: sentence profiles,
//                       shingles and signature, candidate search (exact table, LSH, heaviest
//                       terms), full comparison of candidates (shingle overlap, sentence
//                       alignment) and indexing, over a window of 2,000 articles
// The corpus is generated (no third-party text): topic-shaped articles of 25 sentences, a
// fifth of them copies of an earlier one (half lightly edited, half re-worded sentence by
// sentence), so every verification path runs, sentence alignment included.
// Run: build-bench/bench/storydesk_copies_bench
#include <benchmark/benchmark.h>

#include <cctype>
#include <deque>
#include <fstream>
#include <map>
#include <nlohmann/json.hpp>
#include <random>
#include <sstream>
#include <string>
#include <vector>

#include "core/copies/copy_index.h"
#include "core/fingerprint/exact_hash.h"
#include "storydesk/copies/sentence_profile.h"
#include "storydesk/fingerprint/minhash.h"
#include "storydesk/terms/sparse_vector.h"
#include "storydesk/text/analyzer.h"

namespace {

using storydesk::copies::CopyDocument;

// Articles of 25 sentences of 18 words; each sentence opens with a capitalised word, so the
// analyzer sees sentences and rewrite detection (sentence alignment) has work. A fifth of the
// articles are copies of one of the 9 before: half lightly edited (a near copy), half with a
// third of each sentence's words replaced (only sentence alignment can tell).
std::vector<std::string> MakeTexts(size_t articles, size_t words_per_article) {
  std::mt19937 rng(7);
  std::vector<std::string> pool;
  pool.reserve(20000);
  for (int i = 0; i < 20000; ++i) pool.push_back("word" + std::to_string(i));
  // A third of the words are the topic's (120 per topic), the rest follow Zipf's law over the
  // whole vocabulary, as words of news text do: same-topic articles share names and terms
  // without sharing most of every sentence.
  std::vector<double> zipf(pool.size());
  for (size_t r = 0; r < pool.size(); ++r) zipf[r] = 1.0 / static_cast<double>(r + 1);
  std::discrete_distribution<size_t> general(zipf.begin(), zipf.end());
  auto word = [&](size_t topic, size_t w) {
    return pool[(w % 3 == 0) ? (topic * 120 + rng() % 120) % pool.size() : general(rng)];
  };
  constexpr size_t kSentenceWords = 18;
  std::vector<std::vector<std::vector<std::string>>> sentences;  // per article
  std::vector<std::string> out;
  for (size_t i = 0; i < articles; ++i) {
    std::vector<std::vector<std::string>> body;
    const bool copy = i >= 10 && i % 5 == 0;
    if (copy) {
      body = sentences[i - 1 - rng() % 9];
      if (i % 10 == 0) {
        body[0][1] = "edited";
      } else {
        for (auto& sentence : body) {
          for (size_t w = 1; w < sentence.size(); w += 3) sentence[w] = pool[general(rng)];
        }
      }
    } else {
      const size_t topic = rng() % 200;
      for (size_t w = 0; w < words_per_article; w += kSentenceWords) {
        std::vector<std::string> sentence;
        for (size_t k = 0; k < kSentenceWords; ++k) sentence.push_back(word(topic, w + k));
        body.push_back(std::move(sentence));
      }
    }
    std::string text;
    for (const auto& sentence : body) {
      for (size_t k = 0; k < sentence.size(); ++k) {
        std::string w = sentence[k];
        if (k == 0) w[0] = static_cast<char>(std::toupper(static_cast<unsigned char>(w[0])));
        text += w;
        text += k + 1 == sentence.size() ? ". " : " ";
      }
    }
    sentences.push_back(std::move(body));
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

void RunCopyDetection(benchmark::State& state, const Prepared& p, bool rewrites_too = true) {
  // The shipped sentence matcher and rewrite decision, as the engine runs them.
  auto read = [](const char* name) {
    std::ifstream in(std::string(STORYDESK_SOURCE_DIR) + "/models/" + name);
    std::stringstream text;
    text << in.rdbuf();
    return text.str();
  };
  const auto sentences = storydesk::copies::ParseSentenceModel(read("sentence-model.tsv"));
  const auto rewrites = storydesk::copies::ParseRewriteModel(read("rewrite-model.tsv"));
  if (!sentences.ok() || !rewrites.ok()) {
    state.SkipWithError("cannot read models/sentence-model.tsv or models/rewrite-model.tsv");
    return;
  }
  const storydesk::copies::CopyModels models =
      rewrites_too ? storydesk::copies::CopyModels{&sentences.value(), &rewrites.value()}
                   : storydesk::copies::CopyModels{};
  constexpr size_t kWindow = 2000;
  size_t copies_found = 0;
  for (auto _ : state) {
    storydesk::terms::TermStatistics statistics;
    storydesk::copies::CopyIndex index;
    std::deque<size_t> window;
    for (size_t i = 0; i < p.analyzed.size(); ++i) {
      const auto& a = p.analyzed[i];
      // The TF-IDF vector the engine computes for grouping anyway; its cost is not copy detection's.
      state.PauseTiming();
      std::map<storydesk::terms::TermId, int> counts;
      std::vector<storydesk::terms::TermId> unique;
      for (const std::string& stem : a.stems) counts[statistics.Intern(stem)]++;
      unique.reserve(counts.size());
      for (const auto& [id, n] : counts) unique.push_back(id);
      statistics.AddDocument(unique);
      const auto terms = storydesk::terms::TfIdfVector({counts.begin(), counts.end()}, statistics);
      state.ResumeTiming();

      CopyDocument doc = storydesk::copies::MakeCopyDocument(
          storydesk::fingerprint::ExactHash(a.normalized), storydesk::fingerprint::ShingleHashes(a.words),
          storydesk::copies::BuildSentenceProfiles(a, statistics), static_cast<uint32_t>(a.words.size()));
      if (index.Find(doc, terms, models)) ++copies_found;
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
void BM_CopyDetection(benchmark::State& state) { RunCopyDetection(state, Prepare(5000)); }
BENCHMARK(BM_CopyDetection)->Unit(benchmark::kMillisecond)->Iterations(2);

// The same on real news: every article of ../shared/data's multinews-dev, ecbplus and
// allsides-dev (stories told by several outlets, some wire copies among them), in file order.
// Skipped when the data is absent.
void BM_CopyDetectionNews(benchmark::State& state) {
  Prepared p;
  storydesk::text::TextAnalyzer analyzer;
  for (const char* set : {"multinews-dev", "ecbplus", "allsides-dev"}) {
    std::ifstream in(std::string(STORYDESK_SOURCE_DIR) + "/../shared/data/" + set + "/articles.jsonl");
    for (std::string line; std::getline(in, line);) {
      const auto article = nlohmann::json::parse(line, nullptr, false);
      if (article.is_discarded() || !article.contains("text") || !article["text"].is_string()) continue;
      const std::string text = article["text"].get<std::string>();
      p.analyzed.push_back(analyzer.Analyze(text));
      p.bytes += text.size();
    }
  }
  if (p.analyzed.empty()) {
    state.SkipWithError("../shared/data is absent: no real news to measure");
    return;
  }
  RunCopyDetection(state, p, state.range(0) == 1);
}
// Arg 1: every relation; arg 0: exact, near and excerpt only (no sentence alignment).
BENCHMARK(BM_CopyDetectionNews)->Arg(1)->Arg(0)->Unit(benchmark::kMillisecond)->Iterations(3);

}  // namespace
